package io.tousu.localstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Stands in for a packaged Quarkus service in tests: listens on {@code quarkus.http.port} and
 * answers {@code /q/health/ready}. {@code -Dfake.mode=crash} exits with 3 instead, {@code never-ready}
 * answers 503 forever; {@code /echo/<property>} returns a system property the stack passed.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        String mode = System.getProperty("fake.mode", "ok");
        System.out.println("fake service starting, mode " + mode);
        if (mode.equals("crash")) {
            System.out.println("cannot reach the database for subscriber 13812345678");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(System.getProperty("quarkus.http.host"),
                Integer.getInteger("quarkus.http.port")), 10);
        server.createContext("/q/health/ready", exchange -> {
            int status = mode.equals("never-ready") ? 503 : 200;
            byte[] body = ("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}").getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/echo/", exchange -> {
            String property = exchange.getRequestURI().getPath().substring("/echo/".length());
            byte[] body = String.valueOf(System.getProperty(property, System.getenv(property))).getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("fake service listening");
    }
}
