package io.tousu.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How to run a local stack. Build with {@link #builder(Path)}; the defaults are those of {@code ./tousu up}.
 *
 * @param home the checkout; the services run from {@code <home>/<module>/target/quarkus-app/quarkus-run.jar}
 * @param stateDir Kafka's log directory, the embedded PostgreSQL's data and the logs live here
 * @param fresh wipe Kafka's and the embedded PostgreSQL's data and drop the service databases before starting
 * @param ports the fixed ports to use; ignored when {@code freePorts}
 * @param freePorts pick free ports at start instead of {@code ports}
 * @param services the services to start, in start order
 * @param systemProperties extra {@code -D} properties per service; they override the stack's own
 * @param jvmOptions options for each service's JVM
 * @param classDataSharing start each service from its class-data archive, training it on the build's first run
 *     ({@link ClassDataArchive})
 * @param databaseSuffix appended to each database name ({@code tousu_intake_<suffix>}); empty for the standard names
 * @param disposable drop the databases and delete the Kafka and PostgreSQL data when the stack closes (logs stay)
 * @param privatePostgres run an embedded PostgreSQL of the stack's own (data in the state directory) even when
 *     the machine's server answers, so that the stack may stop and restart it
 * @param readyTimeout how long each service may take to report ready
 * @param progress hears each step
 */
public record StackOptions(Path home, Path stateDir, boolean fresh, Ports ports, boolean freePorts, Set<Service> services,
        Map<Service, Map<String, String>> systemProperties, List<String> jvmOptions, boolean classDataSharing,
        String databaseSuffix,
        boolean disposable, boolean privatePostgres, Duration readyTimeout, ProgressListener progress) {

    /**
     * A small footprint for four JVMs on a 2-core laptop: a 256 MB heap is ample for local traffic,
     * and starting it at 32 MB lets it grow with use (without {@code -Xms} the JVM commits the whole
     * 256 MB at once on a machine with much memory, and the serial collector never gives it back);
     * the serial collector needs no extra threads or memory on so few cores; native memory that the
     * JIT and Netty freed is handed back every 5 s (JDK 17.0.9+, ignored by a JDK without the flag);
     * and a JVM that runs out of memory exits (and the stack says so) instead of limping on. On a
     * machine of up to {@link #C1_ONLY_MAX_CORES} cores the services compile with C1 only, see
     * {@link #defaultJvmOptions}. {@code ./tousu bench footprint} and {@code ./tousu bench e2e} measure
     * what these give.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            defaultJvmOptions(Runtime.getRuntime().availableProcessors());

    /**
     * Up to this many cores the services' JVMs stop at the C1 compiler
     * ({@code -XX:TieredStopAtLevel=1}). Four services, the Kafka broker and PostgreSQL share the
     * cores; the C2 compilers of four JVMs then take a third to a half of each service's CPU for
     * minutes after a start, while the complaints queue. C1 code is about a fifth slower at peak
     * (intake alone) but is compiled at once: on 2 cores the whole suite at 200 complaints/s needs
     * 10 ms of CPU per complaint instead of 18 and keeps up (README, "End to end").
     */
    public static final int C1_ONLY_MAX_CORES = 4;

    /** The default options of the services' JVMs on a machine with {@code cores} cores. */
    static List<String> defaultJvmOptions(int cores) {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Xms32m", "-XX:+UseSerialGC",
                "-XX:+IgnoreUnrecognizedVMOptions", "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError"));
        if (cores <= C1_ONLY_MAX_CORES) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        return List.copyOf(options);
    }

    /** How long a service may take to report ready by default. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9_]{0,40}");

    public StackOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        if (services.isEmpty()) {
            throw new IllegalArgumentException("no service to start");
        }
        if (!SUFFIX.matcher(databaseSuffix).matches()) {
            throw new IllegalArgumentException("database suffix must be up to 40 of a-z, 0-9 and _: " + databaseSuffix);
        }
        services = Collections.unmodifiableSet(EnumSet.copyOf(services));
        Map<Service, Map<String, String>> properties = new EnumMap<>(Service.class);
        systemProperties.forEach((service, props) -> properties.put(service, Map.copyOf(props)));
        systemProperties = Map.copyOf(properties);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Options for a checkout at {@code home} with the defaults of {@code ./tousu up}. */
    public static Builder builder(Path home) {
        return new Builder(home);
    }

    /** The database of {@code service} in this stack: {@code tousu_intake}, or {@code tousu_intake_<suffix>}. */
    public String database(Service service) {
        return databaseSuffix.isEmpty() ? service.database() : service.database() + "_" + databaseSuffix;
    }

    /** Extra system properties for {@code service}, none if not given. */
    public Map<String, String> systemProperties(Service service) {
        return systemProperties.getOrDefault(service, Map.of());
    }

    /** Builds {@link StackOptions}; every setting has the {@code ./tousu up} default until set. */
    public static final class Builder {

        private final Path home;
        private Path stateDir;
        private boolean fresh;
        private Ports ports = Ports.standard();
        private boolean freePorts;
        private Set<Service> services = EnumSet.allOf(Service.class);
        private final Map<Service, Map<String, String>> systemProperties = new EnumMap<>(Service.class);
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        private boolean classDataSharing = true;
        private String databaseSuffix = "";
        private boolean disposable;
        private boolean privatePostgres;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private ProgressListener progress = ProgressListener.silent();

        private Builder(Path home) {
            this.home = home.toAbsolutePath().normalize();
        }

        /** Where state and logs live; default {@code <home>/.tousu}. */
        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir.toAbsolutePath().normalize();
            return this;
        }

        /** Start from empty Kafka topics and empty databases. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** Fixed ports; default {@link Ports#standard()}. */
        public Builder ports(Ports ports) {
            this.ports = Objects.requireNonNull(ports, "ports");
            this.freePorts = false;
            return this;
        }

        /** The standard ports plus {@code offset}. */
        public Builder portOffset(int offset) {
            return ports(Ports.standard().shiftedBy(offset));
        }

        /** Pick free ports when the stack starts. */
        public Builder freePorts() {
            this.freePorts = true;
            return this;
        }

        /** The services to start; default all four. */
        public Builder services(Collection<Service> services) {
            this.services = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
            return this;
        }

        /** An extra {@code -Dkey=value} for {@code service}; it wins over the stack's own settings. */
        public Builder systemProperty(Service service, String key, String value) {
            systemProperties.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /** Options for each service's JVM; default {@link #DEFAULT_JVM_OPTIONS}. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        /**
         * Start each service from its class-data archive, written by the build's first run; default on.
         * Off, every start reads and verifies its classes from the jars again.
         */
        public Builder classDataSharing(boolean classDataSharing) {
            this.classDataSharing = classDataSharing;
            return this;
        }

        /** Appended to each database name, so stacks can share one PostgreSQL server. */
        public Builder databaseSuffix(String databaseSuffix) {
            this.databaseSuffix = databaseSuffix;
            return this;
        }

        /** Drop the databases and Kafka's data when the stack closes. */
        public Builder disposable(boolean disposable) {
            this.disposable = disposable;
            return this;
        }

        /**
         * Start an embedded PostgreSQL of the stack's own instead of using the machine's server, so
         * that {@link Stack#stopPostgres()} can take it away without touching anybody else's databases.
         */
        public Builder privatePostgres(boolean privatePostgres) {
            this.privatePostgres = privatePostgres;
            return this;
        }

        /** How long each service may take to report ready; default 120 s. */
        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = readyTimeout;
            return this;
        }

        /** Who hears each step; default nobody. */
        public Builder progress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        /**
         * A stack for tests that may run beside a developer's {@code ./tousu up} and other tests: free
         * ports, its own databases ({@code tousu_intake_<id>}, dropped on close), a fresh state
         * directory under {@code <home>/target/stacks/<id>} (logs kept there for a failed test).
         */
        public Builder isolated() {
            String id = "st" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            freePorts();
            fresh(true);
            disposable(true);
            databaseSuffix(id);
            return stateDir(home.resolve("target/stacks").resolve(id));
        }

        /** The options; fails on an empty service list or a bad database suffix. */
        public StackOptions build() {
            return new StackOptions(home, stateDir != null ? stateDir : home.resolve(".tousu"), fresh, ports, freePorts,
                    services, systemProperties, jvmOptions, classDataSharing, databaseSuffix, disposable,
                    privatePostgres, readyTimeout, progress);
        }
    }
}
