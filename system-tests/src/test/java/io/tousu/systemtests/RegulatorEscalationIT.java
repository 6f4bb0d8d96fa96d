package io.tousu.systemtests;

import static io.tousu.systemtests.PackagedSuite.api;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.tousu.localstack.Service;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A regulator-forwarded complaint that nobody handles escalates level by level, shows up among the
 * complaints at risk of a regulator appeal, and is counted by reporting among the regulator-channel complaints. The province
 * gets an SLA policy with deadlines of seconds through the admin API, so the story runs in real time.
 */
@Order(2)
@ExtendWith(PackagedSuite.class)
class RegulatorEscalationIT {

    private static final String PROVINCE = "HN";
    @Test
    void anUnhandledRegulatorComplaintEscalatesLevelByLevelAndIsAtRisk() {
        api(Service.ESCALATION).contentType(ContentType.JSON).body("""
                {"name":"Hunan regulator drill","province":"%s","channel":"REGULATOR",
                 "firstResponse":"PT6S","nextUpdate":"PT1H","resolution":"PT8S","warnBefore":"PT2S",
                 "calendarMode":"ALWAYS",
                 "chain":[{"level":"TEAM_LEAD","deadline":"PT3S"},{"level":"MANAGER","deadline":"PT3S"},
                          {"level":"CENTRE_DIRECTOR","deadline":"PT3S"},{"level":"PROVINCE"}]}""".formatted(PROVINCE))
                .post("/api/v1/sla-policies").then().statusCode(201);

        String id = api(Service.INTAKE).contentType(ContentType.JSON).body("""
                {"channel":"REGULATOR","channelRef":"miit-%s","province":"%s","city":"Changsha",
                 "customer":{"msisdn":"13700001111"},"category":"BILLING_DISPUTE",
                 "description":"forwarded by the regulator: charged for a service never ordered"}"""
                .formatted(UUID.randomUUID(), PROVINCE))
                .post("/api/v1/complaints").then().statusCode(201).body("priority", equalTo("URGENT"))
                .extract().path("id");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                api(Service.ESCALATION).get("/api/v1/escalations/" + id).then().statusCode(200)
                        .body("level", greaterThanOrEqualTo(3))
                        .body("channel", equalTo("REGULATOR")));
        api(Service.ESCALATION).queryParam("province", PROVINCE).get("/api/v1/escalations/at-risk").then()
                .statusCode(200).body("items.complaintId", hasItem(id));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                api(Service.REPORTING).queryParam("province", PROVINCE).queryParam("measure", "REGULATOR")
                        .queryParam("period", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString())
                        .get("/api/v1/indicators/complaints").then().statusCode(200)
                        .body("complaintIds", hasItem(id)));
    }

}
