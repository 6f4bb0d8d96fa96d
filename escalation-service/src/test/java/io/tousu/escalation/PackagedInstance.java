package io.tousu.escalation;

import io.tousu.testing.KafkaBroker;
import io.tousu.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One escalation-service replica for the failsafe tests: the packaged app ({@code target/quarkus-app},
 * built in the package phase) run as its own JVM, on its own free HTTP port, against a shared
 * database and broker, its output in {@code target/it-logs/<name>.log}. What system-tests do with
 * local-stack for the whole suite, reduced to the one service, so that two of it can run side by side.
 */
final class PackagedInstance implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private boolean launched;

    private PackagedInstance(String name, List<String> command, Map<String, String> environment, Path log, int port) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.port = port;
    }

    /**
     * A replica named {@code name} (not started yet) using {@code database} on {@code postgres} and
     * the {@code kafka} broker; {@code extra} system properties go last and win.
     */
    static PackagedInstance of(String name, PostgresServer postgres, String database, KafkaBroker kafka,
            Map<String, String> extra) {
        Path jar = Path.of(System.getProperty("tousu.escalation.runner", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the failsafe tests with mvn verify (the package "
                    + "phase builds it)");
        }
        int port = KafkaBroker.freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.host", "127.0.0.1");
        props.put("quarkus.http.port", String.valueOf(port));
        props.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        props.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        props.put("quarkus.datasource.username", postgres.user());
        props.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // the same JWT settings as tests and the local stack: tokens minted by io.tousu.testing.Tokens
        props.put("mp.jwt.verify.publickey.location", "tousu-dev-jwt/public.pem");
        props.putAll(extra);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Map<String, String> environment = postgres.password().isEmpty() ? Map.of()
                : Map.of("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        Path log = Path.of("target", "it-logs", name + ".log").toAbsolutePath();
        return new PackagedInstance(name, List.copyOf(command), environment, log, port);
    }

    /** Launches the JVM (appending to its log after a restart) and waits until it reports ready. */
    PackagedInstance start() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is running");
        }
        try {
            Files.createDirectories(log.getParent());
            // a fresh log for this run; a restart appends, so the log tells the whole story
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(launched ? ProcessBuilder.Redirect.appendTo(log.toFile())
                            : ProcessBuilder.Redirect.to(log.toFile()));
            launched = true;
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + name, e);
        }
        awaitReady();
        return this;
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook, no graceful stop, as a crash or an OOM kill would. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM, then a kill after a grace period. */
    @Override
    public void close() {
        if (isRunning()) {
            process.destroy();
            if (!waitFor(STOP_GRACE)) {
                kill();
            }
        }
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** The Prometheus text of {@code /q/metrics}. */
    String metrics() {
        try {
            return http.send(HttpRequest.newBuilder(baseUrl().resolve("/q/metrics")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of a counter's series whose line starts with {@code prefix}, e.g. {@code tousu_sla_breaches_total{}. */
    double sum(String prefix) {
        return metrics().lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(baseUrl().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " while starting; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException e) {
                // not listening yet
            } catch (IOException e) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException(name + " was not ready within " + READY_LIMIT.toSeconds()
                        + " s; see " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    private boolean waitFor(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }
}
