package io.tousu.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.testing.DefaultTestToken;
import io.restassured.http.ContentType;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class IntakeSecurityTest {

    private static final String GD_CHANNEL = Tokens.of("hotline-ivr", "channel", "GD");
    private static final String FJ_CHANNEL = Tokens.of("fj-app", "channel", "FJ");
    private static final String GD_AGENT = Tokens.mint("A1", List.of("agent"), "GD", "T1", Duration.ofHours(1));
    private static final String GD_INSPECTOR = Tokens.of("Q1", "inspector", "GD");
    private static final String NATIONAL = Tokens.mint("N1", List.of("national"), null, null, Duration.ofHours(1));

    @BeforeEach
    void noDefaultToken() {
        DefaultTestToken.off();
    }

    private static String submit(String token, String province) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(IntakeApi.complaintJson("APP", IntakeApi.freshMsisdn(), "OTHER", "x").replace("\"GD\"",
                        "\"" + province + "\""))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        given().contentType(ContentType.JSON).body(IntakeApi.complaintJson("APP", "13900000001", "OTHER", "x"))
                .post("/api/v1/complaints").then().statusCode(401);
        given().get("/api/v1/complaints").then().statusCode(401);
        given().get("/api/v1/complaints/" + UUID.randomUUID()).then().statusCode(401);
        given().get("/api/v1/categories").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/api/v1/complaints").then().statusCode(401);
        // health, metrics and the customer's tracking page need none
        given().get("/q/health/ready").then().statusCode(200);
        given().queryParam("verification", "1234").get("/api/v1/track/GD20261122999999").then().statusCode(404);
    }

    @Test
    void aTokenIsVerifiedOnceForManyRequestsAndABadOneNeverPasses() {
        String token = Tokens.mint("A9", List.of("agent"), "GD", "T1", Duration.ofHours(1));
        double verified = tokenCount("verified");
        double hits = tokenCount("hit");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/categories").then().statusCode(200);
        }
        assertThat(tokenCount("verified") - verified).isEqualTo(1.0);
        assertThat(tokenCount("hit") - hits).isEqualTo(2.0);

        // one changed character of the signature of that same, recently verified token
        int inSignature = token.lastIndexOf('.') + 20;
        String tampered = token.substring(0, inSignature) + (token.charAt(inSignature) == 'A' ? 'B' : 'A')
                + token.substring(inSignature + 1);
        given().auth().oauth2(tampered).get("/api/v1/categories").then().statusCode(401);
        // expired beyond the clock skew, asked twice: refused both times, nothing kept
        String expired = Tokens.mint("A9", List.of("agent"), "GD", "T1", Duration.ofMinutes(-10));
        given().auth().oauth2(expired).get("/api/v1/categories").then().statusCode(401);
        given().auth().oauth2(expired).get("/api/v1/categories").then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/categories").then().statusCode(200);
        assertThat(tokenCount("hit") - hits).isEqualTo(3.0);
    }

    /** {@code tousu_jwt_tokens_total{outcome}} from /q/metrics. */
    private static double tokenCount(String outcome) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^tousu_jwt_tokens_total\\{outcome=\"" + outcome + "\"} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void eachEndpointAllowsOnlyTheRolesThatNeedIt() {
        given().auth().oauth2(GD_INSPECTOR).contentType(ContentType.JSON)
                .body(IntakeApi.complaintJson("APP", IntakeApi.freshMsisdn(), "OTHER", "x"))
                .post("/api/v1/complaints").then().statusCode(403);
        String id = submit(GD_CHANNEL, "GD");
        given().auth().oauth2(GD_CHANNEL).get("/api/v1/complaints/" + id).then().statusCode(403);
        given().auth().oauth2(GD_INSPECTOR).get("/api/v1/complaints/" + id).then().statusCode(200);
        given().auth().oauth2(GD_AGENT).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/complaints/" + id + "/approve").then().statusCode(403);
        given().auth().oauth2(GD_AGENT).contentType(ContentType.JSON).body("{\"nameZh\":\"x\",\"nameEn\":\"y\"}")
                .put("/api/v1/categories/HACKED").then().statusCode(403);
        given().auth().oauth2(GD_AGENT).get("/api/v1/categories").then().statusCode(200);
    }

    @Test
    void anotherProvincesComplaintsCannotBeReadChangedOrEvenConfirmed() {
        String fujian = submit(FJ_CHANNEL, "FJ");
        given().auth().oauth2(GD_AGENT).get("/api/v1/complaints/" + fujian).then().statusCode(404)
                .body("detail", equalTo("no complaint " + fujian));
        given().auth().oauth2(GD_AGENT).get("/api/v1/complaints/" + UUID.randomUUID()).then().statusCode(404);
        IntakeApi.act(fujian, "notes", GD_AGENT, "\"text\":\"peek\"").statusCode(404);
        given().auth().oauth2(GD_AGENT).queryParam("province", "FJ").get("/api/v1/complaints").then()
                .statusCode(403);
        given().auth().oauth2(GD_AGENT).get("/api/v1/complaints").then().statusCode(200)
                .body("items.province", everyItem(equalTo("GD")));
        given().auth().oauth2(GD_CHANNEL).contentType(ContentType.JSON)
                .body(IntakeApi.complaintJson("APP", IntakeApi.freshMsisdn(), "OTHER", "x").replace("\"GD\"", "\"FJ\""))
                .post("/api/v1/complaints").then().statusCode(403);
        given().auth().oauth2(NATIONAL).get("/api/v1/complaints/" + fujian).then().statusCode(200);
    }

    @Test
    void guessingTicketsFromOneAddressIsRateLimited() {
        String guesser = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", guesser).queryParam("verification", "0000")
                    .get("/api/v1/track/GD2099010100" + String.format("%04d", i)).then().statusCode(404);
        }
        given().header("X-Forwarded-For", guesser).queryParam("verification", "0000")
                .get("/api/v1/track/GD20990101009999").then().statusCode(429).contentType("application/problem+json");
        // another address is not affected
        given().header("X-Forwarded-For", "198.51.100.7").queryParam("verification", "0000")
                .get("/api/v1/track/GD20990101009999").then().statusCode(404);
    }
}
