package io.tousu.systemtests;

import static io.restassured.RestAssured.given;
import static io.tousu.systemtests.PackagedSuite.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.localstack.Service;
import io.tousu.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A complaint the front office hands off to the back office (落单), where the back-office handler
 * promises the customer a call-back in a few seconds and nobody keeps it. Escalation's promise clock
 * runs out: it records the breach and escalates the complaint (history, and SlaBreached +
 * ComplaintEscalated on {@code tousu.escalations}); quality turns the unkept promise into a
 * PROMISE_BROKEN ticket error of the handler who made it and, the hand-off being unanswered past its
 * deadline, into a hit of the seeded rule PE_BACK_OFFICE_HAND_OFF_UNANSWERED; reporting counts both.
 * Nobody marks the promise broken in intake: the clock alone must be enough.
 *
 * <p>The rule's deadline (24 hours in the seed) is shortened to seconds through quality's admin API for
 * the story, as the other stories shorten SLA policies through escalation's, and restored afterwards.
 */
@Order(4)
@ExtendWith(PackagedSuite.class)
class BackOfficeHandOffIT {

    private static final String PROVINCE = "ZJ";
    private static final String RULE = "PE_BACK_OFFICE_HAND_OFF_UNANSWERED";
    private static final String FRONT_AGENT = "A7001";
    private static final String FRONT_TEAM = "ZJ-FRONT-2";
    private static final String BACK_HANDLER = "B7002";
    private static final String BACK_TEAM = "ZJ-BILLING";

    @Test
    void anUnkeptPromiseOfTheBackOfficeEscalatesAndIsATicketErrorAndARiskHitCountedByReporting() {
        JsonPath seeded = api(Service.QUALITY).queryParam("enabled", true).get("/api/v1/risk-rules").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> rule = seeded.getMap("find { it.code == '" + RULE + "' }");
        assertThat(rule).as("the seeded hand-off rule").isNotNull();
        assertThat(seeded.getString("find { it.code == '" + RULE + "' }.condition.history"))
                .isEqualTo("BACK_OFFICE_HAND_OFF_UNANSWERED");
        String ruleId = (String) rule.get("id");
        Object seededCondition = rule.get("condition");
        updateRule(ruleId, rule, Map.of("history", "BACK_OFFICE_HAND_OFF_UNANSWERED", "within", "PT3S"));
        try {
            story();
        } finally {
            updateRule(ruleId, rule, seededCondition);
        }
    }

    private void story() {
        String front = Tokens.mint(FRONT_AGENT, List.of("agent"), PROVINCE, FRONT_TEAM, Duration.ofHours(1));
        String back = Tokens.mint(BACK_HANDLER, List.of("backoffice"), PROVINCE, BACK_TEAM, Duration.ofHours(1));

        String id = api(Service.INTAKE).contentType(ContentType.JSON).body("""
                {"channel":"HOTLINE","channelRef":"st-handoff-%s","province":"%s","city":"Hangzhou",
                 "customer":{"msisdn":"13500007777"},"category":"BILLING_DISPUTE",
                 "description":"charged for an international roaming pack while at home"}"""
                .formatted(UUID.randomUUID(), PROVINCE))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        act(front, id, "assign", """
                {"ownerId":"%s","teamId":"%s","office":"FRONT"}""".formatted(FRONT_AGENT, FRONT_TEAM))
                .body("status", equalTo("ASSIGNED"));
        act(front, id, "start", "{}").body("status", equalTo("IN_PROGRESS"));
        act(front, id, "hand-off", """
                {"toTeamId":"%s","toOwnerId":"%s","reason":"needs the billing system team to check the charge"}"""
                .formatted(BACK_TEAM, BACK_HANDLER)).body("status", equalTo("PENDING_BACK_OFFICE"))
                .body("owner.office", equalTo("BACK"));

        // quality has the hand-off (its history names the back-office team) before anything can run out: the
        // rule is checked on escalation's events, which come on another topic
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                api(Service.QUALITY).get("/api/v1/inspection-candidates/" + id).then().statusCode(200)
                        .body("teamId", equalTo(BACK_TEAM)));

        // the back office promises a call-back in four seconds, and nobody calls
        Instant due = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        String promiseId = given().baseUri(PackagedSuite.stack().baseUrl(Service.INTAKE).toString()).auth()
                .oauth2(back).contentType(ContentType.JSON)
                .body("{\"kind\":\"CALL_BACK\",\"dueAt\":\"" + due + "\"}")
                .post("/api/v1/complaints/" + id + "/promises").then().statusCode(201).extract().path("id");

        // escalation: the promise clock ran out, the complaint went up a level for the broken promise
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                api(Service.ESCALATION).get("/api/v1/escalations/" + id).then().statusCode(200)
                        .body("phase", equalTo("OPEN"))
                        .body("level", greaterThanOrEqualTo(1))
                        .body("clocks.find { it.clock == 'PROMISE' }.ref", equalTo(promiseId))
                        .body("clocks.find { it.clock == 'PROMISE' }.firstBreachedAt", org.hamcrest.Matchers.notNullValue())
                        .body("history.findAll { it.clock == 'PROMISE:" + promiseId + "' }.action", hasItem("BREACHED"))
                        .body("history.find { it.action == 'ESCALATED' }.detail",
                                equalTo("BROKEN_PROMISE: level 0 -> 1 TEAM_LEAD")));
        assertThat(Instant.parse(api(Service.ESCALATION).get("/api/v1/escalations/" + id).then().extract()
                .<String>path("clocks.find { it.clock == 'PROMISE' }.firstBreachedAt"))).as("the promise ran out when due")
                .isEqualTo(due);
        List<EventEnvelope> published = escalationEvents(id, 2);
        SlaBreached breach = published.stream().filter(e -> e.type().equals("SlaBreached"))
                .map(e -> e.payloadAs(SlaBreached.class)).filter(b -> b.clock().equals("PROMISE")).findFirst()
                .orElseThrow(() -> new AssertionError("no PROMISE SlaBreached on tousu.escalations: " + published));
        assertThat(breach.dueAt()).isEqualTo(due);
        ComplaintEscalated escalated = published.stream().filter(e -> e.type().equals("ComplaintEscalated"))
                .map(e -> e.payloadAs(ComplaintEscalated.class)).findFirst().orElseThrow();
        assertThat(escalated.reason()).isEqualTo("BROKEN_PROMISE");
        assertThat(escalated.fromLevel()).isZero();
        assertThat(escalated.toLevel()).isEqualTo(1);
        assertThat(escalated.levelName()).isEqualTo("TEAM_LEAD");

        // quality: a ticket error of the handler who promised, and a hit of the hand-off rule
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            api(Service.QUALITY).queryParam("complaintId", id).get("/api/v1/ticket-errors").then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].errorType", equalTo("PROMISE_BROKEN"))
                    .body("items[0].agentId", equalTo(BACK_HANDLER))
                    .body("items[0].teamId", equalTo(BACK_TEAM))
                    .body("items[0].recordedBy", equalTo("SYSTEM"));
            // the breach and the escalation both find the hand-off unanswered past its (shortened) deadline
            api(Service.QUALITY).queryParam("complaintId", id).get("/api/v1/risk-hits").then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.ruleCode", everyItem(equalTo(RULE)))
                    .body("items.eventType", containsInAnyOrder("SlaBreached", "ComplaintEscalated"))
                    .body("items.minefield", everyItem(equalTo("PROCESS_ERROR")))
                    .body("items.teamId", everyItem(equalTo(BACK_TEAM)));
        });
        int hits = api(Service.QUALITY).queryParam("province", PROVINCE).queryParam("size", 100)
                .get("/api/v1/risk-hits").then().statusCode(200).extract().path("total");
        assertThat(hits).as("risk hits in " + PROVINCE).isEqualTo(2);

        // reporting: the error and the hits are counted, behind the figures of the monthly table
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            drillDown("TICKET_ERRORS", month).body("complaintIds", hasItem(id));
            drillDown("RISK_HITS", month).body("complaintIds", hasItem(id));
            JsonNode table = monthly(month);
            JsonNode accuracy = row(table, "TICKET_ACCURACY_RATE");
            assertThat(accuracy.get("numerator").asLong()).as("correct tickets").isZero();
            assertThat(accuracy.get("denominator").asLong()).as("tickets").isEqualTo(1);
            assertThat(accuracy.get("value").decimalValue()).isEqualByComparingTo("0.00");
            JsonNode anomaly = row(table, "RISK_ANOMALY_RATE");
            assertThat(anomaly.get("numerator").asLong()).as("risk hits").isEqualTo(hits);
            assertThat(anomaly.get("denominator").asLong()).as("audited tickets").isZero();
            assertThat(anomaly.get("value").isNull()).as("undefined without audits").isTrue();
        });
        api(Service.REPORTING).queryParam("province", PROVINCE).queryParam("month", month).queryParam("by", "agent")
                .get("/api/v1/rankings").then().statusCode(200)
                .body("entries.find { it.member == '" + BACK_HANDLER + "' }.ticketErrors", equalTo(1));
        // intake still shows the promise open: nobody had to mark it broken
        api(Service.INTAKE).get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("promises.find { it.id == '" + promiseId + "' }.keptAt", nullValue());
    }

    private static void updateRule(String id, Map<String, Object> rule, Object condition) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (String field : List.of("code", "name", "minefield", "severity", "description", "eventTypes")) {
            body.put(field, rule.get(field));
        }
        body.put("condition", condition);
        api(Service.QUALITY).contentType(ContentType.JSON).body(body).put("/api/v1/risk-rules/" + id).then()
                .statusCode(200);
    }

    private static ValidatableResponse act(String token, String id, String action, String body) {
        return given().baseUri(PackagedSuite.stack().baseUrl(Service.INTAKE).toString()).auth().oauth2(token)
                .contentType(ContentType.JSON).body(body).post("/api/v1/complaints/" + id + "/" + action).then()
                .statusCode(200);
    }

    private static ValidatableResponse drillDown(String measure, String month) {
        return api(Service.REPORTING).queryParam("province", PROVINCE).queryParam("measure", measure)
                .queryParam("period", month).get("/api/v1/indicators/complaints").then().statusCode(200);
    }

    private static JsonNode monthly(String month) throws Exception {
        String json = api(Service.REPORTING).queryParam("province", PROVINCE).queryParam("month", month)
                .get("/api/v1/indicators/monthly").then().statusCode(200).extract().asString();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    }

    private static JsonNode row(JsonNode table, String code) {
        for (JsonNode row : table.get("indicators")) {
            if (row.get("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no " + code + " in the monthly table");
    }

    /** What escalation published about the complaint on {@code tousu.escalations}, once there are {@code atLeast}. */
    private static List<EventEnvelope> escalationEvents(String complaintId, int atLeast) {
        try (KafkaConsumer<String, String> consumer = PackagedSuite.consumerFromStart(Topics.ESCALATIONS)) {
            List<EventEnvelope> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (complaintId.equals(r.key())) {
                        seen.add(EventCodec.read(r.value()));
                    }
                });
                return seen.stream().map(EventEnvelope::type).filter(t -> t.equals("SlaBreached")
                        || t.equals("ComplaintEscalated")).count() >= atLeast;
            });
            return seen;
        }
    }
}
