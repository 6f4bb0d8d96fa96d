package io.tousu.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.testing.DefaultTestToken;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.TestEvents;
import io.tousu.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles and province isolation of the indicator, hot-spot and call-volume APIs. Zhejiang and Fujian,
 * which no other test of the module uses, so their figures stay apart.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ReportingSecurityTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CATEGORY = "SECURITY_TEST";

    private static final String ZJ_AGENT = Tokens.mint("agent-zj", List.of("agent"), "ZJ", "T1", Duration.ofHours(1));
    private static final String ZJ_SUPERVISOR = Tokens.of("sup-zj", "supervisor", "ZJ");
    private static final String ZJ_INSPECTOR = Tokens.of("qa-zj", "inspector", "ZJ");
    private static final String ZJ_CHANNEL = Tokens.of("zj-ivr", "channel", "ZJ");
    private static final String ZJ_ADMIN = Tokens.of("admin-zj", "admin", "ZJ");
    private static final String NO_PROVINCE_SUPERVISOR = Tokens.mint("sup-x", List.of("supervisor"), null, null,
            Duration.ofHours(1));
    private static final String NATIONAL = Tokens.mint("nat-1", List.of("national"), null, null, Duration.ofHours(1));

    @BeforeEach
    void noDefaultToken() {
        DefaultTestToken.off();
    }

    private static String callVolume(String province) {
        return """
                {"province":"%s","date":"2025-01-15","manualCalls":1000}""".formatted(province);
    }

    @Test
    void withoutATokenEveryResourceAnswers401() {
        given().get("/api/v1/indicators/counts").then().statusCode(401).contentType(PROBLEM);
        given().queryParam("province", "ZJ").queryParam("month", "2026-09").get("/api/v1/indicators/monthly").then()
                .statusCode(401).contentType(PROBLEM);
        given().queryParam("province", "ZJ").queryParam("from", "2026-09").get("/api/v1/indicators").then()
                .statusCode(401).contentType(PROBLEM);
        given().queryParam("province", "ZJ").queryParam("measure", "SUBSTANTIATED").queryParam("period", "2026-09")
                .get("/api/v1/indicators/complaints").then().statusCode(401).contentType(PROBLEM);
        given().queryParam("province", "ZJ").get("/api/v1/hotspots").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(callVolume("ZJ")).post("/api/v1/call-volumes").then()
                .statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not.a.token").get("/api/v1/indicators/counts").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void eachEndpointAllowsOnlyTheRolesThatNeedIt() {
        // counts: agents too; the channel front ends read nothing
        given().auth().oauth2(ZJ_AGENT).get("/api/v1/indicators/counts").then().statusCode(200);
        given().auth().oauth2(ZJ_CHANNEL).get("/api/v1/indicators/counts").then().statusCode(403)
                .contentType(PROBLEM);
        // the management reports: supervisors, inspectors, administrators, national
        given().auth().oauth2(ZJ_AGENT).queryParam("month", "2026-09").get("/api/v1/indicators/monthly").then()
                .statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(ZJ_AGENT).queryParam("from", "2026-09").get("/api/v1/indicators").then()
                .statusCode(403);
        given().auth().oauth2(ZJ_AGENT).queryParam("measure", "SUBSTANTIATED").queryParam("period", "2026-09")
                .get("/api/v1/indicators/complaints").then().statusCode(403);
        given().auth().oauth2(ZJ_AGENT).get("/api/v1/hotspots").then().statusCode(403);
        given().auth().oauth2(ZJ_INSPECTOR).queryParam("month", "2026-09").get("/api/v1/indicators/monthly").then()
                .statusCode(200).body("province", equalTo("ZJ"));
        given().auth().oauth2(ZJ_ADMIN).get("/api/v1/hotspots").then().statusCode(200);
        // call volumes: reported by channel feeds and administrators
        given().auth().oauth2(ZJ_SUPERVISOR).contentType(ContentType.JSON).body(callVolume("ZJ"))
                .post("/api/v1/call-volumes").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(ZJ_CHANNEL).contentType(ContentType.JSON).body(callVolume("ZJ"))
                .post("/api/v1/call-volumes").then().statusCode(200).body("manualCalls", equalTo(1000));
        given().auth().oauth2(ZJ_ADMIN).contentType(ContentType.JSON).body(callVolume("ZJ"))
                .post("/api/v1/call-volumes").then().statusCode(200);
    }

    @Test
    void anotherProvincesFiguresCannotBeReadNorWritten() {
        Instant at = Instant.parse("2026-09-10T04:00:00Z");
        try (EventPublisher events = new EventPublisher(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            events.publish(TestEvents.complaintReceived("ZJ", CATEGORY, "NORMAL", at));
            events.publish(TestEvents.complaintReceived("FJ", CATEGORY, "NORMAL", at));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(NATIONAL)
                .get("/api/v1/indicators/counts").then().statusCode(200)
                .body("findAll { it.category == '" + CATEGORY + "' }.province", hasItem("ZJ"))
                .body("findAll { it.category == '" + CATEGORY + "' }.province", hasItem("FJ")));

        // counts: the token's province only
        given().auth().oauth2(ZJ_AGENT).get("/api/v1/indicators/counts").then().statusCode(200)
                .body("province", everyItem(equalTo("ZJ")))
                .body("find { it.category == '" + CATEGORY + "' }.complaints", equalTo(1));
        given().auth().oauth2(ZJ_AGENT).queryParam("province", "FJ").get("/api/v1/indicators/counts").then()
                .statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(NO_PROVINCE_SUPERVISOR).get("/api/v1/indicators/counts").then().statusCode(403);

        // the reports: another province is refused, the own one is the default
        given().auth().oauth2(ZJ_SUPERVISOR).queryParam("province", "FJ").queryParam("month", "2026-09")
                .get("/api/v1/indicators/monthly").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(ZJ_SUPERVISOR).queryParam("province", "FJ").queryParam("month", "2026-09")
                .queryParam("format", "csv").get("/api/v1/indicators/monthly").then().statusCode(403);
        given().auth().oauth2(ZJ_SUPERVISOR).queryParam("province", "FJ").queryParam("from", "2026-09")
                .get("/api/v1/indicators").then().statusCode(403);
        given().auth().oauth2(ZJ_SUPERVISOR).queryParam("province", "FJ").queryParam("measure", "RECEIVED")
                .queryParam("period", "2026-09").get("/api/v1/indicators/complaints").then().statusCode(403);
        given().auth().oauth2(ZJ_SUPERVISOR).queryParam("province", "FJ").get("/api/v1/hotspots").then()
                .statusCode(403);
        given().auth().oauth2(ZJ_SUPERVISOR).queryParam("month", "2026-09").queryParam("format", "csv")
                .get("/api/v1/indicators/monthly").then().statusCode(200).contentType(startsWith("text/csv"));
        given().auth().oauth2(ZJ_SUPERVISOR).queryParam("province", "ZJ").queryParam("from", "2026-09")
                .queryParam("groupBy", "category").get("/api/v1/indicators").then().statusCode(200)
                .body("province", equalTo("ZJ"));

        // writes: a feed of one province reports no calls for another
        given().auth().oauth2(ZJ_CHANNEL).contentType(ContentType.JSON).body(callVolume("FJ"))
                .post("/api/v1/call-volumes").then().statusCode(403).contentType(PROBLEM);

        // national callers read every province, naming the one a report is for
        given().auth().oauth2(NATIONAL).queryParam("province", "FJ").get("/api/v1/indicators/counts").then()
                .statusCode(200).body("province", everyItem(equalTo("FJ")))
                .body("find { it.category == '" + CATEGORY + "' }.complaints", equalTo(1));
        given().auth().oauth2(NATIONAL).queryParam("province", "FJ").queryParam("month", "2026-09")
                .get("/api/v1/indicators/monthly").then().statusCode(200).body("province", equalTo("FJ"));
        given().auth().oauth2(NATIONAL).queryParam("province", "FJ").get("/api/v1/hotspots").then().statusCode(200);
        given().auth().oauth2(NATIONAL).queryParam("month", "2026-09").get("/api/v1/indicators/monthly").then()
                .statusCode(400).body("violations[0].field", equalTo("province"));
    }
}
