package io.tousu.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Replays every topic reporting consumes: a known July of province HB goes through the real broker
 * on all four topics, the figures are taken once the consumer group has caught up, then every
 * envelope is published again (same event ids, same keys, same order) and no figure moves. A new
 * complaint whose events come backwards (resolution, follow-up and escalation before its receipt)
 * ends up counted exactly as if they had come in order.
 */
@SuppressWarnings("unchecked")
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ReplayTest {

    private static final String HB = "HB";
    private static final String GROUP = "reporting-service";
    private static final List<String> TOPICS = List.of(Topics.COMPLAINTS, Topics.ESCALATIONS, Topics.QUALITY,
            Topics.CALL_VOLUME);
    private static final int COMPLAINTS = 30;

    @Test
    void replayingEveryTopicChangesNoFigureAndOutOfOrderEventsCountOnce() {
        List<EventEnvelope> july = knownJuly();
        try (EventPublisher events = new EventPublisher(bootstrapServers())) {
            july.forEach(e -> publish(events, e));
        }
        awaitCaughtUp();
        Map<String, String> before = figures();
        // a hand check that July really is in: 30 complaints, 6 of them with a ticket error, 3 regulator ones
        Map<String, String> table = table("2026-07");
        assertThat(table.get("COMPLAINT_VOLUME")).isEqualTo("30|30|-");
        assertThat(table.get("TICKET_ACCURACY_RATE")).isEqualTo("80.00|24|30");
        assertThat(table.get("REGULATOR_ESCALATION_RATE")).isEqualTo("10.00|3|30");
        assertThat(table.get("FOLLOW_UP_SATISFACTION")).isEqualTo("80.00|8|10");
        assertThat(table.get("VALID_COMPLAINTS_PER_10K_CALLS")).isEqualTo("0.17|10|600000");
        assertThat(table.get("RISK_ANOMALY_RATE")).isEqualTo("6.67|1|15");
        assertThat(body("/api/v1/indicators/counts", Map.of())).contains("\"complaints\":30}");

        ReportingEvents late = new ReportingEvents(HB);
        try (EventPublisher events = new EventPublisher(bootstrapServers())) {
            // the whole history again, from the beginning of every topic
            july.forEach(e -> publish(events, e));
            // and a new August complaint whose events come backwards, some twice
            EventEnvelope resolved = late.resolved(true, "STAFF", true, Instant.parse("2026-08-05T02:00:00Z"));
            events.publish(resolved);
            events.publish(late.followedUp(true, Instant.parse("2026-08-06T02:00:00Z")));
            events.publish(late.escalated(1, Instant.parse("2026-08-05T01:00:00Z")));
            events.publish(resolved);
            events.publish(late.assigned("hb-agent-9", "hb-team-9", Instant.parse("2026-08-04T03:00:00Z")));
            EventEnvelope received = late.received("Wuhan", "REGULATOR", false, Instant.parse("2026-08-04T02:00:00Z"));
            events.publish(received);
            events.publish(received);
        }
        awaitCaughtUp();

        assertThat(figures()).isEqualTo(before);
        hourCountsAgreeWithTheFacts("2026-07");
        hourCountsAgreeWithTheFacts("2026-08");
        // all time, by category: the 30 of July and the late one, nothing twice
        assertThat(body("/api/v1/indicators/counts", Map.of())).contains("\"complaints\":31}");
        Map<String, String> august = table("2026-08");
        assertThat(august.get("COMPLAINT_VOLUME")).isEqualTo("1|1|-");
        assertThat(august.get("SUBSTANTIATED_STAFF_COMPLAINTS")).isEqualTo("1|1|-");
        assertThat(august.get("FIRST_CONTACT_RESOLUTION_RATE")).isEqualTo("100.00|1|1");
        assertThat(august.get("REGULATOR_ESCALATION_RATE")).isEqualTo("100.00|1|1");
        assertThat(august.get("FOLLOW_UP_SATISFACTION")).isEqualTo("100.00|1|1");
        assertThat(august.get("TICKET_ACCURACY_RATE")).isEqualTo("100.00|1|1");
        List<String> ids = given().queryParam("province", HB).queryParam("measure", "COMPLAINTS")
                .queryParam("period", "2026-08").when().get("/api/v1/indicators/complaints").then().statusCode(200)
                .extract().jsonPath().getList("complaintIds", String.class);
        assertThat(ids).containsExactly(late.id().toString());
        given().queryParam("province", HB).queryParam("month", "2026-08").queryParam("by", "agent")
                .when().get("/api/v1/rankings").then().statusCode(200)
                .body("entries.member", org.hamcrest.Matchers.contains("hb-agent-9"))
                .body("entries.complaints", org.hamcrest.Matchers.contains(1));
    }

    /**
     * 30 July complaints on every topic: receipts (3 regulator, 5 repeats), assignments to three agents
     * of two teams, 20 resolutions (10 substantiated, 5 of them staff), reopenings, follow-ups, RESOLUTION
     * breaches, escalations, ticket errors, inspections, a risk hit and a call report corrected later.
     */
    private static List<EventEnvelope> knownJuly() {
        List<EventEnvelope> events = new ArrayList<>();
        Instant received = Instant.parse("2026-07-10T02:00:00Z");
        Instant resolved = Instant.parse("2026-07-11T02:00:00Z");
        for (int i = 0; i < COMPLAINTS; i++) {
            ReportingEvents c = new ReportingEvents(HB);
            events.add(c.received(i % 2 == 0 ? "Wuhan" : "Yichang", i % 10 == 0 ? "REGULATOR" : "HOTLINE", i % 6 == 1,
                    received.plusSeconds(i)));
            events.add(c.assigned("hb-agent-" + i % 3, "hb-team-" + i % 2, received.plusSeconds(60 + i)));
            if (i < 20) {
                events.add(c.resolved(i % 2 == 0, i % 4 == 0 ? "STAFF" : i % 2 == 0 ? "PROCESS" : "NONE", i % 5 != 0,
                        resolved.plusSeconds(i)));
            }
            if (i % 6 == 0 && i < 20) {
                events.add(c.reopened(Instant.parse("2026-07-12T02:00:00Z")));
            }
            if (i < 10) {
                events.add(c.followedUp(i < 8, Instant.parse("2026-07-13T02:00:00Z")));
            }
            if (i % 9 == 0) {
                events.add(c.breached("RESOLUTION", Instant.parse("2026-07-10T20:00:00Z")));
            }
            if (i % 8 == 0) {
                events.add(c.escalated(1, Instant.parse("2026-07-10T21:00:00Z")));
            }
            if (i % 5 == 0) {
                events.add(c.ticketError("hb-agent-" + i % 3, "hb-team-" + i % 2, Instant.parse("2026-07-14T02:00:00Z")));
            }
            if (i < 15) {
                events.add(c.inspected(Instant.parse("2026-07-15T02:00:00Z")));
            }
            if (i == 3) {
                events.add(c.riskHit(Instant.parse("2026-07-15T03:00:00Z")));
            }
        }
        LocalDate day = LocalDate.of(2026, 7, 20);
        Instant t0 = Instant.parse("2026-07-21T01:00:00Z");
        events.add(ReportingEvents.callVolume(HB, day, "Wuhan", 500_000, t0));
        events.add(ReportingEvents.callVolume(HB, day, "Wuhan", 600_000, t0.plusSeconds(60)));
        return events;
    }

    private static void publish(EventPublisher events, EventEnvelope event) {
        if (event.complaintId() == null) {
            events.publish(event, event.province());
        } else {
            events.publish(event);
        }
    }

    /**
     * The monthly table (summed from fact_hour_counts) has the numerators and denominators of the
     * facts themselves: those of the table grouped by city (counted from complaint_facts), added up.
     */
    private static void hourCountsAgreeWithTheFacts(String month) {
        JsonPathConfig decimals = JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
        List<Map<String, Object>> table = JsonPath.from(body("/api/v1/indicators/monthly", Map.of("month", month)))
                .using(decimals).getList("indicators");
        List<Map<String, Object>> points = JsonPath.from(body("/api/v1/indicators", Map.of("groupBy", "city",
                "from", month))).using(decimals).getList("points");
        for (Map<String, Object> row : table) {
            String code = (String) row.get("code");
            if (code.equals("VALID_COMPLAINTS_PER_10K_CALLS") || code.equals("TICKET_ACCURACY_RATE")
                    || code.equals("RISK_ANOMALY_RATE")) {
                continue; // calls, errors, hits and audits are not facts of the hour counts
            }
            for (String part : List.of("numerator", "denominator")) {
                if (row.get(part) == null) {
                    continue;
                }
                BigDecimal byCity = points.stream().map(p -> ((List<Map<String, Object>>) p.get("indicators")).stream()
                        .filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow().get(part))
                        .map(ReplayTest::decimal).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(decimal(row.get(part))).as(month + " " + code + " " + part).isEqualByComparingTo(byCity);
            }
        }
    }

    private static BigDecimal decimal(Object number) {
        return new BigDecimal(String.valueOf(number));
    }

    /** Every figure of HB that the replay could move, as the API returns them. */
    private static Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("monthly", body("/api/v1/indicators/monthly", Map.of("month", "2026-07")));
        figures.put("by team, daily", body("/api/v1/indicators", Map.of("groupBy", "team", "granularity", "day",
                "from", "2026-07-10", "to", "2026-07-15")));
        figures.put("by city", body("/api/v1/indicators", Map.of("groupBy", "city", "from", "2026-07")));
        figures.put("agents", body("/api/v1/rankings", Map.of("month", "2026-07", "by", "agent")));
        figures.put("teams", body("/api/v1/rankings", Map.of("month", "2026-07", "by", "team")));
        return figures;
    }

    private static String body(String path, Map<String, String> params) {
        return given().queryParam("province", HB).queryParams(params).when().get(path).then().statusCode(200)
                .extract().asString();
    }

    /** The monthly table as code -> value|numerator|denominator, '-' for null. */
    private static Map<String, String> table(String month) {
        List<Map<String, Object>> rows = JsonPath.from(body("/api/v1/indicators/monthly", Map.of("month", month)))
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .getList("indicators");
        return rows.stream().collect(Collectors.toMap(r -> (String) r.get("code"), r -> List.of("value",
                "numerator", "denominator").stream().map(k -> r.get(k) == null ? "-" : r.get(k) instanceof BigDecimal d ? d.toPlainString() : String.valueOf(r.get(k)))
                .collect(Collectors.joining("|"))));
    }

    /**
     * Waits until reporting's consumer group has committed every record of the four topics: the
     * offsets are committed only once a record is applied, so everything published is in the figures.
     */
    private static void awaitCaughtUp() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> lag(admin) == 0);
        }
    }

    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = admin.describeTopics(TOPICS).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
