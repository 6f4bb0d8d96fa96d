package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static io.tousu.quality.SamplingFlowTest.WAIT;
import static io.tousu.quality.SamplingFlowTest.agent;
import static io.tousu.quality.SamplingFlowTest.h;
import static io.tousu.quality.SamplingFlowTest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.events.EventEnvelope;
import io.tousu.events.complaint.ComplaintUrged;
import io.tousu.events.quality.RiskHitRecorded;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every consumed event is checked against the rules; hits are stored with evidence and published. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class RiskHitTest {

    @Test
    void aFullPhoneNumberInANoteIsAHitPublishedOnceWithMaskedEvidence() {
        String agent = agent("phone");
        Lifecycle c = new Lifecycle("GD", start()).received("HOTLINE", "BILLING_DISPUTE", false)
                .assigned(h(0), agent, "team-phone").started(h(1))
                .note(h(2), agent, "customer wants a call on 13912345678 after six");
        try (QualityTopic quality = new QualityTopic(Broker.bootstrap())) {
            Broker.publish(c);
            await().atMost(WAIT).untilAsserted(() -> {
                RiskHitRecorded r = quality.last(c.id, "RiskHitRecorded").payloadAs(RiskHitRecorded.class);
                assertThat(r.ruleCode()).isEqualTo("IS_FULL_PHONE_IN_NOTE");
                assertThat(r.minefield()).isEqualTo("INFORMATION_SECURITY");
                assertThat(r.severity()).isEqualTo("HIGH");
                assertThat(r.agentId()).isEqualTo(agent);
                assertThat(r.teamId()).isEqualTo("team-phone");
                assertThat(r.evidence()).contains("139****5678").contains(c.last().eventId().toString())
                        .contains(" v1 ").doesNotContain("13912345678");
            });
            // replayed: the same events again change nothing
            Broker.publish(c);
            Broker.publish(new Lifecycle("GD", start()).received("HOTLINE", "OTHER", false).events());
            await().atMost(WAIT).untilAsserted(() -> given().queryParam("complaintId", c.id.toString())
                    .get("/api/v1/risk-hits").then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].ruleCode", equalTo("IS_FULL_PHONE_IN_NOTE"))
                    .body("items[0].ruleVersion", equalTo(1))
                    .body("items[0].eventId", equalTo(c.last().eventId().toString()))
                    .body("items[0].eventType", equalTo("NoteAdded"))
                    .body("items[0].evidence", containsString("139****5678"))
                    .body("items[0].evidence", not(containsString("13912345678"))));
            assertThat(quality.types(c.id).stream().filter("RiskHitRecorded"::equals)).hasSize(1);
        }
    }

    @Test
    void aBackOfficeHandOffUnansweredIsAHitOnTheEscalationsSlaBreach() {
        String agent = agent("hand");
        Lifecycle c = new Lifecycle("GD", start()).received("HOTLINE", "BILLING_DISPUTE", false)
                .assigned(h(0), agent, "team-front").started(h(1)).handedOff(h(2), agent, "team-back")
                .breached(h(30), "RESOLUTION");
        List<EventEnvelope> events = c.events();
        try (QualityTopic quality = new QualityTopic(Broker.bootstrap())) {
            // the breach comes from another topic: as in life, a day after the hand-off was consumed
            Broker.publish(events.subList(0, 4));
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/inspection-candidates/" + c.id).then()
                    .statusCode(200).body("teamId", equalTo("team-back")));
            Broker.publish(events.subList(4, 5));
            await().atMost(WAIT).untilAsserted(() -> {
                RiskHitRecorded r = quality.last(c.id, "RiskHitRecorded").payloadAs(RiskHitRecorded.class);
                assertThat(r.ruleCode()).isEqualTo("PE_BACK_OFFICE_HAND_OFF_UNANSWERED");
                assertThat(r.minefield()).isEqualTo("PROCESS_ERROR");
                assertThat(r.teamId()).isEqualTo("team-back");
            });
        }
    }

    @Test
    void compensationAboveAuthorityAndARedLineAreChargedToTheResolver() {
        String agent = agent("comp");
        Lifecycle c = new Lifecycle("GD", start()).received("HOTLINE", "MARKETING_VIOLATION", false)
                .assigned(h(0), agent, "team-comp").started(h(1))
                .resolved(h(3), agent, true, "STAFF", new BigDecimal("150.00"), false, "refunded the package");
        Broker.publish(c);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("complaintId", c.id.toString())
                .queryParam("minefield", "SERVICE_RED_LINE").get("/api/v1/risk-hits").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].ruleCode", equalTo("RL_FORCED_PRACTICE_SUBSTANTIATED"))
                .body("items[0].agentId", equalTo(agent)));
        given().queryParam("complaintId", c.id.toString()).queryParam("rule", "OV_COMPENSATION_ABOVE_AUTHORITY")
                .get("/api/v1/risk-hits").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].evidence", containsString("150.00 above limit 100"));
        given().queryParam("agentId", agent).get("/api/v1/risk-hits").then().statusCode(200)
                .body("total", equalTo(2)).body("items.agentId", everyItem(equalTo(agent)));
        given().queryParam("agentId", agent).queryParam("from", c.start.plus(h(4)).toString())
                .get("/api/v1/risk-hits").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("agentId", agent).queryParam("from", c.start.toString())
                .queryParam("to", c.start.plus(h(4)).toString()).get("/api/v1/risk-hits").then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void aRuleAddedThroughTheApiIsCheckedAtOnceAndNotOnceDisabled() {
        String code = RiskRuleApiTest.code("URGED_TWICE");
        String body = RiskRuleApiTest.rule(code, "PROCESS_ERROR", "[\"ComplaintUrged\"]", """
                {"all":[{"field":"urgeCount","op":"gte","value":2},
                        {"field":"complaint.category","op":"eq","value":"NETWORK_QUALITY"}]}""");
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/risk-rules").then()
                .statusCode(201).extract().path("id");
        String agent = agent("urge");
        Lifecycle c = new Lifecycle("GD", start()).received("APP", "NETWORK_QUALITY", false)
                .assigned(h(0), agent, "team-urge").started(h(1))
                .add(h(2), new ComplaintUrged(1, "APP", start().plus(h(2))))
                .add(h(3), new ComplaintUrged(2, "APP", start().plus(h(3))));
        Broker.publish(c);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("rule", code).get("/api/v1/risk-hits").then()
                .statusCode(200).body("total", equalTo(1))
                .body("items[0].evidence", containsString("urgeCount=2"))
                .body("items[0].agentId", equalTo(agent)));

        given().post("/api/v1/risk-rules/" + id + "/disable").then().statusCode(200);
        // the note after the urge is a hit of another rule: once it is recorded, the urge was checked too
        Lifecycle later = new Lifecycle("GD", start()).received("APP", "NETWORK_QUALITY", false)
                .assigned(h(0), agent, "team-urge").started(h(1))
                .add(h(2), new ComplaintUrged(3, "APP", start().plus(h(2))))
                .note(h(3), agent, "call 13712345678");
        Broker.publish(later);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("complaintId", later.id.toString())
                .get("/api/v1/risk-hits").then().body("total", equalTo(1))
                .body("items[0].ruleCode", equalTo("IS_FULL_PHONE_IN_NOTE")));
        given().queryParam("rule", code).get("/api/v1/risk-hits").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        given().queryParam("minefield", "SWAMP").get("/api/v1/risk-hits").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("minefield"));
        given().queryParam("from", "yesterday").get("/api/v1/risk-hits").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .get("/api/v1/risk-hits").then().statusCode(400).body("violations[0].field", equalTo("to"));
        given().queryParam("complaintId", "nope").get("/api/v1/risk-hits").then().statusCode(400)
                .body("violations[0].field", equalTo("complaintId"));
        given().queryParam("size", 0).get("/api/v1/risk-hits").then().statusCode(400);
    }
}
