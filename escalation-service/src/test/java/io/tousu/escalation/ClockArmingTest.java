package io.tousu.escalation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.events.EventEnvelope;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.TestEvents;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ClockArmingTest {

    @Inject
    TestClock clock;

    @Test
    void receivedComplaintArmsItsClocksByPolicyOnce() {
        Instant at = clock.instant();
        EventEnvelope urgent = TestEvents.complaintReceived("GD", "BILLING_DISPUTE", "URGENT", at);
        EventEnvelope normal = TestEvents.complaintReceived("GD", "BILLING_DISPUTE", "NORMAL", at);
        try (EventPublisher events = new EventPublisher(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            events.publish(urgent);
            events.publish(urgent);
            events.publish(normal);
        }
        // seeded policies: Urgent resolves in 24 h, first response in 1 h; Default resolves in 72 h
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/escalations/" + urgent.complaintId()).then().statusCode(200)
                        .body("clocks", hasSize(2))
                        .body("clocks[0].clock", equalTo("RESOLUTION"))
                        .body("clocks[0].state", equalTo("RUNNING"))
                        .body("clocks[0].dueAt", equalTo(at.plus(Duration.ofHours(24)).toString()))
                        .body("clocks[1].clock", equalTo("FIRST_RESPONSE"))
                        .body("clocks[1].dueAt", equalTo(at.plus(Duration.ofHours(1)).toString()))
                        .body("history", hasSize(2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/escalations/" + normal.complaintId()).then().statusCode(200)
                        .body("clocks[0].dueAt", equalTo(at.plus(Duration.ofHours(72)).toString())));
    }

    @Test
    void unknownComplaintIsAProblem404() {
        given().when().get("/api/v1/escalations/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
