package io.tousu.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaBroker;
import io.tousu.testing.PostgresServer;
import io.tousu.testing.TestEvents;
import io.tousu.testing.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as separate JVMs against one database and one broker, in real time, with a
 * policy whose deadlines are seconds away: two replicas firing side by side fire every deadline
 * exactly once, and a replica killed with open clocks fires, once restarted, every deadline that came
 * due while it was down, once. "Once" is checked three ways: the distinct events on
 * {@code tousu.escalations}, the clock history, and the replicas' own breach counters.
 */
class PackagedFiringIT {

    static final Duration PATIENCE = Duration.ofSeconds(180);
    /** First response due 30 s after receipt, warned 10 s ahead; then TEAM_LEAD 5 s, MANAGER 5 s, PROVINCE. */
    static final String FIRST_RESPONSE = "PT30S";
    /** Breaches of each complaint's first-response clock: at 0 (-> TEAM_LEAD), 1 (-> MANAGER), 2 (-> PROVINCE). */
    static final int BREACHES_PER_COMPLAINT = 3;
    static final String TOKEN = Tokens.superuser();

    static KafkaBroker kafka;
    static PostgresServer postgres;
    static String database;

    @BeforeAll
    static void infrastructure() {
        kafka = KafkaBroker.startTemporary();
        postgres = PostgresServer.localOrEmbedded(null);
        database = "tousu_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres.createDatabaseIfMissing(database);
    }

    @AfterAll
    static void teardown() {
        if (postgres != null) {
            postgres.dropDatabase(database);
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void twoReplicasFireEveryDeadlineExactlyOnce() {
        int complaints = 100;
        // small batches and a quick tick: the two replicas' passes interleave over the same due rows
        Map<String, String> racing = Map.of("tousu.escalation.batch-size", "5", "tousu.escalation.tick", "100ms");
        try (PackagedInstance a = replica("replica-a", racing).start();
                PackagedInstance b = replica("replica-b", racing).start();
                EscalationsTopic out = new EscalationsTopic(kafka.bootstrapServers())) {
            createFastPolicy(a, "IT_REPLICAS");
            List<String> ids = publishComplaints("IT_REPLICAS", complaints);
            awaitTracked(ids);

            awaitBreaches(out, ids);
            assertEachDeadlineFiredOnce(out, ids, true);
            double byA = a.sum("tousu_sla_breaches_total{");
            double byB = b.sum("tousu_sla_breaches_total{");
            System.out.printf("breaches fired: replica-a %.0f, replica-b %.0f%n", byA, byB);
            assertThat(byA + byB).as("breaches counted by the two replicas together")
                    .isEqualTo(complaints * BREACHES_PER_COMPLAINT);
        }
    }

    @Test
    void clocksOpenAtAKillFireOnceAfterTheRestart() {
        int complaints = 50;
        try (PackagedInstance replica = replica("restarted", Map.of());
                EscalationsTopic out = new EscalationsTopic(kafka.bootstrapServers())) {
            replica.start();
            createFastPolicy(replica, "IT_RESTART");
            List<String> ids = publishComplaints("IT_RESTART", complaints);
            awaitTracked(ids);
            Instant lastDue = query("select max(due_at) from sla_clocks where kind = 'FIRST_RESPONSE' "
                    + "and complaint_id = any(?::uuid[])", ids).get(0).getTimestamp(1).toInstant();

            replica.kill();
            // the first-response deadlines (and their warnings) all come due while nothing runs
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> Instant.now().isAfter(lastDue.plusSeconds(2)));
            assertThat(open(ids)).as("clocks still open in the database").isEqualTo(2L * complaints);
            Instant restartedAt = Instant.now();
            replica.start();

            awaitBreaches(out, ids);
            assertEachDeadlineFiredOnce(out, ids, false);
            List<SlaBreached> first = breaches(out, ids).stream().filter(b -> b.level() == 0).toList();
            assertThat(first).hasSize(complaints).allSatisfy(b -> {
                assertThat(b.dueAt()).as("due while the service was down").isBefore(restartedAt);
                assertThat(b.breachedAt()).as("fired by the restarted service").isAfter(restartedAt);
            });
            assertThat(replica.sum("tousu_sla_breaches_total{")).isEqualTo(complaints * BREACHES_PER_COMPLAINT);
        }
    }

    // --- steps ------------------------------------------------------------------------------------------------

    static PackagedInstance replica(String name, Map<String, String> extra) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("tousu.escalation.gauge-refresh", "2s");
        props.putAll(extra);
        return PackagedInstance.of(name, postgres, database, kafka, props);
    }

    /** A GD policy for {@code category} whose deadlines are seconds apart. */
    static void createFastPolicy(PackagedInstance replica, String category) {
        given().baseUri(replica.baseUrl().toString()).auth().oauth2(TOKEN).contentType(ContentType.JSON).body("""
                {"name":"%s","province":"GD","category":"%s","firstResponse":"%s","nextUpdate":"PT8H",
                 "resolution":"PT48H","warnBefore":"PT10S","calendarMode":"ALWAYS",
                 "chain":[{"level":"TEAM_LEAD","deadline":"PT5S"},{"level":"MANAGER","deadline":"PT5S"},
                          {"level":"PROVINCE"}]}
                """.formatted(category, category, FIRST_RESPONSE))
                .post("/api/v1/sla-policies").then().statusCode(201);
    }

    static List<String> publishComplaints(String category, int count) {
        List<String> ids = new ArrayList<>();
        try (EventPublisher events = new EventPublisher(kafka.bootstrapServers())) {
            for (int i = 0; i < count; i++) {
                EventEnvelope received = TestEvents.complaintReceived("GD", category, "NORMAL", Instant.now());
                events.publish(received);
                ids.add(received.complaintId());
            }
        }
        return ids;
    }

    static void awaitTracked(List<String> ids) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> query(
                "select count(*) from tracked_complaints where complaint_id = any(?::uuid[])", ids).get(0)
                .getLong(1) == ids.size());
    }

    static void awaitBreaches(EscalationsTopic out, List<String> ids) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> breaches(out, ids).size() >= ids.size() * BREACHES_PER_COMPLAINT);
        // everything the service wrote to the outbox has been published and read
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> query(
                "select count(*) from outbox_events where sent_at is null").get(0).getLong(1) == 0);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> distinct(out, ids).size() == query(
                "select count(*) from outbox_events where topic = ? and event_key = any(?)", Topics.ESCALATIONS,
                ids).get(0).getLong(1));
    }

    /** Each deadline fired once; {@code warned}: whether every complaint was warned (not when the warning time passed during an outage). */
    static void assertEachDeadlineFiredOnce(EscalationsTopic out, List<String> ids, boolean warned) {
        Map<String, List<Integer>> levels = new HashMap<>();
        for (EventEnvelope e : distinct(out, ids)) {
            if (e.type().equals("SlaBreached")) {
                SlaBreached b = e.payloadAs(SlaBreached.class);
                assertThat(b.clock()).isEqualTo("FIRST_RESPONSE");
                levels.computeIfAbsent(e.complaintId(), k -> new ArrayList<>()).add(b.level());
            }
        }
        assertThat(levels).as("complaints breached").hasSize(ids.size());
        assertThat(levels).allSatisfy((id, breached) -> assertThat(breached).as("breach levels of %s", id)
                .containsExactlyInAnyOrder(0, 1, 2));
        Map<String, Long> byType = distinct(out, ids).stream()
                .collect(Collectors.groupingBy(EventEnvelope::type, Collectors.counting()));
        if (warned) {
            assertThat(byType).containsEntry("SlaWarning", (long) ids.size());
        }
        assertThat(byType).containsEntry("SlaBreached", (long) ids.size() * BREACHES_PER_COMPLAINT)
                .containsEntry("ComplaintEscalated", (long) ids.size() * BREACHES_PER_COMPLAINT);

        assertThat(query("select complaint_id, clock, action, level, count(*) from clock_history "
                + "where complaint_id = any(?::uuid[]) and action in ('WARNED', 'BREACHED', 'ESCALATED') "
                + "group by complaint_id, clock, action, level having count(*) > 1", ids))
                .as("history lines written twice").isEmpty();
        assertThat(query("select count(*) from clock_history where complaint_id = any(?::uuid[]) "
                + "and action = 'BREACHED'", ids).get(0).getLong(1)).isEqualTo(ids.size() * BREACHES_PER_COMPLAINT);
    }

    // --- reading ----------------------------------------------------------------------------------------------

    /** What reached {@code tousu.escalations} about the complaints, once per event id (delivery is at least once). */
    static Collection<EventEnvelope> distinct(EscalationsTopic out, List<String> ids) {
        Map<String, EventEnvelope> byId = new LinkedHashMap<>();
        out.aboutAny(ids).stream().filter(e -> e.topic().equals(Topics.ESCALATIONS))
                .forEach(e -> byId.putIfAbsent(e.eventId().toString(), e));
        return byId.values();
    }

    static List<SlaBreached> breaches(EscalationsTopic out, List<String> ids) {
        return distinct(out, ids).stream().filter(e -> e.type().equals("SlaBreached"))
                .map(e -> e.payloadAs(SlaBreached.class)).toList();
    }

    static long open(List<String> ids) {
        return query("select count(*) from sla_clocks where state <> 'STOPPED' and complaint_id = any(?::uuid[])",
                ids).get(0).getLong(1);
    }

    /** One row as its columns (1-based like JDBC). */
    record Row(List<Object> values) {
        long getLong(int column) {
            return ((Number) values.get(column - 1)).longValue();
        }

        java.sql.Timestamp getTimestamp(int column) {
            return (java.sql.Timestamp) values.get(column - 1);
        }
    }

    /** Runs a query; a List parameter is bound as a text array. */
    static List<Row> query(String sql, Object... params) {
        Properties props = new Properties();
        props.setProperty("user", postgres.user());
        if (!postgres.password().isEmpty()) {
            props.setProperty("password", postgres.password());
        }
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), props);
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof List<?> list) {
                    st.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                } else {
                    st.setObject(i + 1, params[i]);
                }
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(rs.getObject(i));
                    }
                    rows.add(new Row(values));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
