package io.tousu.escalation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.events.EventEnvelope;
import io.tousu.testing.DefaultTestToken;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.TestEvents;
import io.tousu.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roles and province isolation of the escalation, SLA policy and calendar APIs. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class EscalationSecurityTest {

    private static final String PROBLEM = "application/problem+json";

    private static final String GD_AGENT = Tokens.mint("A1", List.of("agent"), "GD", "T1", Duration.ofHours(1));
    private static final String GD_CHANNEL = Tokens.of("hotline-ivr", "channel", "GD");
    private static final String GD_SUPERVISOR = Tokens.of("S1", "supervisor", "GD");
    private static final String GD_ADMIN = Tokens.of("AD1", "admin", "GD");
    private static final String FJ_ADMIN = Tokens.of("AD2", "admin", "FJ");
    private static final String NO_PROVINCE_AGENT = Tokens.mint("A9", List.of("agent"), null, null,
            Duration.ofHours(1));
    private static final String NATIONAL = Tokens.mint("N1", List.of("national"), null, null, Duration.ofHours(1));
    private static final String NATIONAL_ADMIN = Tokens.mint("N2", List.of("admin", "national"), null, null,
            Duration.ofHours(1));

    private static final String CALENDAR = """
            {"name":"Security test","zone":"Asia/Shanghai","workStart":"08:30","workEnd":"17:30",
             "workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
             "holidays":["2026-10-01"],"makeUpWorkdays":[]}""";

    @Inject
    TestClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void noDefaultToken() {
        DefaultTestToken.off();
    }

    @Test
    void withoutATokenEveryResourceAnswers401() {
        given().get("/api/v1/escalations/" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/escalations/overdue").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/sla-policies").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(AdminApiTest.policy("GD", "SEC_X", "PT4H", "PT1H",
                AdminApiTest.CHAIN)).post("/api/v1/sla-policies").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/calendars/CN").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(CALENDAR).put("/api/v1/calendars/SEC").then().statusCode(401)
                .contentType(PROBLEM);
        given().auth().oauth2("not.a.token").get("/api/v1/escalations/overdue").then().statusCode(401);
        // health, metrics and the OpenAPI document stay public
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void eachEndpointAllowsOnlyTheRolesThatNeedIt() {
        // escalation reads: staff, not the channel front ends
        given().auth().oauth2(GD_CHANNEL).get("/api/v1/escalations/overdue").then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(GD_CHANNEL).get("/api/v1/escalations/" + UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(GD_AGENT).get("/api/v1/escalations/overdue").then().statusCode(200);
        given().auth().oauth2(GD_AGENT).get("/api/v1/escalations/at-risk").then().statusCode(200);
        // policies and calendars: supervisors read, administrators write
        given().auth().oauth2(GD_AGENT).get("/api/v1/sla-policies").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_AGENT).get("/api/v1/calendars").then().statusCode(403);
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/sla-policies").then().statusCode(200);
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/calendars/CN").then().statusCode(200);
        given().auth().oauth2(GD_SUPERVISOR).contentType(ContentType.JSON)
                .body(AdminApiTest.policy("GD", "SEC_X", "PT4H", "PT1H", AdminApiTest.CHAIN))
                .post("/api/v1/sla-policies").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_SUPERVISOR).contentType(ContentType.JSON).body(CALENDAR)
                .put("/api/v1/calendars/" + freshCalendarCode()).then().statusCode(403);
        given().auth().oauth2(NATIONAL).contentType(ContentType.JSON).body(CALENDAR)
                .put("/api/v1/calendars/" + freshCalendarCode()).then().statusCode(403);
    }

    @Test
    void anotherProvincesClocksCannotBeReadNorConfirmed() {
        EventEnvelope guangdong = TestEvents.complaintReceived("GD", "BILLING_DISPUTE", "NORMAL", clock.instant());
        EventEnvelope fujian = TestEvents.complaintReceived("FJ", "BILLING_DISPUTE", "NORMAL", clock.instant());
        try (EventPublisher events = new EventPublisher(bootstrap)) {
            events.publish(guangdong);
            events.publish(fujian);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(NATIONAL).get("/api/v1/escalations/" + guangdong.complaintId()).then()
                    .statusCode(200);
            given().auth().oauth2(NATIONAL).get("/api/v1/escalations/" + fujian.complaintId()).then()
                    .statusCode(200).body("province", equalTo("FJ"));
        });

        given().auth().oauth2(GD_AGENT).get("/api/v1/escalations/" + guangdong.complaintId()).then().statusCode(200)
                .body("province", equalTo("GD"));
        // another province's complaint looks exactly like one that does not exist
        given().auth().oauth2(GD_AGENT).get("/api/v1/escalations/" + fujian.complaintId()).then().statusCode(404)
                .contentType(PROBLEM).body("detail", equalTo("no clocks for complaint " + fujian.complaintId()));

        // lists: limited to the token's province; asking for another is refused
        given().auth().oauth2(GD_AGENT).queryParam("within", "P30D").queryParam("size", 200)
                .get("/api/v1/escalations/due-soon").then().statusCode(200)
                .body("items.province", everyItem(equalTo("GD")))
                .body("items.province", hasItem("GD"));
        given().auth().oauth2(GD_AGENT).queryParam("province", "FJ").get("/api/v1/escalations/due-soon").then()
                .statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_AGENT).queryParam("province", "FJ").get("/api/v1/escalations/overdue").then()
                .statusCode(403);
        given().auth().oauth2(GD_AGENT).queryParam("province", "FJ").get("/api/v1/escalations/at-risk").then()
                .statusCode(403);
        given().auth().oauth2(NO_PROVINCE_AGENT).get("/api/v1/escalations/overdue").then().statusCode(403);

        // national callers read every province
        given().auth().oauth2(NATIONAL).queryParam("province", "FJ").queryParam("within", "P30D")
                .queryParam("size", 200).get("/api/v1/escalations/due-soon").then().statusCode(200)
                .body("items.province", everyItem(equalTo("FJ")))
                .body("total", greaterThan(0));
        given().auth().oauth2(NATIONAL).queryParam("within", "P30D").queryParam("size", 200)
                .get("/api/v1/escalations/due-soon").then().statusCode(200)
                .body("items.province", hasItem("GD")).body("items.province", hasItem("FJ"));
    }

    @Test
    void administratorsManageOnlyTheirProvincesPolicies() {
        String gdPolicy = AdminApiTest.policy("GD", "SEC_GD", "PT4H", "PT1H", AdminApiTest.CHAIN);
        int gd = given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON).body(gdPolicy)
                .post("/api/v1/sla-policies").then().statusCode(201).extract().path("id");
        int fj = given().auth().oauth2(FJ_ADMIN).contentType(ContentType.JSON)
                .body(AdminApiTest.policy("FJ", "SEC_FJ", "PT4H", "PT1H", AdminApiTest.CHAIN))
                .post("/api/v1/sla-policies").then().statusCode(201).extract().path("id");

        // no policies for another province, nor for every province, from a provincial administrator
        given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON)
                .body(AdminApiTest.policy("FJ", "SEC_GD2", "PT4H", "PT1H", AdminApiTest.CHAIN))
                .post("/api/v1/sla-policies").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON)
                .body(AdminApiTest.policy("GD", "SEC_GD3", "PT4H", "PT1H", AdminApiTest.CHAIN)
                        .replace("\"province\":\"GD\",", ""))
                .post("/api/v1/sla-policies").then().statusCode(403);

        // another province's policy: 404 to read, audit or change; its own cannot be moved there
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/sla-policies/" + fj).then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/sla-policies/" + fj + "/audit").then().statusCode(404);
        given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON)
                .body(AdminApiTest.policy("GD", "SEC_FJ", "PT4H", "PT1H", AdminApiTest.CHAIN))
                .put("/api/v1/sla-policies/" + fj).then().statusCode(404);
        given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON)
                .body(AdminApiTest.policy("FJ", "SEC_GD", "PT4H", "PT1H", AdminApiTest.CHAIN))
                .put("/api/v1/sla-policies/" + gd).then().statusCode(403);
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/sla-policies").then().statusCode(200)
                .body("province", everyItem(anyOf(nullValue(), equalTo("GD"))))
                .body("id", hasItem(gd)).body("id", not(hasItem(fj)));

        // the policies for every province are read by all, changed by national administrators only
        int fallback = given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/sla-policies").then().statusCode(200)
                .extract().path("find { it.name == 'Default' }.id");
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/sla-policies/" + fallback).then().statusCode(200);
        given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON).body(gdPolicy.replace("SEC_GD", "SEC_GD4"))
                .put("/api/v1/sla-policies/" + fallback).then().statusCode(403);

        // their own: yes
        given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON).body(gdPolicy.replace("PT48H", "PT50H"))
                .put("/api/v1/sla-policies/" + gd).then().statusCode(200).body("resolution", equalTo("PT50H"));
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/sla-policies/" + gd + "/audit").then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "UPDATED")));

        // national reads everywhere
        given().auth().oauth2(NATIONAL).get("/api/v1/sla-policies/" + fj).then().statusCode(200)
                .body("province", equalTo("FJ"));
        given().auth().oauth2(NATIONAL).get("/api/v1/sla-policies").then().statusCode(200)
                .body("id", hasItem(gd)).body("id", hasItem(fj));
    }

    @Test
    void sharedCalendarsNeedANationalAdministrator() {
        String own = freshCalendarCode();
        given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON).body(CALENDAR).put("/api/v1/calendars/" + own)
                .then().statusCode(201);
        given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON).body(CALENDAR.replace("Security test", "Mine"))
                .put("/api/v1/calendars/" + own).then().statusCode(200).body("name", equalTo("Mine"));
        // CN counts the deadlines of the policies for every province
        given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON).body(CALENDAR).put("/api/v1/calendars/CN")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(GD_SUPERVISOR).get("/api/v1/calendars/CN").then().statusCode(200)
                .body("name", not(equalTo("Security test")));
        // a calendar another province's policy uses
        String fujians = freshCalendarCode();
        given().auth().oauth2(FJ_ADMIN).contentType(ContentType.JSON).body(CALENDAR)
                .put("/api/v1/calendars/" + fujians).then().statusCode(201);
        given().auth().oauth2(FJ_ADMIN).contentType(ContentType.JSON)
                .body(AdminApiTest.policy("FJ", "SEC_CAL", "PT4H", "PT1H", AdminApiTest.CHAIN)
                        .replace("\"ALWAYS\"", "\"BUSINESS_HOURS\",\"calendar\":\"" + fujians + "\""))
                .post("/api/v1/sla-policies").then().statusCode(201);
        given().auth().oauth2(GD_ADMIN).contentType(ContentType.JSON).body(CALENDAR)
                .put("/api/v1/calendars/" + fujians).then().statusCode(403);
        given().auth().oauth2(FJ_ADMIN).contentType(ContentType.JSON).body(CALENDAR)
                .put("/api/v1/calendars/" + fujians).then().statusCode(200);
        given().auth().oauth2(NATIONAL_ADMIN).contentType(ContentType.JSON).body(CALENDAR)
                .put("/api/v1/calendars/" + fujians).then().statusCode(200);
    }

    private static String freshCalendarCode() {
        return "SEC" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }
}
