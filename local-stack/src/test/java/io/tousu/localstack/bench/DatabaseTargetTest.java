package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

    @Test
    void readsHostPortAndDatabase() {
        String url = "jdbc:postgresql://127.0.0.1:54321/tousu_intake_st0123456789";

        assertThat(DatabaseTarget.fromJdbcUrl(url, "postgres", "")).isEqualTo(
                new DatabaseTarget(url, "127.0.0.1", 54321, "tousu_intake_st0123456789", "postgres", ""));
    }

    @Test
    void thePortDefaultsTo5432() {
        assertThat(DatabaseTarget.fromJdbcUrl("jdbc:postgresql://db.local/tousu_intake", "u", "p").port())
                .isEqualTo(5432);
    }

    @Test
    void otherUrlsAreRefused() {
        assertThatThrownBy(() -> DatabaseTarget.fromJdbcUrl("jdbc:mysql://127.0.0.1/x", "u", ""))
                .hasMessageContaining("not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> DatabaseTarget.fromJdbcUrl("jdbc:postgresql://127.0.0.1:5432/", "u", ""))
                .hasMessageContaining("no host or database");
    }
}
