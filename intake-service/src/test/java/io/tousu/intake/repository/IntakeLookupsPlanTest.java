package io.tousu.intake.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Intake's per-submission look-up keeps using the indexes however young the table was when
 * PostgreSQL cached its generic plan: planned on an empty table that has never been analyzed (a
 * temporary copy of {@code complaints} with its indexes, which shadows the real one in this
 * connection), the plan has no sequential scan.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class IntakeLookupsPlanTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void genericPlanOnAYoungTableUsesTheIndexes() {
        List<String> plan = pool.withConnection(connection -> execute(connection,
                        "create temporary table complaints (like public.complaints including indexes)")
                .chain(() -> execute(connection, "set plan_cache_mode = force_generic_plan"))
                .chain(() -> execute(connection, "prepare lookups (text[], text[], timestamptz[], text[], timestamptz[], int) as "
                        + NewComplaints.LOOK_UP_ALL))
                .chain(() -> connection.query("explain execute lookups('{13900001111,13900002222}', '{f00d,beef}', "
                        + "array[now() - interval '1 hour', now() - interval '1 hour'], '{BILLING_DISPUTE,OTHER}', "
                        + "array[now() - interval '30 days', now() - interval '30 days'], 5)").execute())
                .map(rows -> {
                    List<String> lines = new ArrayList<>();
                    for (Row row : rows) {
                        lines.add(row.getString(0));
                    }
                    return lines;
                })
                .call(() -> execute(connection, "deallocate lookups"))
                .call(() -> execute(connection, "reset plan_cache_mode"))
                .call(() -> execute(connection, "drop table pg_temp.complaints")))
                .await().atMost(WAIT);

        assertThat(plan).as(String.join("\n", plan)).isNotEmpty().noneMatch(line -> line.contains("Seq Scan"));
        assertThat(String.join("\n", plan)).contains("complaints_msisdn_received_at_idx")
                .contains("complaints_description_hash_received_at_idx");
    }

    private static Uni<Void> execute(SqlConnection connection, String sql) {
        return connection.query(sql).execute().replaceWithVoid();
    }
}
