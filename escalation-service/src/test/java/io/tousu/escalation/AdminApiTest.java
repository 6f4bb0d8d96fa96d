package io.tousu.escalation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.events.EventEnvelope;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.TestEvents;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The policy and calendar admin API: seeds, validation with reasons, changes applied and audited. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class AdminApiTest {

    @Inject
    TestClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String policy(String province, String category, String firstResponse, String warnBefore,
            String chain) {
        return """
                {"name":"%s %s","province":"%s","category":"%s","firstResponse":"%s","nextUpdate":"PT8H",
                 "resolution":"PT48H","warnBefore":"%s","calendarMode":"ALWAYS","chain":%s}
                """.formatted(province, category, province, category, firstResponse, warnBefore, chain);
    }

    static final String CHAIN = """
            [{"level":"TEAM_LEAD","deadline":"PT2H"},{"level":"MANAGER","deadline":"PT4H"},{"level":"PROVINCE"}]""";

    @Test
    void seedsGiveRegulatorComplaintsTheTightestClockAndChinaItsGoldenWeek() {
        given().get("/api/v1/sla-policies").then().statusCode(200)
                .body("find { it.channel == 'REGULATOR' }.firstResponse", equalTo("PT30M"))
                .body("find { it.channel == 'REGULATOR' }.chain.level",
                        equalTo(List.of("TEAM_LEAD", "MANAGER", "CENTRE_DIRECTOR", "PROVINCE")))
                .body("find { it.name == 'Default' }.resolution", equalTo("PT72H"));
        given().get("/api/v1/calendars/CN").then().statusCode(200)
                .body("zone", equalTo("Asia/Shanghai"))
                .body("holidays", hasItems("2026-10-01", "2026-10-07"))
                .body("makeUpWorkdays", hasItems("2026-09-20", "2026-10-10"));
        given().get("/api/v1/calendars/XX").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void inconsistentPoliciesAreRefusedWithTheReason() {
        refused(policy("SX", "OTHER", "PT4H", "PT5H", CHAIN), "warnBefore", "not shorter than the shortest target");
        refused(policy("SX", "OTHER", "PT4H", "-PT1H", CHAIN), "warnBefore", "after the deadline");
        refused(policy("SX", "OTHER", "PT4H", "PT1H", "[]"), "chain", "at least one level");
        refused(policy("SX", "OTHER", "four hours", "PT1H", CHAIN), "firstResponse", "ISO-8601");
        refused(policy("SX", "OTHER", "PT4H", "PT1H",
                "[{\"level\":\"MANAGER\",\"deadline\":\"PT2H\"},{\"level\":\"TEAM_LEAD\"}]"), "chain[1].level",
                "up the ladder");
        refused(policy("SX", "OTHER", "PT4H", "PT1H", "[{\"level\":\"TEAM_LEAD\"},{\"level\":\"MANAGER\"}]"),
                "chain[0].deadline", "required");
        refused(policy("SX", "OTHER", "PT4H", "PT1H", CHAIN).replace("\"ALWAYS\"",
                "\"BUSINESS_HOURS\",\"calendar\":\"MARS\""), "calendar", "unknown calendar 'MARS'");
        refused(policy("sx", "OTHER", "PT4H", "PT1H", CHAIN), "province", "two-letter");
        given().contentType(ContentType.JSON).body(policy("SX", "OTHER", "PT4H", "PT1H", CHAIN)
                .replace("\"ALWAYS\"", "\"SOMETIMES\"")).post("/api/v1/sla-policies").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("calendarMode"));
        given().contentType(ContentType.JSON).body("{\"name\":").post("/api/v1/sla-policies").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aNewPolicyAppliesToNewComplaintsAndADuplicateIsAConflict() {
        given().contentType(ContentType.JSON).body(policy("SD", "STAFF_ATTITUDE", "PT10M", "PT2M", CHAIN))
                .post("/api/v1/sla-policies").then().statusCode(201)
                .header("Location", containsString("/api/v1/sla-policies/"))
                .body("firstResponse", equalTo("PT10M"));
        given().contentType(ContentType.JSON).body(policy("SD", "STAFF_ATTITUDE", "PT20M", "PT2M", CHAIN))
                .post("/api/v1/sla-policies").then().statusCode(409).contentType("application/problem+json");

        Instant now = clock.instant();
        EventEnvelope received = TestEvents.complaintReceived("SD", "STAFF_ATTITUDE", "NORMAL", now);
        try (EventPublisher events = new EventPublisher(bootstrap)) {
            events.publish(received);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/escalations/" + received.complaintId()).then().statusCode(200)
                        .body("clocks.find { it.clock == 'FIRST_RESPONSE' }.dueAt",
                                equalTo(now.plus(Duration.ofMinutes(10)).toString())));
    }

    @Test
    void changingAPolicyWithRecomputeMovesOpenClocksAndIsAudited() {
        int id = given().contentType(ContentType.JSON).body(policy("HB", "NETWORK_QUALITY", "PT1H", "PT10M", CHAIN))
                .post("/api/v1/sla-policies").then().statusCode(201).extract().path("id");
        Instant now = clock.instant();
        EventEnvelope received = TestEvents.complaintReceived("HB", "NETWORK_QUALITY", "NORMAL", now);
        try (EventPublisher events = new EventPublisher(bootstrap)) {
            events.publish(received);
        }
        String path = "/api/v1/escalations/" + received.complaintId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(path).then().statusCode(200));

        // resolution 48 h -> 60 h: the open resolution clock moves by 12 h; first response stays 1 h
        given().contentType(ContentType.JSON).queryParam("recompute", true)
                .body(policy("HB", "NETWORK_QUALITY", "PT1H", "PT10M", CHAIN).replace("PT48H", "PT60H"))
                .put("/api/v1/sla-policies/" + id).then().statusCode(200)
                .body("resolution", equalTo("PT60H"))
                .header("Tousu-Recomputed-Clocks", equalTo("2"));
        given().get(path).then().statusCode(200)
                .body("clocks.find { it.clock == 'RESOLUTION' }.dueAt",
                        equalTo(now.plus(Duration.ofHours(60)).toString()))
                .body("clocks.find { it.clock == 'FIRST_RESPONSE' }.dueAt",
                        equalTo(now.plus(Duration.ofHours(1)).toString()))
                .body("history.action", hasItem("RECOMPUTED"));
        given().get("/api/v1/sla-policies/" + id + "/audit").then().statusCode(200)
                .body("", hasSize(2))
                .body("action", equalTo(List.of("CREATED", "UPDATED")))
                .body("[1].recomputedClocks", equalTo(2))
                .body("[1].snapshot", containsString("resolution=PT60H"));
        given().contentType(ContentType.JSON).body(policy("HB", "NETWORK_QUALITY", "PT1H", "PT10M", CHAIN))
                .put("/api/v1/sla-policies/999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theLastCatchAllPolicyCannotBeNarrowed() {
        int id = given().get("/api/v1/sla-policies").then().statusCode(200).extract()
                .path("find { it.name == 'Default' }.id");
        given().contentType(ContentType.JSON).body(policy("GD", "OTHER", "PT4H", "PT1H", CHAIN))
                .put("/api/v1/sla-policies/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("without a selector"));
    }

    @Test
    void calendarsAreValidatedThenAddedAndReplaced() {
        String gd = """
                {"name":"Guangdong","zone":"Asia/Shanghai","workStart":"08:30","workEnd":"17:30",
                 "workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
                 "holidays":["2026-10-01","2026-10-02"],"makeUpWorkdays":["2026-10-10"]}""";
        given().contentType(ContentType.JSON).body(gd.replace("2026-10-10", "2026-10-13")).put("/api/v1/calendars/GD")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("makeUpWorkdays"))
                .body("violations[0].message", containsString("already a working day"));
        given().contentType(ContentType.JSON).body(gd.replace("Asia/Shanghai", "Mars/Olympus"))
                .put("/api/v1/calendars/GD").then().statusCode(400).body("violations[0].field", equalTo("zone"));
        given().contentType(ContentType.JSON).body(gd.replace("17:30", "08:00")).put("/api/v1/calendars/GD")
                .then().statusCode(400).body("violations[0].field", equalTo("workEnd"));
        given().contentType(ContentType.JSON).body(gd.replace("\"08:30\"", "\"half past eight\""))
                .put("/api/v1/calendars/GD").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(gd).put("/api/v1/calendars/gd!").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(gd).put("/api/v1/calendars/GD").then().statusCode(201)
                .body("makeUpWorkdays", equalTo(List.of("2026-10-10")));
        given().contentType(ContentType.JSON).body(gd.replace("Guangdong", "Guangdong 2026"))
                .put("/api/v1/calendars/GD").then().statusCode(200).body("name", equalTo("Guangdong 2026"));
    }

    @Test
    void theOpenApiDocumentDescribesTheAdminAndQueryApis() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/sla-policies/{id}"))
                .body(containsString("/api/v1/calendars/{code}"))
                .body(containsString("/api/v1/escalations/at-risk"));
    }

    static void refused(String body, String field, String reason) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/sla-policies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("violations.find { it.field == '" + field + "' }.message", containsString(reason));
    }
}
