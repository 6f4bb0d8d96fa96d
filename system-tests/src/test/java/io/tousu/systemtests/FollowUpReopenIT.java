package io.tousu.systemtests;

import static io.tousu.systemtests.PackagedSuite.api;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tousu.localstack.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A follow-up visit where the customer says "not resolved": intake reopens the complaint, escalation
 * restarts its resolution clock, reporting no longer counts it as resolved at first contact, and
 * quality always inspects it once it is resolved again (a reopened complaint is high-risk).
 */
@Order(3)
@ExtendWith(PackagedSuite.class)
class FollowUpReopenIT {

    private static final String PROVINCE = "SD";

    @Test
    void aNotResolvedFollowUpReopensRestartsTheClockAndIsInspected() {
        String id = api(Service.INTAKE).contentType(ContentType.JSON).body("""
                {"channel":"HOTLINE","channelRef":"st-reopen-%s","province":"%s","city":"Jinan",
                 "customer":{"msisdn":"13600002222"},"category":"BROADBAND_INSTALL",
                 "description":"broadband installation missed twice"}""".formatted(UUID.randomUUID(), PROVINCE))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        act(id, "assign", "\"ownerId\":\"A5001\",\"teamId\":\"SD-FRONT-1\",\"office\":\"FRONT\"")
                .body("status", equalTo("ASSIGNED"));
        act(id, "start", "").body("status", equalTo("IN_PROGRESS"));
        act(id, "resolve", "\"substantiated\":true,\"responsibility\":\"PROCESS\",\"resolutionCode\":\"REBOOKED\","
                + "\"summary\":\"installation rebooked for tomorrow\"")
                .body("status", equalTo("RESOLVED"));

        // escalation stops the resolution clock on the resolution...
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                escalation(id).body("phase", equalTo("RESOLVED"))
                        .body("clocks.find { it.clock == 'RESOLUTION' }.state", equalTo("STOPPED")));
        Instant firstStart = Instant.parse(escalation(id).extract().path("clocks.find { it.clock == 'RESOLUTION' }.startedAt"));

        // ...and the customer says at the follow-up visit that nothing was installed
        act(id, "follow-up", "\"satisfied\":false,\"resolved\":false").body("status", equalTo("REOPENED"))
                .body("reopenCount", equalTo(1));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                escalation(id).body("phase", equalTo("OPEN"))
                        .body("clocks.find { it.clock == 'RESOLUTION' }.state", equalTo("RUNNING"))
                        .body("history.action", hasItem("RESTARTED")));
        Instant restarted = Instant.parse(escalation(id).extract().path("clocks.find { it.clock == 'RESOLUTION' }.startedAt"));
        org.assertj.core.api.Assertions.assertThat(restarted).isAfter(firstStart);

        // reporting: a reopened complaint is not resolved at first contact
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            drillDown("RESOLVED", month).body("complaintIds", hasItem(id));
            drillDown("FIRST_CONTACT", month).body("complaintIds", not(hasItem(id)));
        });

        // resolved again (resolution round 1, after one reopen): quality inspects it always, as a reopened complaint
        act(id, "assign", "\"ownerId\":\"A5001\",\"teamId\":\"SD-FRONT-1\",\"office\":\"FRONT\"");
        act(id, "resolve", "\"substantiated\":true,\"responsibility\":\"PROCESS\",\"resolutionCode\":\"INSTALLED\","
                + "\"summary\":\"installed and tested with the customer\"").body("status", equalTo("RESOLVED"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                api(Service.QUALITY).queryParam("province", PROVINCE).queryParam("size", 200)
                        .get("/api/v1/inspections").then().statusCode(200)
                        .body("items.find { it.complaintId == '" + id + "' && it.round == 1 }.highRisk", equalTo(true))
                        .body("items.find { it.complaintId == '" + id + "' && it.round == 1 }.reasons",
                                hasItem("REOPENED")));
    }

    private static ValidatableResponse act(String id, String action, String fields) {
        return api(Service.INTAKE).contentType(ContentType.JSON).body("{" + fields + "}")
                .post("/api/v1/complaints/" + id + "/" + action).then().statusCode(200);
    }

    private static ValidatableResponse escalation(String id) {
        return api(Service.ESCALATION).get("/api/v1/escalations/" + id).then().statusCode(200);
    }

    private static ValidatableResponse drillDown(String measure, String month) {
        return api(Service.REPORTING).queryParam("province", PROVINCE).queryParam("measure", measure)
                .queryParam("period", month).get("/api/v1/indicators/complaints").then().statusCode(200);
    }
}
