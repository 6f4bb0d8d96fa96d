package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

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
class CandidateTest {

    @Test
    void receivedComplaintBecomesACandidate() {
        EventEnvelope received = TestEvents.complaintReceived("FJ", "DATA_USAGE_DISPUTE", "NORMAL", Instant.now());
        try (EventPublisher events = new EventPublisher(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            events.publish(received);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/v1/inspection-candidates/" + received.complaintId()).then().statusCode(200)
                        .body("province", equalTo("FJ"))
                        .body("category", equalTo("DATA_USAGE_DISPUTE"))
                        .body("highRisk", equalTo(false))
                        .body("riskReasons", empty()));
    }

    @Test
    void unknownComplaintIsAProblem404() {
        given().when().get("/api/v1/inspection-candidates/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
