package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeepAliveHttpTest {

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void answersOneAfterTheOtherAreReadByLengthAndInChunks() throws Exception {
        InputStream in = stream("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                + "{\"id\":\"x\"}\n"
                + "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
        assertThat(KeepAliveHttp.readAnswer(in)).isEqualTo(new KeepAliveHttp.Answer(201, true));
        assertThat(KeepAliveHttp.readAnswer(in)).isEqualTo(new KeepAliveHttp.Answer(503, true));
        assertThat(KeepAliveHttp.readAnswer(in)).isEqualTo(new KeepAliveHttp.Answer(200, false));
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void anAnswerCutShortOrNotHttpIsAFailure() {
        assertThatThrownBy(() -> KeepAliveHttp.readAnswer(stream("HTTP/1.1 201 Created\r\nContent-Length: 10\r\n\r\nabc")))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> KeepAliveHttp.readAnswer(stream("SSH-2.0-OpenSSH\r\n\r\n")))
                .hasMessageContaining("not an HTTP/1.x answer");
    }

    @Test
    void aPostCarriesItsBodyLengthAndHeaders() {
        String request = new String(KeepAliveHttp.post(URI.create("http://127.0.0.1:8080/api/v1/complaints"),
                "{\"note\":\"话费\"}", "Authorization: Bearer t"), StandardCharsets.UTF_8);
        assertThat(request).startsWith("POST /api/v1/complaints HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n")
                .contains("Authorization: Bearer t\r\n")
                // the length counts bytes: two Chinese characters take six bytes in UTF-8
                .contains("Content-Length: 17\r\n\r\n{\"note\":\"话费\"}");
    }

    @Test
    void requestsShareAFewKeptAliveConnectionsAgainstARealServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        server.createContext("/api/v1/complaints", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean chunked = bodies.size() % 2 == 0;
            byte[] answer = "{\"ticketNo\":\"GD1\"}".getBytes(StandardCharsets.UTF_8);
            // every other answer chunked (length 0 tells the JDK server to chunk)
            exchange.sendResponseHeaders(chunked ? 503 : 201, chunked ? 0 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        URI target = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/complaints");
        try (KeepAliveHttp http = new KeepAliveHttp(target, 2, Duration.ofSeconds(5))) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(http.send(KeepAliveHttp.post(target, "{\"n\":" + i + "}")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> answer : answers) {
                statuses.add(answer.get(10, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 503).hasSize(20);
            assertThat(bodies).hasSize(20).contains("{\"n\":0}", "{\"n\":19}");
            assertThat(clientPorts).hasSizeLessThanOrEqualTo(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void noAnswerWithinTheTimeoutFailsTheRequest() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // the server holds the request until the test has seen the client give up
        CountDownLatch gaveUp = new CountDownLatch(1);
        server.createContext("/slow", exchange -> {
            try {
                gaveUp.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        URI target = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow");
        try (KeepAliveHttp http = new KeepAliveHttp(target, 1, Duration.ofMillis(200))) {
            CompletableFuture<Integer> answer = http.send(KeepAliveHttp.post(target, "{}"));
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SocketTimeoutException.class);
            assertThat(IntakeClient.failureKind(answer.handle((s, e) -> e).get())).isEqualTo("timeout");
        } finally {
            gaveUp.countDown();
            server.stop(0);
        }
    }
}
