package io.tousu.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The services' JSON APIs as the drills call them: one request with a bearer token, the answer's
 * body, and an {@link IOException} naming the call and the status for anything but 2xx (a drill
 * must not go on past a call that did not do what it should).
 */
final class JsonApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** GETs {@code url} and returns the body. */
    String get(URI url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url).GET(), token, "application/json");
    }

    /** GETs the plain text at {@code url} without a token, e.g. {@code /q/metrics}. */
    String text(URI url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url).GET(), null, "text/plain");
    }

    /** POSTs the JSON {@code body} to {@code url} and returns the answer's body. */
    String post(URI url, String token, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token, "application/json");
    }

    private String send(HttpRequest.Builder builder, String token, String accept)
            throws IOException, InterruptedException {
        builder.timeout(TIMEOUT).header("Accept", accept);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
        return response.body();
    }
}
