package io.tousu.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Quarkus test resource: a fresh PostgreSQL database for this test run (on the local server, or an
 * embedded one when none answers), dropped afterwards. Flyway migrates it when the app starts.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private String database;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.localOrEmbedded(null);
        database = "tousu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.createDatabaseIfMissing(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.dropDatabase(database);
            server.close();
        }
    }
}
