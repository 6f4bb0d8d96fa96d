package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scorecard management: seeds, validation with reasons, versions, one per category, retiring. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ScorecardApiTest {

    static String card(String category, int w1, int w2) {
        return """
                {"name":"Network %s","category":"%s","passMark":75,"changedBy":"lead-1","items":[
                 {"code":"IDENTITY_VERIFIED","label":"identity verified","kind":"YES_NO","weight":%d,"critical":true},
                 {"code":"COVERAGE_CHECKED","label":"coverage map checked","kind":"POINTS","weight":%d,"maxPoints":4},
                 {"code":"PROMISE_KEPT","label":"promises kept","kind":"YES_NO","weight":20,"automatic":"PROMISE_KEPT"}]}
                """.formatted(category, category, w1, w2);
    }

    @Test
    void theSeededScorecardsHaveTheUsualChecklist() {
        given().get("/api/v1/scorecards").then().statusCode(200)
                .body("find { it.category == null }.items.code", hasItems("IDENTITY_VERIFIED", "SYSTEMS_QUERIED",
                        "CORRECT_CATEGORY", "SCRIPT_FOLLOWED", "PROMISE_KEPT", "NO_NEEDLESS_SWAP", "CORRECT_HAND_OFF",
                        "FIRST_RESPONSE_IN_TIME", "FOLLOW_UP_DONE"))
                .body("find { it.category == null }.items.find { it.code == 'NO_NEEDLESS_SWAP' }.critical",
                        equalTo(true))
                .body("category", hasItem("BILLING_DISPUTE"));
    }

    @Test
    void aScorecardIsAddedVersionedAndRetired() {
        String id = given().contentType(ContentType.JSON).body(card("NETWORK_QUALITY", 30, 50))
                .post("/api/v1/scorecards").then().statusCode(201)
                .header("Location", containsString("/api/v1/scorecards/"))
                .body("version", equalTo(1)).body("items", hasSize(3)).extract().path("id");
        given().contentType(ContentType.JSON).body(card("NETWORK_QUALITY", 40, 40)).post("/api/v1/scorecards")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(card("NETWORK_QUALITY", 40, 40)).put("/api/v1/scorecards/" + id)
                .then().statusCode(200).body("version", equalTo(2))
                .body("items.find { it.code == 'IDENTITY_VERIFIED' }.weight", equalTo(40));
        given().get("/api/v1/scorecards/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2))).body("current", equalTo(List.of(false, true)));
        given().queryParam("changedBy", "lead-1").delete("/api/v1/scorecards/" + id).then().statusCode(200)
                .body("active", equalTo(false)).body("version", equalTo(3));
        given().get("/api/v1/scorecards").then().body("id", org.hamcrest.Matchers.not(hasItem(id)));
        given().contentType(ContentType.JSON).body(card("NETWORK_QUALITY", 40, 40)).post("/api/v1/scorecards")
                .then().statusCode(201);
    }

    @Test
    void theDefaultScorecardStaysTheDefault() {
        String id = given().get("/api/v1/scorecards").then().extract().path("find { it.category == null }.id");
        given().queryParam("changedBy", "lead-1").delete("/api/v1/scorecards/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(card("BROADBAND_INSTALL", 30, 50)).put("/api/v1/scorecards/" + id)
                .then().statusCode(409).body("detail", containsString("default"));
    }

    @Test
    void invalidScorecardsAreRefusedWithTheReason() {
        refused(card("STAFF_ATTITUDE", 30, 40), "items", "weights must sum to 100, not 90");
        refused(card("STAFF_ATTITUDE", 30, 50).replace("\"maxPoints\":4", "\"maxPoints\":0"), "items[1].maxPoints",
                "from 1 to 100");
        refused(card("STAFF_ATTITUDE", 30, 50).replace("COVERAGE_CHECKED", "IDENTITY_VERIFIED"), "items[1].code",
                "earlier item");
        refused(card("STAFF_ATTITUDE", 30, 50).replace("\"passMark\":75", "\"passMark\":101"), "passMark", "0 to 100");
        refused(card("staff", 30, 50), "category", "category code");
        refused(card("STAFF_ATTITUDE", 30, 50).replace("\"kind\":\"POINTS\"", "\"kind\":\"STARS\""), "items[1].kind",
                "YES_NO, POINTS");
        refused(card("STAFF_ATTITUDE", 30, 50).replace("\"automatic\":\"PROMISE_KEPT\"", "\"automatic\":\"MOOD\""),
                "items[2].automatic", "PROMISE_KEPT");
        refused(card("STAFF_ATTITUDE", 30, 50).replace("\"passMark\":75", "\"passMark\":75,\"colour\":\"red\""),
                "colour", "unknown field");
        refused(card("STAFF_ATTITUDE", 30, 50).replace("\"changedBy\":\"lead-1\",", ""), "changedBy", "required");
        refused("{\"name\":\"x\",\"passMark\":50,\"changedBy\":\"a\",\"items\":[]}", "items", "1 to 50 items");
        given().contentType(ContentType.JSON).body("[").post("/api/v1/scorecards").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("changedBy", "lead 1").delete("/api/v1/scorecards/00000000-0000-0000-0000-0000000000d2")
                .then().statusCode(400).body("violations[0].field", equalTo("changedBy"));
        given().get("/api/v1/scorecards/00000000-0000-0000-0000-00000000dead").then().statusCode(404)
                .contentType("application/problem+json");
    }

    static void refused(String body, String field, String reason) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/scorecards").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body("violations.find { it.field == '" + field + "' }.message", containsString(reason));
    }
}
