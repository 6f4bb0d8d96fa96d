package io.tousu.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tousu.events.EventEnvelope;
import io.tousu.events.complaint.ComplaintCategoryChanged;
import io.tousu.events.complaint.CustomerWaitEnded;
import io.tousu.events.complaint.CustomerWaitStarted;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.TestEvents;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A complaint recategorised through {@code tousu.complaints} falls under the policy its new category
 * chooses: its open clocks are recomputed from their start (time used and waits kept), the change is
 * in its history, and the next deadline and escalation follow the new policy.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class PolicyRechoiceTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    TestClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void recategorisedComplaintRunsToTheNewCategorysPolicyFromItsStart() {
        int policyId = given().contentType(ContentType.JSON).body("""
                {"name":"Qinghai roaming","province":"QH","category":"ROAMING_CHARGES","firstResponse":"PT1H",
                 "nextUpdate":"PT4H","resolution":"PT12H","warnBefore":"PT10M","calendarMode":"ALWAYS",
                 "chain":[{"level":"TEAM_LEAD","deadline":"PT30M"},{"level":"PROVINCE"}]}""")
                .post("/api/v1/sla-policies").then().statusCode(201).extract().path("id");

        Instant received = clock.instant();
        EventEnvelope complaint = TestEvents.complaintReceived("QH", "OTHER", "NORMAL", received);
        String id = complaint.complaintId();
        try (EventPublisher events = new EventPublisher(bootstrap);
                EscalationsTopic out = new EscalationsTopic(bootstrap)) {
            events.publish(complaint);
            // Default policy: first response 4 h, resolution 72 h
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(instant(given().get("/api/v1/escalations/" + id)
                    .then().statusCode(200).extract().jsonPath(), "FIRST_RESPONSE", "dueAt"))
                    .isEqualTo(received.plus(Duration.ofHours(4))));

            // 10 min counted, a 20 min wait, 10 min more, then the agent recategorises it
            Instant waitStarted = received.plus(Duration.ofMinutes(10));
            Instant waitEnded = received.plus(Duration.ofMinutes(30));
            Instant changed = received.plus(Duration.ofMinutes(40));
            events.publish(EventEnvelope.of(new CustomerWaitStarted("bill copy", waitStarted), "QH", id, waitStarted));
            events.publish(EventEnvelope.of(new CustomerWaitEnded(1200, waitEnded), "QH", id, waitEnded));
            clock.advance(Duration.ofMinutes(40));
            events.publish(EventEnvelope.of(new ComplaintCategoryChanged("OTHER", "ROAMING_CHARGES", "agent-7",
                    changed), "QH", id, changed));

            await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/escalations/" + id).then()
                    .statusCode(200).body("policyId", equalTo(policyId)));
            JsonPath view = given().get("/api/v1/escalations/" + id).then().statusCode(200)
                    .body("category", equalTo("ROAMING_CHARGES"))
                    .body("history.action", hasItem("POLICY_CHANGED"))
                    .extract().jsonPath();
            // 20 min counted of the new hour (the wait does not count): due 1 h 20 min after receipt
            assertThat(instant(view, "FIRST_RESPONSE", "dueAt")).isEqualTo(received.plus(Duration.ofMinutes(80)));
            assertThat(instant(view, "FIRST_RESPONSE", "warnAt")).isEqualTo(received.plus(Duration.ofMinutes(70)));
            assertThat(instant(view, "RESOLUTION", "dueAt"))
                    .isEqualTo(received.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(20)));
            assertThat(view.getList("history.findAll { it.action == 'RECOMPUTED' }.clock", String.class))
                    .containsExactlyInAnyOrder("FIRST_RESPONSE", "RESOLUTION");
            assertThat(view.getString("history.find { it.action == 'POLICY_CHANGED' }.detail"))
                    .contains("category changed to ROAMING_CHARGES").contains("-> " + policyId + " (Qinghai roaming)");

            // the new deadline breaches and escalates along the new chain (TEAM_LEAD has 30 min)
            Instant breached = clock.advance(Duration.ofMinutes(41));
            await().atMost(PATIENCE).until(() -> out.escalationTypes(id).contains("ComplaintEscalated"));
            ComplaintEscalated escalated = EscalationFlowTest.only(out.about(id), "ComplaintEscalated")
                    .payloadAs(ComplaintEscalated.class);
            assertThat(escalated.levelName()).isEqualTo("TEAM_LEAD");
            assertThat(escalated.nextDeadline()).isEqualTo(breached.plus(Duration.ofMinutes(30)));
        }
    }

    static Instant instant(JsonPath view, String clock, String field) {
        return Instant.parse(view.getString("clocks.find { it.clock == '" + clock + "' }." + field));
    }
}
