package io.tousu.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tousu.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's stand-in for autovacuum analyzes exactly the tables autovacuum would. */
class PlannerStatisticsTest {

    private static final String DATABASE = "tousu_planner_statistics_test";

    @TempDir
    static Path embeddedData;

    static PostgresServer postgres;

    @BeforeAll
    static void database() throws SQLException {
        postgres = PostgresServer.localOrEmbedded(embeddedData);
        postgres.dropDatabase(DATABASE);
        postgres.createDatabaseIfMissing(DATABASE);
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.execute("create table grown (id int primary key)");
            statement.execute("create table quiet (id int primary key)");
            statement.execute("insert into grown select generate_series(1, 5000)");
            statement.execute("insert into quiet select generate_series(1, 20)");
        }
    }

    @AfterAll
    static void drop() {
        postgres.dropDatabase(DATABASE);
        postgres.close();
    }

    @Test
    void tablesChangedBeyondAutovacuumsThresholdAreAnalyzed() throws SQLException {
        PlannerStatistics.analyzeChanged(service -> connect(), Service.INTAKE);

        try (Connection db = connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select relname, last_analyze is not null, "
                        + "(select reltuples from pg_class c where c.oid = s.relid) from pg_stat_user_tables s "
                        + "order by relname")) {
            assertThat(rows.next()).isTrue();
            // 5,000 new rows: more than 50 + 10%, so analyzed, and the planner now knows its size
            assertThat(rows.getString(1)).isEqualTo("grown");
            assertThat(rows.getBoolean(2)).isTrue();
            assertThat(rows.getDouble(3)).isEqualTo(5000);
            assertThat(rows.next()).isTrue();
            // 20 rows: below autovacuum's threshold of 50, left alone
            assertThat(rows.getString(1)).isEqualTo("quiet");
            assertThat(rows.getBoolean(2)).isFalse();
        }
    }

    private static Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", postgres.user());
        if (!postgres.password().isEmpty()) {
            props.setProperty("password", postgres.password());
        }
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), props);
    }
}
