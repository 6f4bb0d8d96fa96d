package io.tousu.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.testing.DefaultTestToken;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.Tokens;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * SMART targets of Guangxi (GX), which has no complaints in any test: its complaint volume this
 * month is 0 and its rates are undefined.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class TargetTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static String target(String province, String indicator, String baseline, LocalDate baselineDate,
            String target, LocalDate deadline) {
        return """
                {"province":"%s","indicator":"%s","baseline":%s,"baselineDate":"%s","targetValue":%s,\
                "deadline":"%s","description":"test <target>"}""".formatted(province, indicator, baseline,
                baselineDate, target, deadline);
    }

    private static String post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/targets").then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    @Test
    void crudWithStatusFromTheCurrentFigure() {
        // volume 100 -> 50 over 20 days, half-way: the line expects 75, the month so far has 0
        String volume = post(target("GX", "complaint_volume", "100", TODAY.minusDays(10), "50", TODAY.plusDays(10)));
        given().get("/api/v1/targets/" + volume).then().statusCode(200)
                .body("indicator", equalTo("COMPLAINT_VOLUME")).body("current", equalTo(0))
                .body("expected", equalTo(75.0f)).body("status", equalTo("ON_TRACK"))
                .body("currentMonth", equalTo(TODAY.toString().substring(0, 7)))
                .body("description", equalTo("test <target>"));
        // a rate without data this month: at risk
        String repeat = post(target("GX", "REPEAT_COMPLAINT_RATE", "5", TODAY.minusDays(10), "3",
                TODAY.plusDays(10)));
        given().get("/api/v1/targets/" + repeat).then().statusCode(200).body("current", equalTo(null))
                .body("status", equalTo("AT_RISK"));
        given().queryParam("province", "GX").get("/api/v1/targets").then().statusCode(200)
                .body("id", hasItem(volume)).body("id", hasItem(repeat));

        // raise the bar above the figure after the deadline: missed
        given().contentType(ContentType.JSON).body(target("GX", "SUBSTANTIATED_STAFF_COMPLAINTS", "10",
                TODAY.minusDays(40), "-1", TODAY.minusDays(1))).put("/api/v1/targets/" + volume).then().statusCode(200)
                .body("indicator", equalTo("SUBSTANTIATED_STAFF_COMPLAINTS")).body("status", equalTo("MISSED"));

        given().delete("/api/v1/targets/" + repeat).then().statusCode(204);
        given().get("/api/v1/targets/" + repeat).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("province", "GX").get("/api/v1/targets").then().statusCode(200)
                .body("id", not(hasItem(repeat)));
    }

    @Test
    void badTargetsAreProblems() {
        problem(target("GX", "HAPPINESS", "5", TODAY, "3", TODAY.plusDays(30)), "indicator");
        problem(target("GX", "REPEAT_COMPLAINT_RATE", "5", TODAY, "3", TODAY), "deadline");
        problem("""
                {"province":"GX","indicator":"REPEAT_COMPLAINT_RATE","targetValue":3,"deadline":"2027-01-01"}""",
                "baseline");
        given().get("/api/v1/targets/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void onlyAdministratorsSetTargetsOfTheirOwnProvince() {
        String id = post(target("GX", "COMPLAINT_VOLUME", "100", TODAY.minusDays(1), "50", TODAY.plusDays(30)));
        DefaultTestToken.off();
        String body = target("GX", "COMPLAINT_VOLUME", "100", TODAY.minusDays(1), "50", TODAY.plusDays(30));
        given().auth().oauth2(Tokens.of("sup-gx", "supervisor", "GX")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/targets").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin-zj", "admin", "ZJ")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/targets").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin-zj", "admin", "ZJ")).get("/api/v1/targets/" + id).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.of("sup-gx", "supervisor", "GX")).get("/api/v1/targets/" + id).then()
                .statusCode(200).body("province", equalTo("GX"));
        given().auth().oauth2(Tokens.of("admin-gx", "admin", "GX")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/targets").then().statusCode(201);
    }

    private static void problem(String body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/targets").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo(field));
    }
}
