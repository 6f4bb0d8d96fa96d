package io.tousu.intake;

import static io.restassured.RestAssured.given;
import static io.tousu.intake.IntakeApi.act;
import static io.tousu.intake.IntakeApi.actor;
import static io.tousu.intake.IntakeApi.freshMsisdn;
import static io.tousu.intake.IntakeApi.get;
import static io.tousu.intake.IntakeApi.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class IntakeRulesApiTest {

    private static final String AGENT = actor("A1024", "agent", "GZ-FRONT-3");

    @Test
    void aRepeatIsLinkedRaisesThePriorityAndReopensTheEarlierComplaintAwaitingFollowUp() {
        String msisdn = freshMsisdn();
        String first = submit(msisdn, "VALUE_ADDED_SP");
        act(first, "assign", AGENT, "\"ownerId\":\"A1024\",\"teamId\":\"T1\",\"office\":\"FRONT\"").statusCode(200);
        act(first, "resolve", AGENT, "\"substantiated\":true,\"responsibility\":\"PARTNER\",\"resolutionCode\":\"UNSUBSCRIBED\","
                + "\"summary\":\"cancelled the SP service\"").statusCode(200);

        String second = submit(msisdn, "VALUE_ADDED_SP");
        get(second).body("repeatOf", contains(first)).body("priority", equalTo("HIGH"))
                .body("priorityReasons", hasItem(startsWith("repeat complaint")));
        get(first).body("status", equalTo("REOPENED")).body("reopenCount", equalTo(1))
                .body("history[-1].detail", startsWith("repeat complaint"));
        // another category is not a repeat
        get(submit(msisdn, "NETWORK_QUALITY")).body("repeatOf", empty());
    }

    @Test
    void floodingFromOneNumberAndBulkTextAreFlaggedNotDropped() {
        String msisdn = freshMsisdn();
        for (int i = 0; i < 4; i++) {
            get(submit(msisdn, "OTHER")).body("suspectedMalicious", equalTo(false));
        }
        get(submit(msisdn, "OTHER")).body("suspectedMalicious", equalTo(true))
                .body("maliciousReasons[0]", startsWith("FLOODING"));

        String text = "Bulk text " + UUID.randomUUID();
        String last = null;
        for (int i = 0; i < 5; i++) {
            last = given().contentType(ContentType.JSON)
                    .body(IntakeApi.complaintJson("SMS", freshMsisdn(), "OTHER", text))
                    .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        }
        get(last).body("suspectedMalicious", equalTo(true)).body("maliciousReasons", hasItem(startsWith("BULK_TEXT")));
    }

    @Test
    void sensitiveWordsRaiseThePriorityWithTheReason() {
        String id = given().contentType(ContentType.JSON)
                .body(IntakeApi.complaintJson("WEB", freshMsisdn(), "MARKETING_VIOLATION", "强制订购，我要向工信部投诉"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        get(id).body("priority", equalTo("HIGH")).body("priorityReasons", hasItem("sensitive words: 工信部"));
    }

    @Test
    void searchResultsMaskTheCustomerIdWhichOneComplaintShowsInFull() {
        String id = given().contentType(ContentType.JSON)
                .body(IntakeApi.complaintJson("APP", freshMsisdn(), "OTHER", "x")
                        .replace("\"tier\":\"STANDARD\"", "\"customerId\":\"C0012345\",\"tier\":\"STANDARD\""))
                .post("/api/v1/complaints").then().statusCode(201).body("customer.customerId", equalTo("C0012345"))
                .extract().path("id");
        get(id).body("customer.customerId", equalTo("C0012345"));
        given().queryParam("province", "GD").queryParam("size", 100).get("/api/v1/complaints").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.customer.customerId", equalTo("C0****45"));
    }

    @Test
    void searchFiltersAndPages() {
        String msisdn = freshMsisdn();
        String id = submit(msisdn, "BROADBAND_INSTALL");
        act(id, "assign", AGENT, "\"ownerId\":\"SEARCH-1\",\"teamId\":\"T-SEARCH\",\"office\":\"FRONT\"").statusCode(200);
        given().queryParam("owner", "SEARCH-1").queryParam("status", "ASSIGNED").get("/api/v1/complaints").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().queryParam("province", "GD").queryParam("size", 2).get("/api/v1/complaints").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("total", greaterThanOrEqualTo(3))
                .body("items.province", everyItem(equalTo("GD")));
        given().queryParam("category", "BROADBAND_INSTALL").queryParam("receivedFrom", "2099-01-01T00:00:00Z")
                .get("/api/v1/complaints").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("status", "DONE").get("/api/v1/complaints").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        given().queryParam("receivedFrom", "yesterday").get("/api/v1/complaints").then().statusCode(400)
                .body("violations[0].field", equalTo("receivedFrom"));
        given().queryParam("size", 1000).get("/api/v1/complaints").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void subcategoriesMustBelongToTheCategory() {
        String body = IntakeApi.complaintJson("APP", freshMsisdn(), "BILLING_DISPUTE", "x")
                .replace("\"category\"", "\"subcategory\":\"NO_SIGNAL\",\"category\"");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/complaints").then().statusCode(400)
                .body("violations[0].field", equalTo("subcategory"));
    }
}
