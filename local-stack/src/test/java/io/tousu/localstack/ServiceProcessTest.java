package io.tousu.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link FakeService} JVMs: the launch, wait and stop logic without Quarkus, Kafka or PostgreSQL. */
class ServiceProcessTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path home;
    private ServiceProcess process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.requestStop();
            process.awaitStopped(Duration.ofSeconds(5));
        }
    }

    @Test
    void theCommandIsJavaWithOptionsPropertiesAndTheJar() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", "8081");
        properties.put("kafka.bootstrap.servers", "127.0.0.1:9092");

        assertThat(ServiceProcess.command(JAVA, List.of("-Xmx256m"), properties, Path.of("/x/quarkus-run.jar")))
                .containsExactly(JAVA.toString(), "-Xmx256m", "-Dquarkus.http.port=8081",
                        "-Dkafka.bootstrap.servers=127.0.0.1:9092", "-jar", "/x/quarkus-run.jar");
    }

    @Test
    void aServiceThatAnswersReadyIsReadyAndStopsOnSigterm() throws Exception {
        process = fake("ok");
        process.launch(false);

        process.awaitReady(Duration.ofSeconds(20));
        assertThat(process.isRunning()).isTrue();

        process.requestStop();
        assertThat(process.awaitStopped(Duration.ofSeconds(10))).isTrue();
        assertThat(process.isRunning()).isFalse();
        assertThat(Files.readString(process.log())).contains("fake service listening");
    }

    @Test
    void aServiceThatDiesShowsTheEndOfItsLogWithNumbersMasked() {
        process = fake("crash");
        process.launch(false);

        assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(20)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("intake-service exited with code 3 while starting")
                .hasMessageContaining("Log: " + process.log())
                .hasMessageContaining("subscriber 138****5678")
                .hasMessageNotContaining("13812345678");
    }

    @Test
    void aServiceThatNeverGetsReadyTimesOutWithItsLastAnswer() {
        process = fake("never-ready");
        process.launch(false);

        assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(2)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("intake-service was not ready within 2 s")
                .hasMessageContaining("HTTP 503 {\"status\":\"DOWN\"}");
    }

    @Test
    void aRestartAppendsToTheLog() throws Exception {
        process = fake("crash");
        process.launch(false);
        assertThat(process.awaitStopped(Duration.ofSeconds(10))).isTrue();
        process.launch(true);
        assertThat(process.awaitStopped(Duration.ofSeconds(10))).isTrue();

        assertThat(Files.readString(process.log()).split("fake service starting", -1)).hasSize(3);
    }

    private ServiceProcess fake(String mode) {
        try {
            FakeServices.install(home, Service.INTAKE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        int port = Ports.free().httpPort(Service.INTAKE);
        Map<String, String> properties = Map.of("quarkus.http.host", "127.0.0.1", "quarkus.http.port",
                String.valueOf(port), "fake.mode", mode);
        List<String> command = ServiceProcess.command(JAVA, List.of("-Xmx32m"), properties,
                Service.INTAKE.runnerJar(home));
        return new ServiceProcess(Service.INTAKE, command, Map.of(), home, home.resolve("logs/intake-service.log"),
                URI.create("http://127.0.0.1:" + port), HttpClient.newHttpClient(), null);
    }
}
