package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The risk-rule library's administration: the seed, adding, changing, disabling, and refusing bad rules. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class RiskRuleApiTest {

    private static final String PROBLEM = "application/problem+json";

    static String rule(String code, String minefield, String eventTypes, String condition) {
        return """
                {"code":"%s","name":"rule %s","minefield":"%s","severity":"MEDIUM","description":"a test rule",
                 "eventTypes":%s,"condition":%s}""".formatted(code, code, minefield, eventTypes, condition);
    }

    static String code(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void theSeededLibraryHasAtLeastTwelveRulesInTheFourMinefields() {
        given().get("/api/v1/risk-rules").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(12))
                .body("minefield", hasItems("OPERATIONAL_VIOLATION", "INFORMATION_SECURITY", "SERVICE_RED_LINE",
                        "PROCESS_ERROR"))
                .body("code", hasItems("OV_COMPENSATION_ABOVE_AUTHORITY", "IS_FULL_PHONE_IN_NOTE",
                        "RL_FORCED_PRACTICE_SUBSTANTIATED", "PE_BACK_OFFICE_HAND_OFF_UNANSWERED",
                        "OV_SWAP_WITHOUT_SYSTEM_CHECK"));
        String id = given().queryParam("minefield", "SERVICE_RED_LINE").get("/api/v1/risk-rules").then()
                .statusCode(200).body("minefield", everyItem(equalTo("SERVICE_RED_LINE")))
                .extract().path("find { it.code == 'RL_FORCED_PRACTICE_SUBSTANTIATED' }.id");
        given().get("/api/v1/risk-rules/" + id).then().statusCode(200).body("version", equalTo(1))
                .body("severity", equalTo("CRITICAL")).body("eventTypes", hasItem("ComplaintResolved"))
                .body("condition.all[0].field", equalTo("substantiated"));
        given().get("/api/v1/risk-rules/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/risk-rules/" + id + "/versions").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].changedBy", equalTo("SEED")).body("[0].code", equalTo("RL_FORCED_PRACTICE_SUBSTANTIATED"));
        given().queryParam("minefield", "SWAMP").get("/api/v1/risk-rules").then().statusCode(400)
                .body("violations[0].field", equalTo("minefield"));
    }

    @Test
    void aRuleIsAddedChangedDisabledAndEnabledWithoutCode() {
        String code = code("URGED");
        String body = rule(code, "PROCESS_ERROR", "[\"ComplaintUrged\"]",
                "{\"field\":\"urgeCount\",\"op\":\"gte\",\"value\":3}");
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/risk-rules").then()
                .statusCode(201).header("Location", containsString("/api/v1/risk-rules/"))
                .body("code", equalTo(code)).body("version", equalTo(1)).body("enabled", equalTo(true))
                .body("condition.op", equalTo("gte")).body("updatedBy", equalTo("test-admin"))
                .extract().path("id");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/risk-rules").then().statusCode(409)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(rule(code, "PROCESS_ERROR", "[\"ComplaintUrged\"]",
                "{\"field\":\"urgeCount\",\"op\":\"gte\",\"value\":5}")).put("/api/v1/risk-rules/" + id).then()
                .statusCode(200).body("version", equalTo(2)).body("condition.value", equalTo(5));
        given().contentType(ContentType.JSON).body(rule(code + "X", "PROCESS_ERROR", "[\"ComplaintUrged\"]",
                "{\"field\":\"urgeCount\",\"op\":\"gte\",\"value\":5}")).put("/api/v1/risk-rules/" + id).then()
                .statusCode(400).body("violations[0].field", equalTo("code"));
        given().post("/api/v1/risk-rules/" + id + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        given().post("/api/v1/risk-rules/" + id + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        given().queryParam("enabled", "false").get("/api/v1/risk-rules").then().statusCode(200)
                .body("code", hasItem(code));
        given().queryParam("enabled", "true").get("/api/v1/risk-rules").then().statusCode(200)
                .body("code", not(hasItem(code)));
        given().post("/api/v1/risk-rules/" + id + "/enable").then().statusCode(200).body("enabled", equalTo(true))
                .body("version", equalTo(2));
        given().post("/api/v1/risk-rules/" + UUID.randomUUID() + "/disable").then().statusCode(404);
        // what each version said, for the version a hit records
        given().get("/api/v1/risk-rules/" + id + "/versions").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.contains(1, 2))
                .body("condition.value", org.hamcrest.Matchers.contains(3, 5))
                .body("changedBy", everyItem(equalTo("test-admin")));
        given().get("/api/v1/risk-rules/" + UUID.randomUUID() + "/versions").then().statusCode(404);
    }

    @Test
    void anInvalidRuleIsRefusedNamingTheMemberAndWhy() {
        invalid(rule(code("X"), "PROCESS_ERROR", "[\"NoteAdded\"]",
                "{\"field\":\"txt\",\"op\":\"regex\",\"value\":\"x\"}"), "condition.field", "unknown field 'txt'");
        invalid(rule(code("X"), "PROCESS_ERROR", "[\"NoteAdded\"]",
                "{\"field\":\"text\",\"op\":\"like\",\"value\":\"x\"}"), "condition.op", "unknown operator");
        invalid(rule(code("X"), "PROCESS_ERROR", "[\"NoteAdded\",\"NoteErased\"]",
                "{\"field\":\"text\",\"op\":\"exists\",\"value\":true}"), "eventTypes[1]", "unknown event type");
        invalid(rule(code("X"), "PROCESS_ERROR", "[\"NoteAdded\"]",
                "{\"all\":[{\"field\":\"text\",\"op\":\"exists\",\"value\":true},"
                        + "{\"field\":\"text\",\"op\":\"regex\",\"value\":\"([0-9\"}]}"),
                "condition.all[1].value", "not a valid regular expression");
        invalid(rule(code("X"), "MINE_SWEEPING", "[\"NoteAdded\"]",
                "{\"field\":\"text\",\"op\":\"exists\",\"value\":true}"), "minefield", "unknown minefield");
        invalid(rule(code("X"), "PROCESS_ERROR", "[\"ComplaintResolved\"]",
                "{\"field\":\"summary\",\"op\":\"gt\",\"value\":3}"), "condition.value", "compares numbers");
        invalid(rule(code("X"), "PROCESS_ERROR", "[\"ComplaintResolved\"]",
                "{\"history\":\"MOON_PHASE\"}"), "condition.history", "unknown history predicate");
        invalid(rule("lower case", "PROCESS_ERROR", "[\"NoteAdded\"]",
                "{\"field\":\"text\",\"op\":\"exists\",\"value\":true}"), "code", "upper-case");
        invalid(rule(code("X"), "PROCESS_ERROR", "[\"NoteAdded\"]", "null"), "condition", "is required");
        given().contentType(ContentType.JSON).body("{\"code\":\"ABC\",\"colour\":\"red\"}").post("/api/v1/risk-rules")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"code\":").post("/api/v1/risk-rules").then().statusCode(400)
                .contentType(PROBLEM);
        given().queryParam("enabled", "false").get("/api/v1/risk-rules").then().statusCode(200)
                .body("code", not(hasItem("lower case")));
    }

    private static void invalid(String body, String field, String reason) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/risk-rules").then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem(field))
                .body("violations.find { it.field == '" + field + "' }.message", containsString(reason));
    }
}
