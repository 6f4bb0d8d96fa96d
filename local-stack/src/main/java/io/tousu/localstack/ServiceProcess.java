package io.tousu.localstack;

import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** One packaged service run as a child JVM, its output going to its own log file. */
final class ServiceProcess {

    /** How long a service may take to stop after SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /**
     * How much longer a JVM that writes its class-data archive may take to stop: four services
     * writing theirs at once on 2 cores took up to 26 s.
     */
    static final Duration ARCHIVE_WRITING_GRACE = Duration.ofSeconds(60);
    private static final int LOG_LINES_IN_ERRORS = 25;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final Service service;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private final URI readiness;
    private final HttpClient http;
    private final ClassDataArchive.Launch classData;
    private volatile Process process;
    private volatile boolean wasReady;
    private volatile boolean killed;
    private final AtomicBoolean settled = new AtomicBoolean();

    /**
     * @param command the JVM's command line, {@code classData}'s options included
     * @param classData what this launch does with the service's class-data archive; null for none
     */
    ServiceProcess(Service service, List<String> command, Map<String, String> environment, Path workDir, Path log,
            URI baseUrl, HttpClient http, ClassDataArchive.Launch classData) {
        this.service = service;
        this.classData = classData;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.log = log;
        this.readiness = baseUrl.resolve("/q/health/ready");
        this.http = http;
    }

    /** {@code java <jvmOptions> -Dk=v... -jar <jar>}, with the properties in the given order. */
    static List<String> command(Path java, List<String> jvmOptions, Map<String, String> systemProperties, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * Launches the JVM. The log file is started afresh, or appended to for a restart, so a
     * test that restarts a service keeps the whole story in one file.
     */
    void launch(boolean appendToLog) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new StackException(service.shortName(), service.moduleName() + " could not be launched ("
                    + e.getMessage() + "); command: " + String.join(" ", command), e);
        }
    }

    /**
     * Polls {@code /q/health/ready} until it answers 200.
     *
     * @throws StackException if the process exits or is not ready within {@code timeout}; the message
     *     carries the end of the service's log
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build();
        String lastAnswer = "no answer yet";
        while (true) {
            if (!process.isAlive()) {
                settleClassData(false);
                throw failure(service.moduleName() + " exited with code " + exitDescription(process.exitValue())
                        + " while starting");
            }
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    wasReady = true;
                    return;
                }
                lastAnswer = "HTTP " + response.statusCode() + " " + response.body();
            } catch (ConnectException | HttpTimeoutException e) {
                lastAnswer = "not listening yet";
            } catch (IOException e) {
                lastAnswer = e.toString();
            }
            if (System.nanoTime() > deadline) {
                throw failure(service.moduleName() + " was not ready within " + timeout.toSeconds() + " s (last answer from "
                        + readiness + ": " + abbreviate(lastAnswer) + ")");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** The JVM's process id. */
    long pid() {
        if (process == null) {
            throw new IllegalStateException(service.moduleName() + " was never launched");
        }
        return process.pid();
    }

    /** True while the JVM runs. */
    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Sends SIGTERM, without waiting; see {@link #awaitStopped}. */
    void requestStop() {
        if (isRunning()) {
            process.destroy();
        }
    }

    /** Kills the JVM at once (SIGKILL, as {@code kill -9}): no shutdown hook runs. */
    void kill() {
        killed = true;
        if (isRunning()) {
            process.destroyForcibly();
        }
    }

    /**
     * Waits until the JVM has exited, killing it if it is still running after {@code grace}. A
     * training run's class-data archive is put in place if the JVM had been ready and stopped
     * gracefully, else thrown away.
     *
     * @return false if it had to be killed
     */
    boolean awaitStopped(Duration grace) {
        if (process == null) {
            return true;
        }
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                settleClassData(wasReady && !killed);
                return true;
            }
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        settleClassData(false);
        return false;
    }

    /** How long this JVM may take to stop after SIGTERM: longer if it writes its class-data archive. */
    Duration stopGrace() {
        return trainsClassData() ? STOP_GRACE.plus(ARCHIVE_WRITING_GRACE) : STOP_GRACE;
    }

    /** True if this JVM writes the service's class-data archive when it stops (the build's first run). */
    boolean trainsClassData() {
        return classData != null && classData.training();
    }

    private void settleClassData(boolean complete) {
        if (classData != null && !process.isAlive() && settled.compareAndSet(false, true)) {
            classData.finished(complete);
        }
    }

    Path log() {
        return log;
    }

    private StackException failure(String what) {
        return new StackException(service.shortName(), what + ". Log: " + log + "; its last lines:"
                + System.lineSeparator() + LogTail.of(log, LOG_LINES_IN_ERRORS));
    }

    /** {@code 1}, or {@code 137 (killed by signal 9)}. */
    private static String exitDescription(int code) {
        return code > 128 ? code + " (killed by signal " + (code - 128) + ")" : String.valueOf(code);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
