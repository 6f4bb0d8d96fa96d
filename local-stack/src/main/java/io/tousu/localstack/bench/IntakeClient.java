package io.tousu.localstack.bench;

import io.tousu.testing.Tokens;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/** Sends complaints to one intake-service over HTTP/1.1 with kept-alive connections. */
final class IntakeClient {

    /** The status of a complaint taken in as new. */
    static final int CREATED = 201;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI complaints;
    private final URI metrics;
    private final AnswerListener answers;
    private KeepAliveHttp load;

    /** Hears what became of each {@link #submit}: a drill tells a 503 problem from a 500 by status and headers. */
    interface AnswerListener {

        /** An answer came back (any status). */
        void answered(HttpResponse<?> answer);

        /** No answer: the connection failed or the request timed out. */
        void unanswered(IOException failure);
    }

    IntakeClient(URI baseUrl) {
        this(baseUrl, null);
    }

    /** A client that tells {@code answers} (null: nobody) what became of every {@link #submit}. */
    IntakeClient(URI baseUrl, AnswerListener answers) {
        this.complaints = baseUrl.resolve("/api/v1/complaints");
        this.metrics = baseUrl.resolve("/q/metrics");
        this.answers = answers;
    }

    /** Submits {@code body} and waits for the answer; returns its status. */
    int submit(String body) throws IOException, InterruptedException {
        HttpResponse<Void> answer;
        try {
            answer = http.send(request(body), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            if (answers != null) {
                answers.unanswered(e);
            }
            throw e;
        }
        if (answers != null) {
            answers.answered(answer);
        }
        return answer.statusCode();
    }

    /**
     * Submits {@code body} over one of {@link #LOAD_CONNECTIONS} keep-alive connections (the
     * fixed-rate load's own client, far cheaper per request than the JDK's); completes with the
     * answer's status.
     */
    CompletableFuture<Integer> submitAsync(String body) {
        return load().send(KeepAliveHttp.post(complaints, body, "Authorization: " + BEARER));
    }

    /**
     * Connections (and threads) of the loads, each opened when first needed: more than intake needs
     * at 500/s and than {@code --clients} of the closed loop is likely to ask; beyond them requests
     * wait in order.
     */
    static final int LOAD_CONNECTIONS = 256;

    private synchronized KeepAliveHttp load() {
        if (load == null) {
            load = new KeepAliveHttp(complaints, LOAD_CONNECTIONS, REQUEST_TIMEOUT);
        }
        return load;
    }

    /** Intake's Prometheus metrics text. */
    String metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(metrics + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** How a failed request is counted: {@code timeout}, {@code no answer}, or the exception's name. */
    static String failureKind(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
            return "timeout";
        }
        return cause instanceof CancellationException ? "no answer" : cause.getClass().getSimpleName();
    }

    /** How an answer other than 201 is counted. */
    static String statusKind(int status) {
        return "HTTP " + status;
    }

    /** A channel's token for every province, signed with the local development key. */
    private static final String BEARER = "Bearer " + Tokens.mint("bench-channel", java.util.List.of("channel", "national"),
            null, null, java.time.Duration.ofHours(12));

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(complaints).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .header("Authorization", BEARER).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
