package io.tousu.localstack;

import io.tousu.testing.KafkaBroker;
import io.tousu.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * A running Tousu stack on this machine: a Kafka broker in this JVM, PostgreSQL (the local server
 * or an embedded one), and the packaged services as child JVMs. {@code ./tousu up} runs one; system
 * tests start their own with {@link StackOptions.Builder#isolated()}.
 *
 * <pre>{@code
 * try (Stack stack = Stack.start(StackOptions.builder(home).isolated().build())) {
 *     URI intake = stack.baseUrl(Service.INTAKE);
 *     ...
 *     stack.restartService(Service.ESCALATION);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: start, stop and restart services from one thread.
 */
public final class Stack implements AutoCloseable {

    /** Kafka's log directory under the state directory. */
    static final String KAFKA_DIR = "kafka";
    /** The embedded PostgreSQL's data directory under the state directory. */
    static final String POSTGRES_DIR = "postgres";
    /** Log files under the state directory: one per service, plus {@link #STACK_LOG}. */
    static final String LOGS_DIR = "logs";
    /** Where {@code ./tousu up} sends the broker's and the embedded database's own logging. */
    public static final String STACK_LOG = "stack.log";

    /** How long Kafka or PostgreSQL may take to give up after an interrupt during start. */
    private static final Duration INFRA_START_LIMIT = Duration.ofSeconds(70);

    private final StackOptions options;
    private final Ports ports;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    /** Extra instances started by {@link #startReplica}, in start order per service. */
    private final Map<Service, List<ServiceProcess>> replicas = new EnumMap<>(Service.class);
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private long phaseStart;
    private boolean closed;
    private PlannerStatistics plannerStatistics;

    private Stack(StackOptions options, Ports ports) {
        this.options = options;
        this.ports = ports;
    }

    /**
     * Starts Kafka, PostgreSQL and the chosen services and waits until each service reports ready.
     * On failure everything already started is stopped again.
     *
     * @throws StackException naming the component that failed and, for a service, where its log is;
     *     also when interrupted (the thread's interrupt flag is then set again)
     */
    public static Stack start(StackOptions options) {
        requireBuilt(options);
        Ports ports = options.freePorts() ? Ports.free() : options.ports();
        ports.requireAvailable(options.services());
        Stack stack = new Stack(options, ports);
        try {
            stack.startAll();
            return stack;
        } catch (InterruptedException e) {
            StackException interrupted = new StackException("stack",
                    "interrupted while starting; everything started so far was stopped", e);
            stack.closeAfter(interrupted);
            Thread.currentThread().interrupt();
            throw interrupted;
        } catch (RuntimeException e) {
            stack.closeAfter(e);
            throw e;
        }
    }

    /** The root URL of {@code service}, e.g. {@code http://127.0.0.1:8081}. */
    public URI baseUrl(Service service) {
        return URI.create("http://127.0.0.1:" + ports.httpPort(service));
    }

    /** Kafka's {@code host:port} for clients. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The JDBC URL of {@code service}'s database. */
    public String jdbcUrl(Service service) {
        return postgres.jdbcUrl(options.database(service));
    }

    /** The PostgreSQL user the services connect as. */
    public String databaseUser() {
        return postgres.user();
    }

    /** The PostgreSQL password the services connect with (empty with trust authentication). */
    public String databasePassword() {
        return postgres.password();
    }

    /** A JDBC connection to {@code service}'s database (for drills and benchmarks that count or load rows). */
    public Connection connect(Service service) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", databaseUser());
        if (!databasePassword().isEmpty()) {
            props.setProperty("password", databasePassword());
        }
        return DriverManager.getConnection(jdbcUrl(service), props);
    }

    /** True when PostgreSQL was started by this stack rather than found on 127.0.0.1:5432. */
    public boolean embeddedPostgres() {
        return postgres.isEmbedded();
    }

    /** The ports this stack listens on. */
    public Ports ports() {
        return ports;
    }

    /** The services this stack runs (whether or not one is stopped right now). */
    public Set<Service> services() {
        return options.services();
    }

    /** The options the stack was started with. */
    public StackOptions options() {
        return options;
    }

    /** The file {@code service} writes its output to. */
    public Path logFile(Service service) {
        return logsDir().resolve(service.moduleName() + ".log");
    }

    /** The directory of the log files. */
    public Path logsDir() {
        return options.stateDir().resolve(LOGS_DIR);
    }

    /** True while {@code service}'s JVM runs. */
    public boolean isRunning(Service service) {
        ServiceProcess process = processes.get(service);
        return process != null && process.isRunning();
    }

    /** The process id of {@code service}'s JVM (the first instance), e.g. to read its memory from /proc. */
    public long pid(Service service) {
        return requireKnown(service).pid();
    }

    /**
     * Starts one more instance of {@code service}, as a deployment scales out: the same database and
     * Kafka consumer group, a free HTTP port and a log file of its own ({@code intake-service-2.log});
     * waits until it reports ready. It stops with the stack.
     *
     * @return its root URL
     * @throws StackException if it does not come up (the message carries the end of its log)
     */
    public URI startReplica(Service service) {
        if (closed) {
            throw new IllegalStateException("the stack is closed");
        }
        requireKnown(service);
        List<ServiceProcess> started = replicas.computeIfAbsent(service, s -> new ArrayList<>());
        String name = service.shortName() + "-" + (started.size() + 2);
        int port = Ports.freePort();
        URI url = URI.create("http://127.0.0.1:" + port);
        Path log = logsDir().resolve(service.moduleName() + "-" + (started.size() + 2) + ".log");
        beginPhase();
        ServiceProcess process = newProcess(service, port, log);
        started.add(process);
        process.launch(false);
        report(name, "starting a replica on port " + port + " (log: " + log + ")");
        long began = System.nanoTime();
        try {
            process.awaitReady(options.readyTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(name, "interrupted while waiting for the replica of " + service.moduleName(), e);
        }
        report(name, "ready on " + url + " (" + took(began) + ")");
        return url;
    }

    /**
     * Restarts, one after another, each service that runs its build's first launch (it writes its
     * class-data archive as it stops, see {@link ClassDataArchive}), so that what follows runs as every
     * later start will. Benchmarks call it right after {@link #start}; it does nothing once the archives
     * exist.
     */
    public void finishClassDataTraining() {
        List<Service> training = processes.entrySet().stream()
                .filter(entry -> entry.getValue().isRunning() && entry.getValue().trainsClassData())
                .map(Map.Entry::getKey).toList();
        if (training.isEmpty()) {
            return;
        }
        report("stack", "first run of this build: restarting " + training.stream().map(Service::shortName)
                .collect(Collectors.joining(", ")) + " once, so each writes its class-data archive and starts from it");
        for (Service service : training) {
            stopService(service);
            startService(service);
        }
    }

    /**
     * Stops {@code service} as a deployment would: SIGTERM, then a kill after 15 s. Its database and
     * Kafka keep running, so a later {@link #startService} picks up where it left off.
     */
    public void stopService(Service service) {
        ServiceProcess process = requireKnown(service);
        beginPhase();
        process.requestStop();
        report(service.shortName(), process.awaitStopped(process.stopGrace()) ? "stopped" : "killed after "
                + process.stopGrace().toSeconds() + " s");
    }

    /**
     * Kills {@code service} as a crash would ({@code kill -9}): no graceful shutdown, whatever was in
     * flight is cut off. {@link #startService} brings it back on the same port and database.
     */
    public void killService(Service service) {
        ServiceProcess process = requireKnown(service);
        beginPhase();
        process.kill();
        report(service.shortName(), process.awaitStopped(ServiceProcess.STOP_GRACE) ? "killed (SIGKILL)"
                : "did not exit after SIGKILL within " + ServiceProcess.STOP_GRACE.toSeconds() + " s");
    }

    /**
     * Starts a stopped {@code service} again on the same port and database, appending to its log,
     * and waits until it reports ready.
     *
     * @throws StackException if it does not come up (the message carries the end of its log)
     */
    public void startService(Service service) {
        if (closed) {
            throw new IllegalStateException("the stack is closed");
        }
        if (requireKnown(service).isRunning()) {
            throw new IllegalStateException(service.moduleName() + " is running; stop it first");
        }
        beginPhase();
        ServiceProcess process = newProcess(service, ports.httpPort(service), logFile(service));
        processes.put(service, process);
        launch(service, process, true);
        try {
            awaitReady(service, process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(service.shortName(), "interrupted while waiting for " + service.moduleName(), e);
        }
    }

    /**
     * Stops the Kafka broker as an outage would: producers and consumers of every service lose it
     * until {@link #startKafkaAgain()}. Its log directory (topics, offsets) is kept.
     */
    public void stopKafka() {
        beginPhase();
        report("kafka", "stopping (data kept in " + options.stateDir().resolve(KAFKA_DIR) + ")");
        kafka.stop();
        report("kafka", "stopped");
    }

    /** Starts the broker stopped by {@link #stopKafka()} again on the same ports and log directory. */
    public void startKafkaAgain() {
        beginPhase();
        report("kafka", "starting again on " + kafka.bootstrapServers());
        try {
            kafka.restart();
        } catch (RuntimeException e) {
            throw new StackException("kafka", "Kafka did not start again on " + ports.kafka() + ": " + rootMessage(e)
                    + stackLogHint(), e);
        }
        report("kafka", "ready again (" + took(phaseStart) + ")");
    }

    /**
     * Stops the stack's own PostgreSQL (a fast shutdown: the services' connections are cut) and
     * keeps its data until {@link #startPostgresAgain()}.
     *
     * @throws IllegalStateException unless the stack runs its own server ({@link StackOptions#privatePostgres()}
     *     or an embedded one because the machine has none): the machine's server is never stopped
     */
    public void stopPostgres() {
        if (!postgres.isEmbedded()) {
            throw new IllegalStateException("PostgreSQL on port " + postgres.port()
                    + " is the machine's server, shared with others; a stack stops only its own (privatePostgres)");
        }
        beginPhase();
        report("postgresql", "stopping the stack's server on port " + postgres.port() + " (data kept)");
        postgres.stop();
        report("postgresql", "stopped");
    }

    /** Starts the server stopped by {@link #stopPostgres()} again on the same port and data directory. */
    public void startPostgresAgain() {
        beginPhase();
        report("postgresql", "starting again on port " + postgres.port());
        try {
            postgres.restart();
        } catch (RuntimeException e) {
            throw new StackException("postgresql", "PostgreSQL did not start again on port " + postgres.port() + ": "
                    + rootMessage(e) + stackLogHint(), e);
        }
        report("postgresql", "ready again (" + took(phaseStart) + ")");
    }

    /** {@link #stopService} then {@link #startService}. */
    public void restartService(Service service) {
        stopService(service);
        startService(service);
    }

    /**
     * Stops the services (SIGTERM, a kill after 15 s), then Kafka, then an embedded PostgreSQL; for
     * a {@linkplain StackOptions#disposable() disposable} stack also drops its databases and Kafka's data.
     * Safe to call more than once.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        beginPhase();
        if (plannerStatistics != null) {
            plannerStatistics.close();
        }
        List<RuntimeException> failures = new ArrayList<>();
        stopServices();
        // a stopped private server takes its databases with it when its data is deleted below
        if (options.disposable() && postgres != null && postgres.isRunning()) {
            attempt(failures, () -> options.services().forEach(s -> postgres.dropDatabase(options.database(s))));
        }
        if (kafka != null) {
            report("kafka", "stopping");
            attempt(failures, kafka::close);
            report("kafka", "stopped");
        }
        if (postgres != null && postgres.isEmbedded()) {
            report("postgresql", "stopping the embedded server");
            attempt(failures, postgres::close);
            report("postgresql", "stopped");
        }
        if (options.disposable()) {
            attempt(failures, () -> deleteData(options.stateDir()));
        }
        if (!failures.isEmpty()) {
            StackException failure = new StackException("stack", "the stack did not stop cleanly: "
                    + failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Closes the stack after a failed start, keeping {@code failure} the exception the caller sees. */
    private void closeAfter(RuntimeException failure) {
        try {
            close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void startAll() throws InterruptedException {
        beginPhase();
        prepareStateDir();
        startKafkaAndPostgres();
        prepareDatabases();
        startServices();
        plannerStatistics = PlannerStatistics.startIfNeeded(this::connect, options.services(),
                message -> report("postgresql", message));
    }

    private static void requireBuilt(StackOptions options) {
        List<Service> missing = options.services().stream()
                .filter(service -> !Files.isRegularFile(service.runnerJar(options.home()))).toList();
        if (!missing.isEmpty()) {
            throw new StackException(missing.get(0).shortName(), "not built: " + missing.stream()
                    .map(service -> service.runnerJar(options.home()).toString()).collect(Collectors.joining(", "))
                    + (missing.size() == 1 ? " is" : " are") + " missing. Build with ./mvnw install -DskipTests"
                    + " (./tousu up does this for you).");
        }
    }

    private void prepareStateDir() {
        try {
            if (options.fresh()) {
                deleteData(options.stateDir());
                report("state", "fresh start: removed Kafka and PostgreSQL data in " + options.stateDir());
            }
            Files.createDirectories(logsDir());
        } catch (UncheckedIOException | IOException e) {
            throw new StackException("state", "cannot prepare the state directory " + options.stateDir() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Kafka and PostgreSQL start side by side: each mostly waits on its own disk and sockets. Both
     * are waited for even when one fails, so that {@link #close()} sees everything that started.
     */
    private void startKafkaAndPostgres() throws InterruptedException {
        // both log through SLF4J: initialise it here, or their first lines race its initialisation
        LoggerFactory.getILoggerFactory();
        ExecutorService executor = Executors.newFixedThreadPool(2, daemon("tousu-stack-infra"));
        List<Future<?>> starts = List.of(executor.submit(this::startKafka), executor.submit(this::startPostgres));
        executor.shutdown();
        try {
            RuntimeException failure = null;
            for (Future<?> start : starts) {
                try {
                    join(start);
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            executor.awaitTermination(INFRA_START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            throw e;
        }
    }

    private void startKafka() {
        long began = System.nanoTime();
        report("kafka", "starting (data in " + options.stateDir().resolve(KAFKA_DIR) + ")");
        try {
            kafka = KafkaBroker.start(options.stateDir().resolve(KAFKA_DIR), ports.kafka(), ports.kafkaController());
        } catch (RuntimeException e) {
            throw new StackException("kafka", "Kafka did not start on " + ports.kafka() + ": " + rootMessage(e)
                    + stackLogHint(), e);
        }
        report("kafka", "ready on " + kafka.bootstrapServers() + " (" + took(began) + ")");
    }

    private void startPostgres() {
        long began = System.nanoTime();
        try {
            Path dataDir = options.stateDir().resolve(POSTGRES_DIR);
            postgres = options.privatePostgres() ? PostgresServer.embedded(dataDir)
                    : PostgresServer.localOrEmbedded(dataDir);
        } catch (RuntimeException e) {
            throw new StackException("postgresql", e.getMessage() + stackLogHint(), e);
        }
        report("postgresql", postgres.isEmbedded()
                ? "embedded server ready on 127.0.0.1:" + postgres.port() + ", data in "
                        + options.stateDir().resolve(POSTGRES_DIR) + " (" + took(began) + ")"
                : "using the local server on port " + postgres.port() + " (" + took(began) + ")");
    }

    private void prepareDatabases() {
        long began = System.nanoTime();
        try {
            if (options.fresh()) {
                for (Service service : Service.values()) {
                    postgres.dropDatabase(options.database(service));
                }
            }
            for (Service service : options.services()) {
                postgres.createDatabaseIfMissing(options.database(service));
            }
        } catch (RuntimeException e) {
            throw new StackException("postgresql", e.getMessage(), e);
        }
        report("postgresql", (options.fresh() ? "fresh databases " : "databases ")
                + String.join(", ", options.services().stream().map(options::database).toList()) + " (" + took(began)
                + ")");
    }

    /**
     * Launches every service at once, then waits until each is ready; the first failure ends the
     * wait. Measured on 2 cores with four services: all at once 14-16 s, two at a time 15-16 s, one
     * after another 16-17 s. Starting is CPU-bound, so the order matters little; at once is simplest.
     */
    private void startServices() throws InterruptedException {
        for (Service service : options.services()) {
            ServiceProcess process = newProcess(service, ports.httpPort(service), logFile(service));
            processes.put(service, process);
            launch(service, process, false);
        }
        ExecutorService executor = Executors.newFixedThreadPool(processes.size(), daemon("tousu-stack-ready"));
        try {
            ExecutorCompletionService<Void> readiness = new ExecutorCompletionService<>(executor);
            processes.forEach((service, process) -> readiness.submit(() -> {
                awaitReady(service, process);
                return null;
            }));
            for (int i = 0; i < processes.size(); i++) {
                join(readiness.take());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private void launch(Service service, ServiceProcess process, boolean appendToLog) {
        process.launch(appendToLog);
        report(service.shortName(), "starting on port " + ports.httpPort(service) + " (log: " + logFile(service) + ")"
                + (process.trainsClassData() ? "; first run of this build: it writes its class-data archive when it"
                        + " stops, and later starts are faster" : ""));
    }

    private void awaitReady(Service service, ServiceProcess process) throws InterruptedException {
        long began = System.nanoTime();
        process.awaitReady(options.readyTimeout());
        report(service.shortName(), "ready on " + baseUrl(service) + " (" + took(began) + ")");
    }

    private ServiceProcess newProcess(Service service, int httpPort, Path log) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path runnerJar = service.runnerJar(options.home());
        ClassDataArchive.Launch classData = options.classDataSharing()
                ? ClassDataArchive.forRunner(runnerJar, System.getProperty("java.vm.version")).launch() : null;
        List<String> jvmOptions = new ArrayList<>(options.jvmOptions());
        if (classData != null) {
            jvmOptions.addAll(classData.jvmOptions());
        }
        List<String> command = ServiceProcess.command(java, jvmOptions, systemProperties(service, httpPort), runnerJar);
        Map<String, String> environment = postgres.password().isEmpty() ? Map.of()
                : Map.of("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        return new ServiceProcess(service, command, environment, options.stateDir(), log,
                URI.create("http://127.0.0.1:" + httpPort), http, classData);
    }

    /** What the stack tells a service; the password goes through the environment, not the command line. */
    private Map<String, String> systemProperties(Service service, int httpPort) {
        String database = options.database(service);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", String.valueOf(httpPort));
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        properties.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        properties.put("quarkus.datasource.username", postgres.user());
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // the local stack trusts tokens signed with the development key (./tousu token mints them)
        properties.put("mp.jwt.verify.publickey.location", "tousu-dev-jwt/public.pem");
        properties.putAll(options.systemProperties(service));
        return properties;
    }

    /** SIGTERM to every service (and replica) at once, then wait for each: stopping takes as long as the slowest. */
    private void stopServices() {
        List<Service> running = processes.keySet().stream().filter(this::isRunning).toList();
        long began = System.nanoTime();
        List<ServiceProcess> runningReplicas = replicas.values().stream().flatMap(List::stream)
                .filter(ServiceProcess::isRunning).toList();
        runningReplicas.forEach(ServiceProcess::requestStop);
        for (Service service : running) {
            ServiceProcess process = processes.get(service);
            report(service.shortName(), process.trainsClassData() ? "stopping (and writing its class-data archive)"
                    : "stopping");
            process.requestStop();
        }
        runningReplicas.forEach(replica -> replica.awaitStopped(replica.stopGrace()));
        for (Service service : running) {
            ServiceProcess process = processes.get(service);
            boolean graceful = process.awaitStopped(process.stopGrace());
            report(service.shortName(), graceful ? "stopped (" + took(began) + ")"
                    : "killed: still running " + process.stopGrace().toSeconds() + " s after SIGTERM");
        }
    }

    private ServiceProcess requireKnown(Service service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service.moduleName() + " is not part of this stack");
        }
        return process;
    }

    /** Removes Kafka's log directory and the embedded PostgreSQL's data; the logs stay. */
    private static void deleteData(Path stateDir) {
        for (String dir : List.of(KAFKA_DIR, POSTGRES_DIR)) {
            Path root = stateDir.resolve(dir);
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> tree = Files.walk(root)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + root, e);
            }
        }
    }

    private String stackLogHint() {
        Path stackLog = logsDir().resolve(STACK_LOG);
        return Files.exists(stackLog) ? " (details in " + stackLog + ")" : "";
    }

    private void beginPhase() {
        phaseStart = System.nanoTime();
    }

    private void report(String component, String message) {
        options.progress().progress(Duration.ofNanos(System.nanoTime() - phaseStart), component, message);
    }

    private static String took(long beganNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - beganNanos) / 1e9);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    private static void join(Future<?> future) throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void attempt(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
