package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static io.tousu.quality.SamplingFlowTest.WAIT;
import static io.tousu.quality.SamplingFlowTest.agent;
import static io.tousu.quality.SamplingFlowTest.h;
import static io.tousu.quality.SamplingFlowTest.start;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.testing.DefaultTestToken;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roles and province isolation of inspections, candidates, ticket errors, cases and scorecards. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class QualitySecurityTest {

    private static final String PROBLEM = "application/problem+json";

    private static final String GD_INSPECTOR = Tokens.of("qa-gd", "inspector", "GD");
    private static final String FJ_INSPECTOR = Tokens.of("qa-fj", "inspector", "FJ");
    private static final String GD_SUPERVISOR = Tokens.of("sup-gd", "supervisor", "GD");
    private static final String GD_AGENT = Tokens.mint("agent-gd", List.of("agent"), "GD", "T1", Duration.ofHours(1));
    private static final String GD_CHANNEL = Tokens.of("hotline-ivr", "channel", "GD");
    private static final String GD_ADMIN = Tokens.of("admin-gd", "admin", "GD");
    private static final String NO_PROVINCE_ADMIN = Tokens.mint("admin-x", List.of("admin"), null, null,
            Duration.ofHours(1));
    private static final String NATIONAL = Tokens.mint("nat-1", List.of("national"), null, null, Duration.ofHours(1));

    @BeforeEach
    void noDefaultToken() {
        DefaultTestToken.off();
    }

    /** Publishes a resolved regulator complaint (always sampled) and waits for its inspection. */
    private static String sampled(Lifecycle c) {
        Broker.publish(c);
        return await().atMost(WAIT).until(() -> given().auth().oauth2(NATIONAL)
                .get("/api/v1/inspection-candidates/" + c.id).then().extract().path("decisions[0].inspectionId"),
                id -> id != null);
    }

    private static Lifecycle resolvedRegulatorComplaint(String province) {
        String agent = agent("sec");
        return new Lifecycle(province, start()).received("REGULATOR", "OTHER", false)
                .assigned(h(1), agent, "team-sec").started(h(1)).resolved(h(5), agent, false, "NONE", null);
    }

    private static String finding(Lifecycle c, String recordedBy) {
        return """
                {"complaintId":"%s","errorType":"WRONG_HANDLING","description":"security test finding",
                 "recordedBy":"%s"}""".formatted(c.id, recordedBy);
    }

    @Test
    void withoutATokenEveryResourceAnswers401() {
        String id = UUID.randomUUID().toString();
        given().get("/api/v1/inspections").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/inspections/" + id).then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"inspectorId\":\"qa-1\"}")
                .post("/api/v1/inspections/" + id + "/claim").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/inspection-candidates/" + id).then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/ticket-errors").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/cases").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/scorecards").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(ScorecardApiTest.card("SEC_NONE", 30, 50))
                .post("/api/v1/scorecards").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not.a.token").get("/api/v1/cases").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void eachEndpointAllowsOnlyTheRolesThatNeedIt() {
        String id = UUID.randomUUID().toString();
        // the inspectors' queue: inspectors work it, supervisors read it
        given().auth().oauth2(GD_AGENT).get("/api/v1/inspections").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/inspections").then().statusCode(200);
        given().auth().oauth2(GD_SUPERVISOR).contentType(ContentType.JSON).body("{\"inspectorId\":\"sup-gd\"}")
                .post("/api/v1/inspections/" + id + "/claim").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_SUPERVISOR).contentType(ContentType.JSON)
                .body(ScoringTest.answers(true, "")).post("/api/v1/inspections/" + id + "/score").then()
                .statusCode(403);
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON).body("{\"inspectorId\":\"qa-gd\"}")
                .post("/api/v1/inspections/" + id + "/claim").then().statusCode(404);
        // ticket errors: inspectors record them, supervisors read them
        given().auth().oauth2(GD_AGENT).get("/api/v1/ticket-errors").then().statusCode(403);
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/ticket-errors").then().statusCode(200);
        given().auth().oauth2(GD_SUPERVISOR).contentType(ContentType.JSON)
                .body(finding(resolvedRegulatorComplaint("GD"), "sup-gd")).post("/api/v1/ticket-errors").then()
                .statusCode(403);
        // cases: every staff role learns from them; inspectors and supervisors publish them
        given().auth().oauth2(GD_AGENT).get("/api/v1/cases").then().statusCode(200);
        given().auth().oauth2(GD_CHANNEL).get("/api/v1/cases").then().statusCode(403);
        given().auth().oauth2(GD_AGENT).contentType(ContentType.JSON).body("""
                {"errorId":"%s","title":"t","lesson":"l","publishedBy":"agent-gd"}""".formatted(id))
                .post("/api/v1/cases").then().statusCode(403);
        // candidates
        given().auth().oauth2(GD_AGENT).get("/api/v1/inspection-candidates/" + id).then().statusCode(403);
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/inspection-candidates/" + id).then().statusCode(404);
        // scorecards: read by quality staff, written by administrators
        given().auth().oauth2(GD_AGENT).get("/api/v1/scorecards").then().statusCode(403);
        given().auth().oauth2(GD_INSPECTOR).get("/api/v1/scorecards").then().statusCode(200);
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON)
                .body(ScorecardApiTest.card("SEC_INSPECTOR", 30, 50)).post("/api/v1/scorecards").then()
                .statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_SUPERVISOR).queryParam("changedBy", "sup-gd").delete("/api/v1/scorecards/" + id)
                .then().statusCode(403);
        given().auth().oauth2(NO_PROVINCE_ADMIN).contentType(ContentType.JSON)
                .body(ScorecardApiTest.card("SEC_NOPROV", 30, 50)).post("/api/v1/scorecards").then().statusCode(403);
        String card = given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON)
                .body(ScorecardApiTest.card("SEC_ADMIN", 30, 50)).post("/api/v1/scorecards").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(GD_ADMIN).queryParam("changedBy", "admin-gd").delete("/api/v1/scorecards/" + card)
                .then().statusCode(200);
    }

    @Test
    void anotherProvincesInspectionsAndErrorsCannotBeReadNorTouched() {
        Lifecycle guangdong = resolvedRegulatorComplaint("GD");
        Lifecycle fujian = resolvedRegulatorComplaint("FJ");
        String gdInspection = sampled(guangdong);
        String fjInspection = sampled(fujian);

        // by id: another province's inspection or candidate looks like one that does not exist
        given().auth().oauth2(GD_INSPECTOR).get("/api/v1/inspections/" + fjInspection).then().statusCode(404)
                .contentType(PROBLEM).body("detail", equalTo("no inspection " + fjInspection));
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON).body("{\"inspectorId\":\"qa-gd\"}")
                .post("/api/v1/inspections/" + fjInspection + "/claim").then().statusCode(404);
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON)
                .body(ScoringTest.answers(true, "")).post("/api/v1/inspections/" + fjInspection + "/score")
                .then().statusCode(404);
        given().auth().oauth2(GD_INSPECTOR).get("/api/v1/inspection-candidates/" + fujian.id).then()
                .statusCode(404).body("detail", equalTo("no events of complaint " + fujian.id));

        // the queue: the token's province only
        given().auth().oauth2(GD_INSPECTOR).queryParam("province", "FJ").get("/api/v1/inspections").then()
                .statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_INSPECTOR).queryParam("size", 200).get("/api/v1/inspections").then()
                .statusCode(200).body("items.province", everyItem(equalTo("GD")))
                .body("items.id", hasItem(gdInspection));

        // the own province's inspection: claimed and scored
        given().auth().oauth2(GD_INSPECTOR).get("/api/v1/inspections/" + gdInspection).then().statusCode(200);
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON).body("{\"inspectorId\":\"qa-gd\"}")
                .post("/api/v1/inspections/" + gdInspection + "/claim").then().statusCode(200)
                .body("status", equalTo("CLAIMED"));
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON)
                .body(ScoringTest.answers(true, "")).post("/api/v1/inspections/" + gdInspection + "/score")
                .then().statusCode(200).body("status", equalTo("SCORED"));

        // ticket errors: another province's complaint is refused exactly like an unknown one
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON).body(finding(fujian, "qa-gd"))
                .post("/api/v1/ticket-errors").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("complaintId"))
                .body("detail", equalTo("complaintId: quality has no event of complaint " + fujian.id));
        String fjError = given().auth().oauth2(FJ_INSPECTOR).contentType(ContentType.JSON)
                .body(finding(fujian, "qa-fj")).post("/api/v1/ticket-errors").then().statusCode(201)
                .body("province", equalTo("FJ")).extract().path("id");
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON).body(finding(guangdong, "qa-gd"))
                .post("/api/v1/ticket-errors").then().statusCode(201);
        given().auth().oauth2(GD_SUPERVISOR).queryParam("complaintId", fujian.id.toString())
                .get("/api/v1/ticket-errors").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(GD_SUPERVISOR).queryParam("province", "FJ").get("/api/v1/ticket-errors").then()
                .statusCode(403);
        given().auth().oauth2(GD_SUPERVISOR).queryParam("size", 200).get("/api/v1/ticket-errors").then()
                .statusCode(200).body("items.province", everyItem(equalTo("GD")));

        // cases: published from the own province's errors, read within the province
        String title = "Security case " + fujian.id;
        String caseBody = """
                {"errorId":"%s","title":"%s","lesson":"Check twice.","publishedBy":"%s"}""";
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON)
                .body(caseBody.formatted(fjError, title, "qa-gd")).post("/api/v1/cases").then().statusCode(400)
                .body("violations[0].field", equalTo("errorId"));
        given().auth().oauth2(FJ_INSPECTOR).contentType(ContentType.JSON)
                .body(caseBody.formatted(fjError, title, "qa-fj")).post("/api/v1/cases").then().statusCode(201);
        given().auth().oauth2(GD_AGENT).queryParam("size", 200).get("/api/v1/cases").then().statusCode(200)
                .body("items.title", not(hasItem(title)));
        given().auth().oauth2(GD_AGENT).queryParam("province", "FJ").get("/api/v1/cases").then().statusCode(403);

        // national callers read every province
        given().auth().oauth2(NATIONAL).get("/api/v1/inspections/" + fjInspection).then().statusCode(200)
                .body("province", equalTo("FJ"));
        given().auth().oauth2(NATIONAL).get("/api/v1/inspection-candidates/" + fujian.id).then().statusCode(200);
        given().auth().oauth2(NATIONAL).queryParam("province", "FJ").queryParam("size", 200)
                .get("/api/v1/inspections").then().statusCode(200)
                .body("items.province", everyItem(equalTo("FJ"))).body("items.id", hasItem(fjInspection));
        given().auth().oauth2(NATIONAL).queryParam("complaintId", fujian.id.toString()).get("/api/v1/ticket-errors")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(NATIONAL).queryParam("province", "FJ").queryParam("size", 200).get("/api/v1/cases")
                .then().statusCode(200).body("items.title", hasItem(title));
    }
}
