package io.tousu.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared mapper's answer when the database cannot be reached: 503 problem+json with
 * Retry-After, for the failures the real PostgreSQL client reports (connection refused, connection
 * cut, server starting up or shutting down), bare or wrapped as Hibernate Reactive and Mutiny wrap
 * them; anything else stays a 500.
 */
class DatabaseUnavailableTest {

    private static Vertx vertx;
    private final ProblemMappers mappers = new ProblemMappers();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRefusedConnectionIsA503ProblemWithRetryAfter() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Throwable refused = connectFailure(port);

        Response response = mappers.unexpected(refused, null);

        assertUnavailable(response);
    }

    @Test
    void aServerStartingUpOrShuttingDownIsA503() throws Exception {
        try (FakeServer server = FakeServer.answering(errorResponse("FATAL", "57P03",
                "the database system is starting up"))) {
            Throwable failure = connectFailure(server.port());
            assertThat(failure).isInstanceOf(PgException.class);
            assertUnavailable(mappers.unexpected(failure, null));
        }
        // the client turns "terminating connection due to administrator command" into a closed connection
        try (FakeServer server = FakeServer.answering(errorResponse("FATAL", "57P01",
                "terminating connection due to administrator command"))) {
            assertUnavailable(mappers.unexpected(connectFailure(server.port()), null));
        }
        assertUnavailable(mappers.unexpected(new PgException("the database system is shutting down", "FATAL",
                "57P03", null), null));
    }

    @Test
    void aConnectionCutUnderTheRequestIsA503EvenWrapped() throws Exception {
        Throwable cut;
        try (FakeServer server = FakeServer.answering(new byte[0])) {
            cut = connectFailure(server.port());
        }
        assertUnavailable(mappers.unexpected(cut, null));
        // as Hibernate Reactive and Mutiny hand it over when a transaction's connection is lost
        CompositeException wrapped = new CompositeException(new HibernateException(cut), cut);
        assertUnavailable(mappers.unexpected(wrapped, null));
        assertUnavailable(mappers.unexpected(new IllegalStateException("boom", new HibernateException(cut)), null));
        assertUnavailable(mappers.unexpected(new HibernateException(new java.net.SocketException("Connection reset")),
                null));
    }

    @Test
    void otherFailuresStayA500() throws Exception {
        Throwable wrongPassword;
        try (FakeServer server = FakeServer.answering(errorResponse("FATAL", "28P01",
                "password authentication failed for user \"postgres\""))) {
            wrongPassword = connectFailure(server.port());
        }
        assertThat(wrongPassword).isInstanceOf(PgException.class);
        for (Throwable failure : new Throwable[] {wrongPassword,
            new PgException("duplicate key value violates unique constraint", "ERROR", "23505", null),
            new IllegalStateException("a bug"), new HibernateException("mapping")}) {
            Response response = mappers.unexpected(failure, null);
            assertThat(response.getStatus()).as(failure.toString()).isEqualTo(500);
            assertThat(response.getHeaderString("Retry-After")).isNull();
            assertThat(DatabaseUnavailable.isConnectionFailure(failure)).isFalse();
        }
    }

    private static void assertUnavailable(Response response) {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo(DatabaseUnavailable.TYPE);
        assertThat(problem.title()).isEqualTo("Service Unavailable");
        assertThat(problem.detail()).contains("database");
    }

    /** What the real PostgreSQL client reports when connecting to 127.0.0.1:{@code port} fails. */
    private static Throwable connectFailure(int port) throws Exception {
        PgConnectOptions options = new PgConnectOptions().setHost("127.0.0.1").setPort(port).setDatabase("tousu")
                .setUser("postgres").setConnectTimeout(5000);
        try {
            PgConnection connection = PgConnection.connect(vertx, options).toCompletionStage().toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
            connection.close();
            throw new AssertionError("connected to port " + port);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** A PostgreSQL ErrorResponse message, as the server sends one to a connecting client. */
    private static byte[] errorResponse(String severity, String sqlState, String message) {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        field(fields, 'S', severity);
        field(fields, 'V', severity);
        field(fields, 'C', sqlState);
        field(fields, 'M', message);
        fields.write(0);
        byte[] body = fields.toByteArray();
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write('E');
        int length = body.length + 4;
        frame.write(length >>> 24);
        frame.write(length >>> 16);
        frame.write(length >>> 8);
        frame.write(length);
        frame.writeBytes(body);
        return frame.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, char code, String value) {
        out.write(code);
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    /**
     * A socket that reads one client's startup message, answers {@code reply} (nothing: it just
     * closes) and closes the connection once the client has, as a PostgreSQL server that refuses or
     * drops the client.
     */
    private static final class FakeServer implements AutoCloseable {

        private final ServerSocket socket;
        private final Thread thread;

        private FakeServer(ServerSocket socket, byte[] reply) {
            this.socket = socket;
            this.thread = new Thread(() -> serve(reply), "fake-postgres");
            thread.setDaemon(true);
            thread.start();
        }

        static FakeServer answering(byte[] reply) throws IOException {
            return new FakeServer(new ServerSocket(0), reply);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(byte[] reply) {
            try (Socket client = socket.accept()) {
                DataInputStream in = new DataInputStream(client.getInputStream());
                int length = in.readInt();
                in.readFully(new byte[length - 4]);
                OutputStream out = client.getOutputStream();
                out.write(reply);
                out.flush();
                // let the client read the reply before the connection goes (it closes it itself)
                client.setSoTimeout(2000);
                while (in.read() >= 0) {
                    // nothing else is expected
                }
            } catch (IOException e) {
                // the test ended or the client went away
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }
}
