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
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ClockArmingTest {

    @Test
    void receivedComplaintArmsItsResolutionClockByPriorityOnce() {
        Instant at = Instant.parse("2026-11-22T08:30:00Z");
        EventEnvelope urgent = TestEvents.complaintReceived("GD", "BILLING_DISPUTE", "URGENT", at);
        EventEnvelope normal = TestEvents.complaintReceived("GD", "BILLING_DISPUTE", "NORMAL", at);
        try (EventPublisher events = new EventPublisher(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            events.publish(urgent);
            events.publish(urgent);
            events.publish(normal);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/escalations/" + urgent.complaintId()).then().statusCode(200)
                        .body("clocks", hasSize(1))
                        .body("clocks[0].clock", equalTo("RESOLUTION"))
                        .body("clocks[0].state", equalTo("RUNNING"))
                        .body("clocks[0].dueAt", equalTo("2026-11-23T08:30:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/escalations/" + normal.complaintId()).then().statusCode(200)
                        .body("clocks[0].dueAt", equalTo("2026-11-25T08:30:00Z")));
    }

    @Test
    void unknownComplaintIsAProblem404() {
        given().when().get("/api/v1/escalations/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
