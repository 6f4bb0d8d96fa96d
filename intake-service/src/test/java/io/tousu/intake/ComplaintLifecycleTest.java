package io.tousu.intake;

import static io.restassured.RestAssured.given;
import static io.tousu.intake.IntakeApi.act;
import static io.tousu.intake.IntakeApi.actor;
import static io.tousu.intake.IntakeApi.eventTypes;
import static io.tousu.intake.IntakeApi.freshMsisdn;
import static io.tousu.intake.IntakeApi.get;
import static io.tousu.intake.IntakeApi.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ComplaintLifecycleTest {

    private static final String AGENT = actor("A1024", "agent", "GZ-FRONT-3");
    private static final String BACKOFFICE = actor("B2001", "backoffice", "GD-BILLING");
    private static final String SUPERVISOR = actor("S0001", "supervisor", null);

    @Test
    void aComplaintGoesRoundTheClosedLoopWithItsHistoryAndEventsInOrder() {
        String id = submit(freshMsisdn(), "BILLING_DISPUTE");
        act(id, "assign", AGENT, "\"ownerId\":\"A1024\",\"ownerName\":\"Li Na\",\"teamId\":\"GZ-FRONT-3\","
                + "\"office\":\"FRONT\"").statusCode(200).body("status", equalTo("ASSIGNED"))
                .body("owner.ownerId", equalTo("A1024"));
        act(id, "start", AGENT, "").statusCode(200).body("status", equalTo("IN_PROGRESS"));
        String promise = act(id, "promises", AGENT, "\"kind\":\"CALL_BACK\",\"dueAt\":\""
                + Instant.now().plus(2, ChronoUnit.HOURS) + "\"").statusCode(201).body("state", equalTo("OPEN"))
                .extract().path("id");
        act(id, "promises/" + promise + "/kept", AGENT, "").statusCode(200);
        act(id, "hand-off", AGENT, "\"toTeamId\":\"GD-BILLING\",\"reason\":\"needs the billing system\"")
                .statusCode(200).body("status", equalTo("PENDING_BACK_OFFICE")).body("owner.office", equalTo("BACK"))
                .body("handedOff", equalTo(true));
        act(id, "assign", BACKOFFICE, "\"ownerId\":\"B2001\",\"teamId\":\"GD-BILLING\",\"office\":\"BACK\"")
                .statusCode(200).body("status", equalTo("PENDING_BACK_OFFICE"));
        act(id, "start", BACKOFFICE, "").statusCode(200).body("status", equalTo("IN_PROGRESS"));
        act(id, "wait-for-customer", BACKOFFICE, "\"reason\":\"asked for the bill\"").statusCode(200)
                .body("status", equalTo("PENDING_CUSTOMER"));
        act(id, "resume", BACKOFFICE, "").statusCode(200).body("status", equalTo("IN_PROGRESS"));
        // the front-office agent no longer owns it: the back office does
        act(id, "notes", AGENT, "\"text\":\"any news?\"").statusCode(403);
        // 350 yuan: above the back office's own limit of 300 -> waits for a supervisor
        act(id, "resolve", BACKOFFICE, "\"substantiated\":true,\"responsibility\":\"SYSTEM\",\"resolutionCode\":\"REFUND\","
                + "\"summary\":\"refunded the double charge\",\"compensationAmount\":350.00").statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"));
        act(id, "approve", BACKOFFICE, "").statusCode(403).contentType("application/problem+json");
        act(id, "approve", SUPERVISOR, "").statusCode(200).body("status", equalTo("RESOLVED"))
                .body("resolution.compensationApproved", equalTo(true))
                .body("resolution.compensationAmount", equalTo(350.0f));
        act(id, "follow-up", SUPERVISOR, "\"satisfied\":false,\"resolved\":false").statusCode(200)
                .body("status", equalTo("REOPENED")).body("reopenCount", equalTo(1));
        act(id, "assign", SUPERVISOR, "\"ownerId\":\"A1024\",\"teamId\":\"GZ-FRONT-3\",\"office\":\"FRONT\"")
                .statusCode(200);
        act(id, "resolve", AGENT, "\"substantiated\":false,\"responsibility\":\"NONE\",\"resolutionCode\":\"EXPLAINED\","
                + "\"summary\":\"explained the bill\"").statusCode(200).body("status", equalTo("RESOLVED"));
        act(id, "follow-up", SUPERVISOR, "\"satisfied\":true,\"resolved\":true").statusCode(200)
                .body("status", equalTo("CLOSED"));

        get(id).body("history.action", hasItem("RECEIVE")).body("history[-1].toStatus", equalTo("CLOSED"))
                .body("history.size()", equalTo(16)).body("promises[0].state", equalTo("KEPT"))
                .body("allowedActions", hasItem("REOPEN"));

        List<String> types = eventTypes(id, 28);
        assertThat(types).hasSize(28).startsWith("ComplaintReceived", "ComplaintStatusChanged", "ComplaintAssigned");
        assertThat(types).containsSubsequence("PromiseMade", "PromiseKept", "ComplaintHandedOff",
                "CustomerWaitStarted", "CustomerWaitEnded", "ComplaintResolved", "ComplaintFollowedUp",
                "ComplaintReopened", "ComplaintResolved", "ComplaintFollowedUp", "ComplaintClosed");
        assertThat(types).last().isEqualTo("ComplaintClosed");
    }

    @Test
    void anIllegalTransitionNamesTheStateAndTheAllowedActions() {
        String id = submit(freshMsisdn(), "NETWORK_QUALITY");
        act(id, "resolve", SUPERVISOR, "\"substantiated\":false,\"responsibility\":\"NONE\",\"resolutionCode\":\"X\","
                + "\"summary\":\"x\"").statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("RECEIVED")).body("allowedActions", hasItem("ASSIGN"))
                .body("detail", containsString("RESOLVE"));
        act(id, "resume", SUPERVISOR, "").statusCode(409);
    }

    @Test
    void fieldRulesThatSpanFieldsAreProblems() {
        String id = submit(freshMsisdn(), "NETWORK_QUALITY");
        act(id, "assign", AGENT, "\"ownerId\":\"A1024\",\"teamId\":\"T\",\"office\":\"FRONT\"").statusCode(200);
        act(id, "resolve", AGENT, "\"substantiated\":true,\"responsibility\":\"STAFF\",\"resolutionCode\":\"X\","
                + "\"summary\":\"x\"").statusCode(400).body("violations[0].field", equalTo("staffId"));
        act(id, "resolve", AGENT, "\"substantiated\":false,\"responsibility\":\"NETWORK\",\"resolutionCode\":\"X\","
                + "\"summary\":\"x\"").statusCode(400).body("violations[0].field", equalTo("responsibility"));
        act(id, "resolve", AGENT, "\"substantiated\":true,\"responsibility\":\"NETWORK\",\"resolutionCode\":\"X\","
                + "\"summary\":\"x\",\"compensationAmount\":-5").statusCode(400)
                .body("violations[0].field", equalTo("compensationAmount"));
        act(id, "promises", AGENT, "\"kind\":\"CALL_BACK\",\"dueAt\":\"2099-01-01T00:00:00Z\"").statusCode(400)
                .body("violations[0].field", equalTo("dueAt"));
        get(id).body("status", equalTo("ASSIGNED")).body("history", hasSize(2));
    }

    @Test
    void aStaleVersionOrAConcurrentChangeIsAConflictNeverALostUpdate() throws Exception {
        String id = submit(freshMsisdn(), "BILLING_DISPUTE");
        int version = get(id).extract().path("version");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).header("If-Match", "\"" + (version + 5) + "\"")
                .body("{\"text\":\"n\"}").post("/api/v1/complaints/" + id + "/notes")
                .then().statusCode(409).body("type", containsString("stale-version"));

        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                results.add(pool.submit(() -> given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                        .header("If-Match", "\"" + version + "\"")
                        .body("{\"text\":\"note " + n + "\"}")
                        .post("/api/v1/complaints/" + id + "/notes").then().extract().statusCode()));
            }
            int ok = 0;
            for (var r : results) {
                int status = r.get();
                assertThat(status).isIn(200, 409);
                ok += status == 200 ? 1 : 0;
            }
            assertThat(ok).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        get(id).body("history", hasSize(2)).body("version", equalTo(version + 1));
    }

    @Test
    void onlyASupervisorClosesAComplaintNobodyWorked() {
        String id = submit(freshMsisdn(), "OTHER");
        act(id, "close", AGENT, "\"reason\":\"duplicate\"").statusCode(403);
        act(id, "close", SUPERVISOR, "\"reason\":\"duplicate of another ticket\"").statusCode(200)
                .body("status", equalTo("CLOSED"));
    }
}
