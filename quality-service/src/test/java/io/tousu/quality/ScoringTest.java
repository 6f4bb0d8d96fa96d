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
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tousu.events.quality.InspectionScored;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.Tokens;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Claiming and scoring: automatic items pre-filled, overrides with reasons, critical fails, InspectionScored. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ScoringTest {

    static final String DEFAULT_ANSWERS = """
            {"comment":"ok","items":[
             {"code":"IDENTITY_VERIFIED","passed":%s},{"code":"SYSTEMS_QUERIED","passed":true},
             {"code":"SCRIPT_FOLLOWED","points":4},{"code":"NO_NEEDLESS_SWAP","passed":true}%s]}""";

    /** Publishes the complaint and waits for its inspection; returns the inspection id. */
    static String sampled(Lifecycle c) {
        Broker.publish(c);
        return await().atMost(WAIT).until(() -> given().get("/api/v1/inspection-candidates/" + c.id).then()
                .extract().path("decisions[0].inspectionId"), id -> id != null);
    }

    static String answers(boolean identity, String extra) {
        return DEFAULT_ANSWERS.formatted(identity, extra);
    }

    /** A request as the inspector (in GD): claims, scores and calibrations are the caller's. */
    static RequestSpecification as(String inspector) {
        return given().auth().oauth2(Tokens.of(inspector, "inspector", "GD"));
    }

    @Test
    void theInspectorScoresWithTheHistoryPrefilledAndInspectionScoredIsPublished() {
        String agent = agent("sc");
        Lifecycle c = new Lifecycle("GD", start()).received("HOTLINE", "OTHER", false)
                .assigned(h(1), agent, "team-sc").started(h(1)).promise(h(1), "p1", agent, h(2))
                .broken(h(4), "p1", start().plus(h(3))).resolved(h(5), agent, false, "NONE", null);
        String id = sampled(c);
        given().get("/api/v1/inspections/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("scorecard.name", equalTo("Default complaint handling"))
                .body("automatic.PROMISE_KEPT.passed", equalTo(false))
                .body("automatic.FIRST_RESPONSE_IN_TIME.passed", equalTo(true))
                .body("automatic.FOLLOW_UP_DONE.passed", equalTo(false));

        as("qa-1").contentType(ContentType.JSON).body(answers(true, "")).post("/api/v1/inspections/" + id
                + "/score").then().statusCode(409).contentType("application/problem+json");
        as("qa-1").post("/api/v1/inspections/" + id
                + "/claim").then().statusCode(200).body("status", equalTo("CLAIMED"))
                .body("inspectorId", equalTo("qa-1"));
        as("qa-2").post("/api/v1/inspections/" + id
                + "/claim").then().statusCode(409).body("detail", containsString("qa-1"));

        // overriding the broken promise without a reason is refused, naming the item
        as("qa-1").contentType(ContentType.JSON).body(answers(true, ",{\"code\":\"PROMISE_KEPT\",\"passed\":true}"))
                .post("/api/v1/inspections/" + id + "/score").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("items[4].overrideReason"))
                .body("violations[0].message", containsString("broken"));

        try (QualityTopic quality = new QualityTopic(Broker.bootstrap())) {
            as("qa-1").contentType(ContentType.JSON).body(answers(true,
                    ",{\"code\":\"FOLLOW_UP_DONE\",\"passed\":true,\"overrideReason\":\"visit logged on paper\"}"))
                    .post("/api/v1/inspections/" + id + "/score").then().statusCode(200)
                    .body("status", equalTo("SCORED"))
                    // 10 + 15 + 10 (category kept) + 12 (4/5 of 15) + 0 (promise broken) + 10 + 10 + 10 + 5 = 82
                    .body("score", equalTo(82.0f))
                    .body("criticalFailed", equalTo(false))
                    .body("passed", equalTo(true))
                    .body("scorecardVersion", equalTo(1))
                    .body("items.find { it.code == 'PROMISE_KEPT' }.automatic", equalTo(true))
                    .body("items.find { it.code == 'FOLLOW_UP_DONE' }.overrideReason", equalTo("visit logged on paper"));
            await().atMost(WAIT).untilAsserted(() -> {
                InspectionScored s = quality.last(c.id, "InspectionScored").payloadAs(InspectionScored.class);
                assertThat(s.inspectionId()).isEqualTo(id);
                assertThat(s.inspectorId()).isEqualTo("qa-1");
                assertThat(s.agentId()).isEqualTo(agent);
                assertThat(s.score()).isEqualByComparingTo("82");
                assertThat(s.maxScore()).isEqualByComparingTo("100");
                assertThat(s.scorecardVersion()).isEqualTo(1);
            });
        }
        as("qa-1").contentType(ContentType.JSON).body(answers(true, "")).post("/api/v1/inspections/" + id
                + "/score").then().statusCode(409);
        given().queryParam("status", "SCORED").queryParam("inspectorId", "qa-1").get("/api/v1/inspections").then()
                .body("items.id", hasItem(id));
    }

    @Test
    void aCriticalFailScoresZeroAndABillingComplaintUsesItsOwnScorecard() {
        String agent = agent("bill");
        Lifecycle c = new Lifecycle("GD", start()).received("REGULATOR", "BILLING_DISPUTE", false)
                .resolved(h(2), agent, true, "STAFF", BigDecimal.TEN);
        String id = sampled(c);
        as("qa-3").post("/api/v1/inspections/" + id
                + "/claim").then().statusCode(200);
        given().get("/api/v1/inspections/" + id).then().body("scorecard.category", equalTo("BILLING_DISPUTE"));
        as("qa-3").contentType(ContentType.JSON).body("""
                {"items":[{"code":"IDENTITY_VERIFIED","passed":true},
                 {"code":"BILL_ITEMS_CHECKED","passed":false},{"code":"CHARGES_EXPLAINED","points":5},
                 {"code":"SCRIPT_FOLLOWED","points":5}]}""").post("/api/v1/inspections/" + id + "/score").then()
                .statusCode(200)
                .body("criticalFailed", equalTo(true))
                .body("score", equalTo(0.0f))
                .body("rawScore", equalTo(75.0f))
                .body("passed", equalTo(false));
    }

    @Test
    void badScoringInputIsAProblemNamingTheField() {
        String agent = agent("bad");
        String id = sampled(new Lifecycle("GD", start()).received("REGULATOR", "OTHER", false)
                .resolved(h(2), agent, false, "NONE", null));
        String path = "/api/v1/inspections/" + id;
        // the inspector is the caller: a body is not needed, and an inspectorId in one is ignored
        as("qa-4").post(path + "/claim").then().statusCode(200).body("inspectorId", equalTo("qa-4"));
        as("qa-4").contentType(ContentType.JSON).body("{\"inspectorId\":\"qa-9\"}").post(path + "/claim").then()
                .statusCode(200).body("inspectorId", equalTo("qa-4"));
        as("qa-9").contentType(ContentType.JSON).body(answers(true, "")).post(path + "/score").then()
                .statusCode(409);
        as("qa-4").contentType(ContentType.JSON).body("{\"items\":[{\"code\":\"IDENTITY_VERIFIED\","
                + "\"passed\":true},{\"code\":\"SCRIPT_FOLLOWED\",\"points\":9}]}").post(path + "/score").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("items[1].points"))
                .body("violations.find { it.field == 'items' }.message", containsString("SYSTEMS_QUERIED"));
        as("qa-4").contentType(ContentType.JSON).body("{\"items\":[{\"code\":\"X\",\"pased\":1}]}")
                .post(path + "/score").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("items[0].pased"));
        as("qa-4").contentType(ContentType.JSON).body("{\"items\":null}").post(path + "/score")
                .then().statusCode(400).body("violations[0].field", equalTo("items"));
        as("qa-4").contentType(ContentType.JSON).body("{\"items\":").post(path + "/score").then().statusCode(400)
                .contentType("application/problem+json");
        given().get(path).then().body("status", equalTo("CLAIMED"));
    }
}
