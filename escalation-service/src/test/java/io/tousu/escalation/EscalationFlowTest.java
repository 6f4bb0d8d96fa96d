package io.tousu.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.events.EventEnvelope;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintStatusChanged;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.events.escalation.SlaWarning;
import io.tousu.events.notification.NotificationRequested;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.TestEvents;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Complaint events in through the real broker, warnings, breaches and escalations out through the outbox. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class EscalationFlowTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    EventPublisher events;
    EscalationsTopic out;

    @BeforeEach
    void connect() {
        events = new EventPublisher(bootstrap);
        out = new EscalationsTopic(bootstrap);
    }

    @AfterEach
    void disconnect() {
        events.close();
        out.close();
    }

    void awaitTracked(String complaintId) {
        await().atMost(PATIENCE).untilAsserted(() ->
                given().get("/api/v1/escalations/" + complaintId).then().statusCode(200));
    }

    @Test
    void unansweredComplaintIsWarnedThenEscalatedLevelByLevel() {
        // Default policy: first response 4 h, warned 20% ahead; chain TEAM_LEAD 8 h, MANAGER 24 h, ...
        EventEnvelope received = TestEvents.complaintReceived("GD", "NETWORK_QUALITY", "NORMAL", clock.instant());
        String id = received.complaintId();
        events.publish(received);
        awaitTracked(id);

        clock.advance(Duration.ofMinutes(200));
        await().atMost(PATIENCE).until(() -> out.escalationTypes(id).contains("SlaWarning"));
        SlaWarning warning = only(out.about(id), "SlaWarning").payloadAs(SlaWarning.class);
        assertThat(warning.clock()).isEqualTo("FIRST_RESPONSE");
        assertThat(warning.dueAt()).isEqualTo(received.occurredAt().plus(Duration.ofHours(4)));
        assertThat(out.about(id)).anySatisfy(e -> assertThat(e.type()).isEqualTo("NotificationRequested"));

        Instant breachAt = clock.advance(Duration.ofMinutes(41));
        await().atMost(PATIENCE).until(() -> out.escalationTypes(id).contains("ComplaintEscalated"));
        ComplaintEscalated toTeamLead = only(out.about(id), "ComplaintEscalated").payloadAs(ComplaintEscalated.class);
        assertThat(toTeamLead.levelName()).isEqualTo("TEAM_LEAD");
        assertThat(toTeamLead.reason()).isEqualTo("BREACH");
        assertThat(toTeamLead.nextDeadline()).isEqualTo(breachAt.plus(Duration.ofHours(8)));

        clock.advance(Duration.ofHours(8));
        await().atMost(PATIENCE).until(() -> out.escalationTypes(id).size() >= 5);
        clock.advance(Duration.ofHours(24));
        await().atMost(PATIENCE).until(() -> out.escalationTypes(id).size() >= 7);

        assertThat(out.escalationTypes(id)).containsExactly("SlaWarning", "SlaBreached", "ComplaintEscalated",
                "SlaBreached", "ComplaintEscalated", "SlaBreached", "ComplaintEscalated");
        assertThat(out.about(id).stream().filter(e -> e.type().equals("SlaBreached"))
                .map(e -> e.payloadAs(SlaBreached.class).level())).containsExactly(0, 1, 2);
        assertThat(out.about(id).stream().filter(e -> e.type().equals("NotificationRequested"))
                .map(e -> e.payloadAs(NotificationRequested.class).template()))
                .containsExactly("SLA_WARNING_UNOWNED", "COMPLAINT_ESCALATED", "COMPLAINT_ESCALATED",
                        "COMPLAINT_ESCALATED");
        given().get("/api/v1/escalations/" + id).then().statusCode(200)
                .body("level", equalTo(3))
                .body("levelName", equalTo("CENTRE_DIRECTOR"))
                .body("history.action", hasItem("ESCALATED"));
        given().queryParam("clock", "FIRST_RESPONSE").queryParam("size", 200).get("/api/v1/escalations/overdue")
                .then().statusCode(200).body("items.complaintId", hasItem(id));
    }

    @Test
    void metricsCountWarningsBreachesEscalationsByLevelAndOpenClocks() {
        EventEnvelope received = TestEvents.complaintReceived("GD", "VALUE_ADDED_SP", "NORMAL", clock.instant());
        events.publish(received);
        awaitTracked(received.complaintId());
        clock.advance(Duration.ofMinutes(210));
        await().atMost(PATIENCE).until(() -> out.escalationTypes(received.complaintId()).contains("SlaWarning"));
        clock.advance(Duration.ofMinutes(90));
        await().atMost(PATIENCE).until(() -> out.escalationTypes(received.complaintId()).contains("ComplaintEscalated"));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tousu_sla_warnings_total{category=\"VALUE_ADDED_SP\",clock=\"FIRST_RESPONSE\","
                        + "province=\"GD\"}"))
                .body(containsString("tousu_sla_breaches_total{category=\"VALUE_ADDED_SP\",clock=\"FIRST_RESPONSE\","
                        + "level=\"OWNER\",province=\"GD\"}"))
                .body(containsString("tousu_escalations_total{category=\"VALUE_ADDED_SP\",level=\"TEAM_LEAD\","
                        + "province=\"GD\"}"))
                .body(containsString("tousu_sla_firing_lateness_seconds_bucket{action=\"BREACH\""))
                .body(containsString("tousu_sla_firing_lateness_seconds_count{action=\"WARNING\"}"))
                .body(containsString("tousu_sla_firing_backlog "))
                .body(containsString("tousu_sla_open_clocks{kind=\"RESOLUTION\",province=\"GD\",state=\"RUNNING\"}")));
    }

    @Test
    void eventsBeforeTheirComplaintAreAppliedWhenItArrives() {
        Instant now = clock.instant();
        EventEnvelope received = TestEvents.complaintReceived("GD", "OTHER", "NORMAL", now);
        String id = received.complaintId();
        // same key, so the broker keeps this order: the first contact arrives before the complaint
        events.publish(EventEnvelope.of(new ComplaintStatusChanged("ASSIGNED", "IN_PROGRESS", null,
                now.plusSeconds(60)), "GD", id, now.plusSeconds(60)));
        events.publish(received);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/escalations/" + id).then().statusCode(200)
                .body("clocks.find { it.clock == 'FIRST_RESPONSE' }.state", equalTo("STOPPED"))
                .body("clocks.find { it.clock == 'NEXT_UPDATE' }.state", equalTo("RUNNING")));
    }

    @Test
    void riskyComplaintIsListedAtRiskAndRaisedOnce() {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        ComplaintReceived repeat = new ComplaintReceived("GD20261125000999", "HOTLINE", "ref-" + id, "Shenzhen",
                "138****5678", null, "BILLING_DISPUTE", null, "HIGH", List.of("sensitive words: 3.15"),
                List.of(UUID.randomUUID().toString()), false, now);
        events.publish(EventEnvelope.of(repeat, "GD", id, now));
        await().atMost(PATIENCE).until(() -> out.escalationTypes(id).contains("RegulatorRiskRaised"));
        given().queryParam("province", "GD").queryParam("size", 200).get("/api/v1/escalations/at-risk")
                .then().statusCode(200).body("items.complaintId", hasItem(id));
        given().get("/api/v1/escalations/" + id).then().statusCode(200)
                .body("riskScore", equalTo(60))
                .body("riskReasons", equalTo(List.of("REPEAT", "SENSITIVE_WORDS", "RISKY_CATEGORY")))
                .body("level", equalTo(1));
        assertThat(out.escalationTypes(id).stream().filter("RegulatorRiskRaised"::equals)).hasSize(1);
        // open complaints at risk are a gauge per province, for the on-call alert
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(given().get("/q/metrics").then().statusCode(200)
                .extract().asString()).containsPattern("tousu_regulator_risk_open\\{province=\"GD\"} [1-9]"));
    }

    @Test
    void dueSoonListsClocksRunningOutWithinTheWindow() {
        EventEnvelope received = TestEvents.complaintReceived("ZJ", "BROADBAND_INSTALL", "NORMAL", clock.instant());
        String id = received.complaintId();
        events.publish(received);
        awaitTracked(id);
        // Default policy: first response due in 4 h, resolution in 72 h
        given().queryParam("within", "PT5H").queryParam("province", "ZJ").queryParam("size", 200)
                .get("/api/v1/escalations/due-soon").then().statusCode(200)
                .body("items.find { it.complaintId == '" + id + "' }.clock", equalTo("FIRST_RESPONSE"))
                .body("items.find { it.complaintId == '" + id + "' }.overdueSeconds", equalTo(-4 * 3600));
        given().queryParam("within", "PT1H").queryParam("province", "ZJ").queryParam("size", 200)
                .get("/api/v1/escalations/due-soon").then().statusCode(200)
                .body("items.complaintId", not(hasItem(id)));
    }

    @Test
    void badQueryParametersAreProblems() {
        given().queryParam("size", 0).get("/api/v1/escalations/overdue").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("size"));
        given().queryParam("clock", "LUNCH").get("/api/v1/escalations/overdue").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("clock"));
        given().queryParam("within", "two hours").get("/api/v1/escalations/due-soon").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("within"));
    }

    static EventEnvelope only(List<EventEnvelope> events, String type) {
        List<EventEnvelope> found = events.stream().filter(e -> e.type().equals(type)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
