package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.events.EventEnvelope;
import io.tousu.events.quality.InspectionSampled;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sampling end to end: events in through Kafka, decisions stored, inspections queued, InspectionSampled out. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class SamplingFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    static Instant start() {
        return Instant.now().minus(Duration.ofHours(48)).truncatedTo(ChronoUnit.SECONDS);
    }

    static String agent(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    @Test
    void aResolvedRegulatorComplaintIsAlwaysSampledAndQueued() {
        String agent = agent("reg");
        Lifecycle c = new Lifecycle("GD", start()).received("REGULATOR", "BILLING_DISPUTE", false)
                .assigned(h(1), agent, "team-reg").started(h(1))
                .resolved(h(5), agent, true, "PROCESS", new BigDecimal("30.00"));
        try (QualityTopic quality = new QualityTopic(Broker.bootstrap())) {
            Broker.publish(c);
            await().atMost(WAIT).untilAsserted(() -> given().queryParam("status", "PENDING").queryParam("agentId", agent)
                    .get("/api/v1/inspections").then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].complaintId", equalTo(c.id.toString()))
                    .body("items[0].reason", equalTo("REGULATOR"))
                    .body("items[0].reasons", equalTo(List.of("REGULATOR", "COMPENSATION")))
                    .body("items[0].highRisk", equalTo(true))
                    .body("items[0].teamId", equalTo("team-reg"))
                    .body("items[0].category", equalTo("BILLING_DISPUTE")));
            await().atMost(WAIT).untilAsserted(() -> {
                InspectionSampled s = quality.last(c.id, "InspectionSampled").payloadAs(InspectionSampled.class);
                assertThat(s.agentId()).isEqualTo(agent);
                assertThat(s.reason()).isEqualTo("REGULATOR");
                assertThat(s.highRisk()).isTrue();
            });
        }
        given().get("/api/v1/inspection-candidates/" + c.id).then().statusCode(200)
                .body("channel", equalTo("REGULATOR"))
                .body("highRisk", equalTo(true))
                .body("decisions", hasSize(1))
                .body("decisions[0].sampled", equalTo(true));
    }

    @Test
    void everyAgentIsCoveredOnceAMonthAndTheRestIsLeftToTheDraw() {
        String agent = agent("cov");
        Lifecycle first = new Lifecycle("GD", start()).received("HOTLINE", "OTHER", false)
                .assigned(h(1), agent, "team-cov").resolved(h(2), agent, false, "NONE", null);
        Broker.publish(first);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/inspection-candidates/" + first.id).then()
                .statusCode(200).body("decisions[0].reason", equalTo("AGENT_COVERAGE")));

        Lifecycle second = new Lifecycle("GD", start()).received("HOTLINE", "OTHER", false)
                .assigned(h(1), agent, "team-cov").resolved(h(2), agent, false, "NONE", null).closed(h(3));
        Broker.publish(second);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/inspection-candidates/" + second.id).then()
                .statusCode(200)
                .body("finished", equalTo(true))
                .body("decisions", hasSize(1))
                .body("decisions[0].sampled", equalTo(false))
                .body("decisions[0].reason", equalTo("NOT_DRAWN")));
        given().queryParam("agentId", agent).get("/api/v1/inspections").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void aComplaintNotDrawnIsSampledWhenALateEscalationMakesItHighRisk() {
        String agent = agent("esc");
        Broker.publish(new Lifecycle("GD", start()).received("HOTLINE", "OTHER", false)
                .resolved(h(1), agent, false, "NONE", null));
        Lifecycle c = new Lifecycle("GD", start()).received("HOTLINE", "OTHER", false)
                .assigned(h(1), agent, "team-esc").resolved(h(6), agent, false, "NONE", null);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("agentId", agent).get("/api/v1/inspections")
                .then().body("total", equalTo(1)));
        Broker.publish(c);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/inspection-candidates/" + c.id).then()
                .body("decisions[0].sampled", equalTo(false)));

        // the escalation of hour 4 arrives on tousu.escalations after the resolution
        Broker.publish(List.of(EventEnvelope.of(new io.tousu.events.escalation.ComplaintEscalated(0, 1, "TEAM_LEAD",
                "BREACH", null, c.start.plus(h(4))), "GD", c.id.toString(), c.start.plus(h(4)))));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/inspection-candidates/" + c.id).then()
                .body("decisions[0].sampled", equalTo(true))
                .body("decisions[0].reason", equalTo("ESCALATED")));
    }

    @Test
    void aResolutionArrivingBeforeTheReceiptIsSampledOnceTheReceiptShowsTheRisk() {
        String agent = agent("ooo");
        Lifecycle covered = new Lifecycle("GD", start()).received("HOTLINE", "OTHER", false)
                .resolved(h(1), agent, false, "NONE", null);
        Broker.publish(covered);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("agentId", agent).get("/api/v1/inspections")
                .then().body("total", equalTo(1)));
        Lifecycle c = new Lifecycle("GD", start()).received("HOTLINE", "OTHER", true)
                .resolved(h(3), agent, false, "NONE", null);
        Broker.publish(List.of(c.events().get(1), c.events().get(1), c.events().get(0)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/inspection-candidates/" + c.id).then()
                .body("decisions[0].sampled", equalTo(true))
                .body("decisions[0].reason", equalTo("REPEAT")));
        given().queryParam("agentId", agent).get("/api/v1/inspections").then().body("total", equalTo(2));
    }

    @Test
    void aReopenedComplaintIsSampledAgainInItsNewRound() {
        String agent = agent("rnd");
        Lifecycle c = new Lifecycle("GD", start()).received("HOTLINE", "OTHER", false)
                .resolved(h(1), agent, false, "NONE", null).reopened(h(2), 1)
                .resolved(h(3), agent, false, "NONE", null);
        Broker.publish(c);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/inspection-candidates/" + c.id).then()
                .body("decisions", hasSize(2))
                .body("decisions[0].reason", equalTo("AGENT_COVERAGE"))
                .body("decisions[1].round", equalTo(1))
                .body("decisions[1].reason", equalTo("REOPENED")));
    }

    @Test
    void badQueueParametersAreProblemsNamingTheField() {
        given().queryParam("status", "DONE").get("/api/v1/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("status"));
        given().queryParam("size", 0).get("/api/v1/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("size"));
        given().queryParam("highRisk", "maybe").get("/api/v1/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("highRisk"));
        given().get("/api/v1/inspections/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/inspections/not-a-uuid").then().statusCode(404);
        given().get("/api/v1/inspection-candidates/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
