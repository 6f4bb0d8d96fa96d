package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static io.tousu.quality.SamplingFlowTest.WAIT;
import static io.tousu.quality.SamplingFlowTest.agent;
import static io.tousu.quality.SamplingFlowTest.h;
import static io.tousu.quality.SamplingFlowTest.start;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

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

/** Roles and province isolation of risk rules, hits, audits and flags. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class RiskSecurityTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String GD_INSPECTOR = Tokens.of("qa-gd", "inspector", "GD");
    private static final String FJ_INSPECTOR = Tokens.of("qa-fj", "inspector", "FJ");
    private static final String GD_SUPERVISOR = Tokens.of("sup-gd", "supervisor", "GD");
    private static final String GD_AGENT = Tokens.of("agent-gd", "agent", "GD");
    private static final String GD_ADMIN = Tokens.of("admin-gd", "admin", "GD");
    private static final String NATIONAL = Tokens.mint("nat-1", List.of("national"), null, null, Duration.ofHours(1));
    private static final String AUDIT = """
            {"month":"2026-11","sampleSize":5,"seed":3}""";

    @BeforeEach
    void noDefaultToken() {
        DefaultTestToken.off();
    }

    @Test
    void withoutATokenEveryRiskResourceAnswers401() {
        String id = UUID.randomUUID().toString();
        given().get("/api/v1/risk-rules").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/risk-rules/" + id).then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(RiskRuleApiTest.rule("SEC_NONE", "PROCESS_ERROR",
                "[\"NoteAdded\"]", "{\"field\":\"text\",\"op\":\"exists\",\"value\":true}"))
                .post("/api/v1/risk-rules").then().statusCode(401).contentType(PROBLEM);
        given().post("/api/v1/risk-rules/" + id + "/disable").then().statusCode(401);
        given().get("/api/v1/risk-hits").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(AUDIT).post("/api/v1/audits").then().statusCode(401)
                .contentType(PROBLEM);
        given().get("/api/v1/audits/" + id).then().statusCode(401);
        given().get("/api/v1/flags").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void onlyAdministratorsWriteRulesAndOnlyQualityStaffReadRisk() {
        String body = RiskRuleApiTest.rule(RiskRuleApiTest.code("SEC"), "PROCESS_ERROR", "[\"NoteAdded\"]",
                "{\"field\":\"text\",\"op\":\"contains\",\"value\":\"secret\"}");
        given().auth().oauth2(GD_AGENT).get("/api/v1/risk-rules").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_INSPECTOR).get("/api/v1/risk-rules").then().statusCode(200);
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON).body(body).post("/api/v1/risk-rules").then()
                .statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_SUPERVISOR).contentType(ContentType.JSON).body(body).post("/api/v1/risk-rules")
                .then().statusCode(403);
        String id = given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/risk-rules").then().statusCode(201).body("updatedBy", equalTo("admin-gd"))
                .extract().path("id");
        given().auth().oauth2(GD_INSPECTOR).post("/api/v1/risk-rules/" + id + "/disable").then().statusCode(403);
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON).body(body)
                .put("/api/v1/risk-rules/" + id).then().statusCode(403);
        given().auth().oauth2(GD_ADMIN).post("/api/v1/risk-rules/" + id + "/disable").then().statusCode(200);

        given().auth().oauth2(GD_AGENT).get("/api/v1/risk-hits").then().statusCode(403);
        given().auth().oauth2(GD_ADMIN).get("/api/v1/risk-hits").then().statusCode(403);
        given().auth().oauth2(GD_AGENT).contentType(ContentType.JSON).body(AUDIT).post("/api/v1/audits").then()
                .statusCode(403);
        given().auth().oauth2(NATIONAL).contentType(ContentType.JSON).body(AUDIT).post("/api/v1/audits").then()
                .statusCode(403);
        given().auth().oauth2(GD_AGENT).get("/api/v1/flags").then().statusCode(403);
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/flags").then().statusCode(200)
                .body("province", equalTo("GD"));
    }

    @Test
    void anotherProvincesHitsAuditsAndFlagsCannotBeRead() {
        String fjAgent = agent("fjsec");
        Lifecycle fujian = new Lifecycle("FJ", start()).received("HOTLINE", "OTHER", false)
                .assigned(h(0), fjAgent, "team-fj").started(h(1)).note(h(2), fjAgent, "his number 13512345678");
        Broker.publish(fujian);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(FJ_INSPECTOR)
                .queryParam("complaintId", fujian.id.toString()).get("/api/v1/risk-hits").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].province", equalTo("FJ")));
        given().auth().oauth2(GD_INSPECTOR).queryParam("complaintId", fujian.id.toString()).get("/api/v1/risk-hits")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(GD_INSPECTOR).queryParam("province", "FJ").get("/api/v1/risk-hits").then()
                .statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_INSPECTOR).queryParam("size", 200).get("/api/v1/risk-hits").then().statusCode(200)
                .body("items.province", everyItem(equalTo("GD")));
        given().auth().oauth2(NATIONAL).queryParam("province", "FJ").queryParam("complaintId", fujian.id.toString())
                .get("/api/v1/risk-hits").then().statusCode(200).body("total", equalTo(1));

        String fjAudit = given().auth().oauth2(FJ_INSPECTOR).contentType(ContentType.JSON).body(AUDIT)
                .post("/api/v1/audits").then().statusCode(201).body("province", equalTo("FJ")).extract().path("id");
        given().auth().oauth2(GD_INSPECTOR).get("/api/v1/audits/" + fjAudit).then().statusCode(404)
                .contentType(PROBLEM).body("detail", equalTo("no audit " + fjAudit));
        given().auth().oauth2(FJ_INSPECTOR).get("/api/v1/audits/" + fjAudit).then().statusCode(200);
        given().auth().oauth2(NATIONAL).get("/api/v1/audits/" + fjAudit).then().statusCode(200);
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON).body("""
                {"province":"FJ","month":"2026-11","sampleSize":5}""").post("/api/v1/audits").then().statusCode(403);
        given().auth().oauth2(GD_INSPECTOR).queryParam("size", 200).get("/api/v1/audits").then().statusCode(200)
                .body("items.province", everyItem(equalTo("GD")));
        given().auth().oauth2(GD_INSPECTOR).queryParam("province", "FJ").get("/api/v1/audits").then()
                .statusCode(403);
        given().auth().oauth2(FJ_INSPECTOR).queryParam("size", 200).get("/api/v1/audits").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(fjAudit));

        given().auth().oauth2(GD_SUPERVISOR).queryParam("province", "FJ").get("/api/v1/flags").then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(NATIONAL).queryParam("province", "FJ").get("/api/v1/flags").then().statusCode(200)
                .body("province", equalTo("FJ"));
    }
}
