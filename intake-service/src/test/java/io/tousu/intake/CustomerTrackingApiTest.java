package io.tousu.intake;

import static io.restassured.RestAssured.given;
import static io.tousu.intake.IntakeApi.act;
import static io.tousu.intake.IntakeApi.actor;
import static io.tousu.intake.IntakeApi.freshMsisdn;
import static io.tousu.intake.IntakeApi.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class CustomerTrackingApiTest {

    private static final String AGENT = actor("A1024", "agent", "GZ-FRONT-3");

    /** Submits a complaint; returns {id, ticketNo, last four digits}. */
    private static String[] complaint() {
        String msisdn = freshMsisdn();
        var response = given().contentType(ContentType.JSON)
                .body(IntakeApi.complaintJson("APP", msisdn, "DATA_USAGE_DISPUTE", "my data ran out in two days"))
                .post("/api/v1/complaints").then().statusCode(201).extract();
        return new String[] {response.path("id"), response.path("ticketNo"), msisdn.substring(msisdn.length() - 4)};
    }

    private static ValidatableResponse track(String ticket, String verification) {
        return given().queryParam("verification", verification).get("/api/v1/track/" + ticket).then();
    }

    private static ValidatableResponse post(String ticket, String what, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/track/" + ticket + "/" + what).then();
    }

    @Test
    void theCustomerSeesStagesInPlainWordsAndNothingElse() {
        String[] c = complaint();
        act(c[0], "assign", AGENT, "\"ownerId\":\"A1024\",\"teamId\":\"T1\",\"office\":\"FRONT\"").statusCode(200);
        act(c[0], "hand-off", AGENT, "\"toTeamId\":\"GD-DATA\",\"reason\":\"usage records\"").statusCode(200);
        track(c[1], c[2]).statusCode(200)
                .body("ticketNo", equalTo(c[1]))
                .body("stages.stage", org.hamcrest.Matchers.contains("RECEIVED", "IN_HANDLING", "WITH_SPECIALISTS"))
                .body("stages[2].labelZh", equalTo("专业部门处理中"))
                .body("currentStage", equalTo("WITH_SPECIALISTS"))
                .body("nextStep.en", containsString("specialist"))
                .body("canUrge", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("description")))
                .body("$", not(org.hamcrest.Matchers.hasKey("customer")));
    }

    @Test
    void aWrongVerificationLooksLikeAnUnknownTicketAndIsRateLimited() {
        String[] c = complaint();
        String wrong = c[2].equals("0000") ? "1111" : "0000";
        String unknownBody = track("GD20991231999999", "1234").statusCode(404).contentType("application/problem+json")
                .extract().path("detail");
        track(c[1], wrong).statusCode(404).body("detail", equalTo(unknownBody));
        for (int i = 0; i < 3; i++) {
            track(c[1], wrong).statusCode(404);
        }
        // the fifth failure reached the limit: even the right digits wait now
        track(c[1], wrong).statusCode(404);
        track(c[1], c[2]).statusCode(429).contentType("application/problem+json");
        track(c[1], "12a4").statusCode(400).body("violations[0].field", equalTo("verification"));
        track("not-a-ticket", "1234").statusCode(400).body("violations[0].field", equalTo("ticketNo"));
    }

    @Test
    void urgesCountOnceWithinTheWindowAndRaiseThePriority() {
        String[] c = complaint();
        post(c[1], "urge", "{\"verification\":\"" + c[2] + "\"}").statusCode(200).body("urgeCount", equalTo(1))
                .body("canUrge", equalTo(false));
        post(c[1], "urge", "{\"verification\":\"" + c[2] + "\"}").statusCode(200).body("urgeCount", equalTo(1));
        get(c[0]).body("urgeCount", equalTo(1)).body("priority", equalTo("HIGH"))
                .body("priorityReasons", hasItem("urged 1 time"))
                .body("history.action", hasItem("URGE"));
    }

    @Test
    void informationSuggestionsAndTheFollowUpAnswerReachTheComplaint() {
        String[] c = complaint();
        post(c[1], "information", "{\"verification\":\"" + c[2] + "\",\"text\":\"it happened again on the 20th\"}")
                .statusCode(200);
        post(c[1], "suggestions", "{\"verification\":\"" + c[2] + "\",\"text\":\"send usage alerts earlier\"}")
                .statusCode(200);
        get(c[0]).body("history.action", hasItem("ADD_INFORMATION")).body("history.action", hasItem("LEAVE_SUGGESTION"))
                .body("history.find { it.action == 'ADD_INFORMATION' }.actorRole", equalTo("CUSTOMER"));

        post(c[1], "follow-up", "{\"verification\":\"" + c[2] + "\",\"satisfied\":true,\"resolved\":true}")
                .statusCode(409).body("currentStatus", equalTo("RECEIVED"));
        act(c[0], "assign", AGENT, "\"ownerId\":\"A1024\",\"teamId\":\"T1\",\"office\":\"FRONT\"").statusCode(200);
        act(c[0], "resolve", AGENT, "\"substantiated\":true,\"responsibility\":\"SYSTEM\",\"resolutionCode\":\"REFUND\","
                + "\"summary\":\"refunded\"").statusCode(200);
        track(c[1], c[2]).statusCode(200).body("followUpPending", equalTo(true)).body("currentStage", equalTo("RESOLVED"));
        post(c[1], "follow-up", "{\"verification\":\"" + c[2] + "\",\"satisfied\":true,\"resolved\":true}")
                .statusCode(200).body("currentStage", equalTo("CLOSED")).body("canUrge", equalTo(false));
    }
}
