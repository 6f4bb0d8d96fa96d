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
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.events.quality.AppealDecided;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.Tokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Appeals (复核): only the inspected agent, within the window; another inspector decides; AppealDecided. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class AppealTest {

    private static final String PROBLEM = "application/problem+json";
    static final Duration COLD_START = Duration.ofSeconds(120);

    static String agentToken(String agent) {
        return Tokens.mint(agent, List.of("agent"), "GD", "team-ap", Duration.ofHours(1));
    }

    /**
     * Publishes the complaint and waits for its inspection, longer than {@code WAIT}: a class that runs first
     * on a cold, busy machine also waits for the consumers to join their group.
     */
    static String sampled(Lifecycle c) {
        Broker.publish(c);
        return await().atMost(COLD_START).until(() -> given().get("/api/v1/inspection-candidates/" + c.id).then()
                .extract().path("decisions[0].inspectionId"), id -> id != null);
    }

    /** A sampled complaint of the agent, claimed and scored by the inspector; returns the inspection id. */
    static String scored(Lifecycle c, String inspector) {
        String id = sampled(c);
        ScoringTest.as(inspector).post("/api/v1/inspections/" + id + "/claim").then().statusCode(200);
        ScoringTest.as(inspector).contentType(ContentType.JSON).body(ScoringTest.answers(true, ""))
                .post("/api/v1/inspections/" + id + "/score").then().statusCode(200);
        return id;
    }

    static Lifecycle resolvedBy(String agent) {
        return new Lifecycle("GD", start()).received("REGULATOR", "OTHER", false)
                .assigned(h(1), agent, "team-ap").started(h(1)).resolved(h(5), agent, false, "NONE", null);
    }

    private static String appeal(String reason) {
        return "{\"reason\":\"" + reason + "\"}";
    }

    @Test
    void theAgentAppealsAndAnotherInspectorUpholdsItPublishingAppealDecided() {
        String agent = agent("ap");
        Lifecycle c = resolvedBy(agent);
        String id = scored(c, "qa-ap1");
        float score = given().get("/api/v1/inspections/" + id).then().extract().path("score");
        String path = "/api/v1/inspections/" + id + "/appeals";

        // only the inspected agent, with a reason
        given().auth().oauth2(agentToken(agent("other"))).contentType(ContentType.JSON).body(appeal("not me"))
                .post(path).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("qa-ap2", "inspector", "GD")).contentType(ContentType.JSON)
                .body(appeal("x")).post(path).then().statusCode(403);
        given().auth().oauth2(agentToken(agent)).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .post(path).then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("reason"));
        String appealId = given().auth().oauth2(agentToken(agent)).contentType(ContentType.JSON)
                .body(appeal("I did verify the identity")).post(path).then().statusCode(201)
                .body("status", equalTo("OPEN")).body("agentId", equalTo(agent))
                .body("originalScore", equalTo(score)).extract().path("id");
        given().auth().oauth2(agentToken(agent)).contentType(ContentType.JSON).body(appeal("again")).post(path)
                .then().statusCode(409).contentType(PROBLEM);
        given().get("/api/v1/inspections/" + id).then().body("status", equalTo("APPEALED"));

        // the list: inspectors and supervisors
        given().auth().oauth2(Tokens.of("qa-ap2", "inspector", "GD")).queryParam("status", "OPEN").queryParam("size", 200)
                .get("/api/v1/appeals").then().statusCode(200).body("items.id", hasItem(appealId));
        given().auth().oauth2(Tokens.of("sup-ap", "supervisor", "GD")).queryParam("size", 200)
                .get("/api/v1/appeals").then().statusCode(200).body("items.id", hasItem(appealId));
        given().auth().oauth2(Tokens.of("qa-fj", "inspector", "FJ")).queryParam("size", 200)
                .get("/api/v1/appeals").then().statusCode(200).body("items.id", not(hasItem(appealId)));
        given().auth().oauth2(agentToken(agent)).get("/api/v1/appeals").then().statusCode(403);
        given().queryParam("status", "MAYBE").get("/api/v1/appeals").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("status"));

        String decision = "/api/v1/appeals/" + appealId + "/decision";
        // the inspector who scored it may not decide
        given().auth().oauth2(Tokens.of("qa-ap1", "inspector", "GD")).contentType(ContentType.JSON)
                .body("{\"upheld\":true,\"finalScore\":95,\"reason\":\"mine\"}").post(decision).then()
                .statusCode(403).contentType(PROBLEM).body("detail", containsString("another inspector"));
        given().auth().oauth2(Tokens.of("qa-fj", "inspector", "FJ")).contentType(ContentType.JSON)
                .body("{\"upheld\":true,\"finalScore\":95,\"reason\":\"x\"}").post(decision).then().statusCode(404);
        String second = Tokens.of("qa-ap2", "inspector", "GD");
        given().auth().oauth2(second).contentType(ContentType.JSON).body("{\"upheld\":true,\"reason\":\"ok\"}")
                .post(decision).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("finalScore"));
        given().auth().oauth2(second).contentType(ContentType.JSON)
                .body("{\"upheld\":true,\"finalScore\":1000,\"reason\":\"ok\"}").post(decision).then().statusCode(400)
                .body("violations[0].field", equalTo("finalScore"));
        given().auth().oauth2(second).contentType(ContentType.JSON).body("{\"upheld\":true,\"reason\":\"ok\",\"x\":1}")
                .post(decision).then().statusCode(400).contentType(PROBLEM);
        given().get("/api/v1/appeals/" + appealId).then().body("status", equalTo("OPEN"));

        try (QualityTopic quality = new QualityTopic(Broker.bootstrap())) {
            given().auth().oauth2(second).contentType(ContentType.JSON)
                    .body("{\"upheld\":true,\"finalScore\":95,\"reason\":\"recording shows the check\"}")
                    .post(decision).then().statusCode(200).body("status", equalTo("UPHELD"))
                    .body("decidedBy", equalTo("qa-ap2")).body("finalScore.toFloat()", equalTo(95.0f))
                    .body("upheld", equalTo(true));
            await().atMost(WAIT).untilAsserted(() -> {
                AppealDecided d = quality.last(c.id, "AppealDecided").payloadAs(AppealDecided.class);
                assertThat(d.appealId()).isEqualTo(appealId);
                assertThat(d.inspectionId()).isEqualTo(id);
                assertThat(d.decidedBy()).isEqualTo("qa-ap2");
                assertThat(d.upheld()).isTrue();
                assertThat(d.originalScore().floatValue()).isEqualTo(score);
                assertThat(d.finalScore()).isEqualByComparingTo("95");
                assertThat(d.reason()).isEqualTo("recording shows the check");
            });
        }
        given().get("/api/v1/inspections/" + id).then().body("status", equalTo("REVIEWED"))
                .body("finalScore", equalTo(95.0f)).body("score", equalTo(score));
        given().auth().oauth2(Tokens.of("qa-ap3", "inspector", "GD")).contentType(ContentType.JSON)
                .body("{\"upheld\":false,\"reason\":\"again\"}").post(decision).then().statusCode(409)
                .contentType(PROBLEM);
        given().queryParam("status", "UPHELD").queryParam("size", 200).get("/api/v1/appeals").then()
                .body("items.id", hasItem(appealId));
    }

    @Test
    void anAppealAfterTheWindowIsRefusedAndOneNotUpheldKeepsTheScore() {
        String agent = agent("apw");
        String late = scored(resolvedBy(agent), "qa-ap1");
        MovableClock.movedBy(Duration.ofDays(7).plusMinutes(1), () -> given().auth().oauth2(agentToken(agent))
                .contentType(ContentType.JSON).body(appeal("too late")).post("/api/v1/inspections/" + late + "/appeals")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://tousu.io/problems/appeal-window-closed"))
                .body("detail", containsString("PT168H")));
        given().get("/api/v1/inspections/" + late).then().body("status", equalTo("SCORED"));

        // within the window (6 days on) it is accepted; not upheld, the original score stands
        String appealId = MovableClock.later(Duration.ofDays(6), () -> given().auth().oauth2(agentToken(agent))
                .contentType(ContentType.JSON).body(appeal("in time")).post("/api/v1/inspections/" + late + "/appeals")
                .then().statusCode(201).extract().path("id"));
        float score = given().get("/api/v1/inspections/" + late).then().extract().path("score");
        given().auth().oauth2(Tokens.of("qa-ap2", "inspector", "GD")).contentType(ContentType.JSON)
                .body("{\"upheld\":false,\"finalScore\":1,\"reason\":\"x\"}").post("/api/v1/appeals/" + appealId
                        + "/decision").then().statusCode(400).body("violations[0].field", equalTo("finalScore"));
        given().auth().oauth2(Tokens.of("qa-ap2", "inspector", "GD")).contentType(ContentType.JSON)
                .body("{\"upheld\":false,\"reason\":\"the recording shows no check\"}")
                .post("/api/v1/appeals/" + appealId + "/decision").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("finalScore", equalTo(score));
        given().get("/api/v1/inspections/" + late).then().body("finalScore", equalTo(score))
                .body("status", equalTo("REVIEWED"));
    }

    @Test
    void unknownIdsAndWrongStatusesAreProblems() {
        String unknown = java.util.UUID.randomUUID().toString();
        given().auth().oauth2(agentToken("a-x")).contentType(ContentType.JSON).body(appeal("x"))
                .post("/api/v1/inspections/" + unknown + "/appeals").then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"upheld\":false,\"reason\":\"x\"}")
                .post("/api/v1/appeals/" + unknown + "/decision").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/appeals/" + unknown).then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post("/api/v1/appeals/" + unknown
                + "/decision").then().statusCode(400).body("violations[0].field", equalTo("upheld"));
        // a pending inspection cannot be appealed yet
        String agent = agent("app");
        String pending = sampled(resolvedBy(agent));
        given().auth().oauth2(agentToken(agent)).contentType(ContentType.JSON).body(appeal("early"))
                .post("/api/v1/inspections/" + pending + "/appeals").then().statusCode(409).contentType(PROBLEM);
    }
}
