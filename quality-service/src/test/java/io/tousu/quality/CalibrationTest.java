package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static io.tousu.quality.SamplingFlowTest.WAIT;
import static io.tousu.quality.SamplingFlowTest.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Calibration: a second inspector scores the same complaint; the spread of their scores. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class CalibrationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aCalibrationInspectionIsScoredByAnotherInspectorAndTheSpreadShown() {
        String agent = agent("cal");
        Lifecycle c = AppealTest.resolvedBy(agent);
        try (QualityTopic quality = new QualityTopic(Broker.bootstrap())) {
            String id = AppealTest.scored(c, "qa-cal1");
            String path = "/api/v1/inspections/" + id + "/calibration";
            // the calibrating inspector is the caller, who must not be the one who scored it
            ScoringTest.as("qa-cal1").post(path).then().statusCode(409).contentType(PROBLEM);
            given().auth().oauth2(Tokens.of("sup-cal", "supervisor", "GD")).post(path).then().statusCode(403);
            String cal = ScoringTest.as("qa-cal2").post(path).then()
                    .statusCode(201).body("status", equalTo("CLAIMED")).body("calibrationOf", equalTo(id))
                    .body("inspectorId", equalTo("qa-cal2")).body("agentId", equalTo(agent)).extract().path("id");
            ScoringTest.as("qa-cal2").contentType(ContentType.JSON).body("{\"inspectorId\":\"qa-cal9\"}").post(path)
                    .then().statusCode(409);
            ScoringTest.as("qa-cal3").post("/api/v1/inspections/" + cal + "/calibration").then().statusCode(409);
            // the second inspector fails identity verification
            ScoringTest.as("qa-cal2").contentType(ContentType.JSON).body(ScoringTest.answers(false, ""))
                    .post("/api/v1/inspections/" + cal + "/score").then().statusCode(200)
                    .body("status", equalTo("SCORED"));
            // not the agent's: no appeal
            given().auth().oauth2(AppealTest.agentToken(agent)).contentType(ContentType.JSON)
                    .body("{\"reason\":\"x\"}").post("/api/v1/inspections/" + cal + "/appeals").then().statusCode(409);

            JsonPath view = given().queryParam("complaintId", c.id.toString())
                    .get("/api/v1/inspections/calibration").then().statusCode(200)
                    .body("inspections", hasSize(2))
                    .body("inspections.find { it.inspectionId == '" + cal + "' }.calibration", equalTo(true))
                    .body("inspections.find { it.inspectionId == '" + id + "' }.calibration", equalTo(false))
                    .body("spread.count", equalTo(2)).body("spread.standardDeviation", notNullValue())
                    .extract().jsonPath();
            float a = view.getFloat("inspections[0].score");
            float b = view.getFloat("inspections[1].score");
            assertThat(a).isNotEqualTo(b);
            assertThat(view.getFloat("spread.range")).isEqualTo(Math.abs(a - b));
            assertThat(view.getFloat("spread.standardDeviation")).isEqualTo(Math.abs(a - b) / 2);
            assertThat(view.getFloat("spread.max")).isEqualTo(Math.max(a, b));

            // only the sampled inspection published InspectionScored
            await().atMost(WAIT).untilAsserted(() -> assertThat(quality.types(c.id)).contains("InspectionScored"));
            assertThat(quality.types(c.id).stream().filter("InspectionScored"::equals)).hasSize(1);
        }
    }

    @Test
    void calibrationQueriesAreCheckedAndProvinceBound() {
        given().get("/api/v1/inspections/calibration").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("complaintId"));
        given().queryParam("complaintId", "nope").get("/api/v1/inspections/calibration").then().statusCode(400)
                .body("violations[0].field", equalTo("complaintId"));
        given().queryParam("complaintId", UUID.randomUUID().toString()).get("/api/v1/inspections/calibration")
                .then().statusCode(404).contentType(PROBLEM);
        Lifecycle c = AppealTest.resolvedBy(agent("calp"));
        AppealTest.sampled(c);
        given().queryParam("complaintId", c.id.toString()).queryParam("round", "x")
                .get("/api/v1/inspections/calibration").then().statusCode(400)
                .body("violations[0].field", equalTo("round"));
        given().queryParam("complaintId", c.id.toString()).get("/api/v1/inspections/calibration").then()
                .statusCode(200).body("inspections", hasSize(0)).body("spread.count", equalTo(0));
        given().auth().oauth2(Tokens.of("qa-fj", "inspector", "FJ")).queryParam("complaintId", c.id.toString())
                .get("/api/v1/inspections/calibration").then().statusCode(404);
        given().auth().oauth2(AppealTest.agentToken("a-cal")).queryParam("complaintId", c.id.toString())
                .get("/api/v1/inspections/calibration").then().statusCode(403);
    }
}
