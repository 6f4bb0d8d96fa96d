package io.tousu.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public APIs as the demo calls them: JSON over HTTP/1.1 with a bearer token. A failed call is
 * counted, the first few are printed with their status and problem detail, and the call answers null
 * instead of throwing.
 */
final class DemoApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int ERRORS_SHOWN = 8;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final PrintStream out;
    private final AtomicLong errors = new AtomicLong();

    DemoApi(PrintStream out) {
        this.out = out;
    }

    long errors() {
        return errors.get();
    }

    /** GETs {@code url}; null on any failure. */
    JsonNode get(String url, String token, String what) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, what);
    }

    /** POSTs {@code body} (any Jackson-serialisable value) to {@code url}; null on any failure. */
    JsonNode post(String url, String token, Object body, String what) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)), token, what);
    }

    /** PUTs {@code body} to {@code url}; null on any failure. */
    JsonNode put(String url, String token, Object body, String what) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text)), token, what);
    }

    /** The text at {@code url} (metrics), null on failure; not counted as an error. */
    String text(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private JsonNode send(HttpRequest.Builder builder, String token, String what) {
        builder.timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                String body = response.body();
                return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
            }
            failed(what, request, status + " " + detail(response.body()));
        } catch (IOException e) {
            failed(what, request, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private String detail(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode problem = json.readTree(body);
            String title = problem.path("title").asText("");
            String detail = problem.path("detail").asText("");
            String shown = detail.isEmpty() ? title : title + ": " + detail;
            return shown.isEmpty() ? abbreviate(body) : abbreviate(shown);
        } catch (IOException e) {
            return abbreviate(body);
        }
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private void failed(String what, HttpRequest request, String why) {
        long n = errors.incrementAndGet();
        if (n <= ERRORS_SHOWN) {
            out.println("demo: " + what + " failed (" + request.method() + " " + request.uri().getPath() + "): " + why
                    + (n == ERRORS_SHOWN ? "  [further errors are only counted]" : ""));
        }
    }
}
