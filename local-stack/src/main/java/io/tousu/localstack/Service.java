package io.tousu.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four Tousu services as the local stack runs them: module, standard HTTP port and database. */
public enum Service {

    INTAKE("intake", 8081),
    ESCALATION("escalation", 8082),
    QUALITY("quality", 8083),
    REPORTING("reporting", 8084);

    private final String shortName;
    private final int standardPort;

    Service(String shortName, int standardPort) {
        this.shortName = shortName;
        this.standardPort = standardPort;
    }

    /** {@code intake}, {@code escalation}, ...: the name used on the command line and in progress lines. */
    public String shortName() {
        return shortName;
    }

    /** {@code intake-service}, ...: the Maven module and the name of the service's log file. */
    public String moduleName() {
        return shortName + "-service";
    }

    /** The port the service listens on in a standard local stack ({@code ./tousu up}). */
    public int standardPort() {
        return standardPort;
    }

    /** The service's own database: {@code tousu_intake}, ... */
    public String database() {
        return "tousu_" + shortName;
    }

    /** Where the packaged service lives in a checkout at {@code home}. */
    public Path runnerJar(Path home) {
        return home.resolve(moduleName()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The service named {@code name}, given as its short name ({@code intake}) or its module name
     * ({@code intake-service}), in any case.
     *
     * @throws IllegalArgumentException naming the known services when nothing matches
     */
    public static Service named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.shortName.equals(wanted) || s.moduleName().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "'; known: "
                        + Arrays.stream(values()).map(Service::shortName).collect(Collectors.joining(", "))));
    }
}
