package io.tousu.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole isolated stack, real Kafka and PostgreSQL, with {@link FakeService}s in place of the
 * packaged services (the real ones are exercised by system-tests).
 */
class StackTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsWiresRestartsAndClosesTheServices(@TempDir Path home) throws Exception {
        FakeServices.install(home, Service.INTAKE, Service.REPORTING);
        List<String> progress = new CopyOnWriteArrayList<>();
        StackOptions options = StackOptions.builder(home).isolated()
                .services(List.of(Service.INTAKE, Service.REPORTING))
                .systemProperty(Service.REPORTING, "fake.greeting", "hello")
                .jvmOptions(List.of("-Xmx32m"))
                .progress((elapsed, component, message) -> progress.add(component + " " + message))
                .build();

        String intakeDatabase;
        try (Stack stack = Stack.start(options)) {
            assertThat(echo(stack, Service.INTAKE, "kafka.bootstrap.servers")).isEqualTo(stack.kafkaBootstrapServers());
            assertThat(echo(stack, Service.INTAKE, "quarkus.datasource.jdbc.url")).isEqualTo(stack.jdbcUrl(Service.INTAKE));
            assertThat(echo(stack, Service.REPORTING, "quarkus.http.port"))
                    .isEqualTo(String.valueOf(stack.ports().httpPort(Service.REPORTING)));
            assertThat(echo(stack, Service.REPORTING, "fake.greeting")).isEqualTo("hello");
            intakeDatabase = options.database(Service.INTAKE);
            assertThat(databaseExists(stack, intakeDatabase)).isTrue();

            stack.restartService(Service.INTAKE);

            assertThat(stack.isRunning(Service.INTAKE)).isTrue();
            assertThat(echo(stack, Service.INTAKE, "quarkus.http.port"))
                    .isEqualTo(String.valueOf(stack.ports().httpPort(Service.INTAKE)));
            assertThat(Files.readString(stack.logFile(Service.INTAKE)).split("fake service starting", -1)).hasSize(3);

            stack.close();

            assertThat(stack.isRunning(Service.INTAKE)).isFalse();
            assertThat(stack.isRunning(Service.REPORTING)).isFalse();
            assertThat(databaseExists(stack, intakeDatabase)).isFalse();
            assertThat(stack.logFile(Service.REPORTING)).exists();
        }
        assertThat(progress).anyMatch(line -> line.startsWith("kafka ready on 127.0.0.1:"))
                .anyMatch(line -> line.startsWith("intake ready on http://127.0.0.1:"))
                .anyMatch(line -> line.startsWith("reporting stopped"));
    }

    @Test
    void aReplicaSharesTheDatabaseOnAPortAndALogOfItsOwnAndStopsWithTheStack(@TempDir Path home) throws Exception {
        FakeServices.install(home, Service.ESCALATION);
        StackOptions options = StackOptions.builder(home).isolated().services(List.of(Service.ESCALATION))
                .jvmOptions(List.of("-Xmx32m")).build();
        try (Stack stack = Stack.start(options)) {
            URI replica = stack.startReplica(Service.ESCALATION);

            assertThat(replica.getPort()).isNotEqualTo(stack.ports().httpPort(Service.ESCALATION));
            assertThat(echo(replica, "quarkus.http.port")).isEqualTo(String.valueOf(replica.getPort()));
            assertThat(echo(replica, "quarkus.datasource.jdbc.url")).isEqualTo(stack.jdbcUrl(Service.ESCALATION));
            assertThat(echo(replica, "kafka.bootstrap.servers")).isEqualTo(stack.kafkaBootstrapServers());
            assertThat(stack.logsDir().resolve("escalation-service-2.log")).exists();
            assertThat(ProcessHandle.of(stack.pid(Service.ESCALATION))).isPresent();

            stack.close();

            assertThat(stack.isRunning(Service.ESCALATION)).isFalse();
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> echo(replica, "quarkus.http.port"));
        }
    }

    private String echo(Stack stack, Service service, String property) throws Exception {
        return echo(stack.baseUrl(service), property);
    }

    private String echo(URI baseUrl, String property) throws Exception {
        URI uri = baseUrl.resolve("/echo/" + property);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Asks the server behind the stack (which stays up when the stack is the local server's guest). */
    private static boolean databaseExists(Stack stack, String database) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", stack.databaseUser());
        props.setProperty("password", stack.databasePassword());
        String serverUrl = stack.jdbcUrl(Service.INTAKE).replace(database, "postgres");
        try (Connection c = DriverManager.getConnection(serverUrl, props);
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            return exists.executeQuery().next();
        }
    }
}
