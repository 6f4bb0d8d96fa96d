package io.tousu.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
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
class ComplaintCountsTest {

    private static final String KEY = "same-partition";

    @Test
    void receivedComplaintsAreCountedOnceEvenWhenRedelivered() {
        EventEnvelope first = received("SD", "NETWORK_QUALITY");
        EventEnvelope second = received("SD", "NETWORK_QUALITY");
        EventEnvelope other = received("SD", "BILLING_DISPUTE");
        try (EventPublisher events = new EventPublisher(bootstrapServers())) {
            events.publish(first, KEY);
            events.publish(second, KEY);
            events.publish(other, KEY);
            awaitCount("SD", "NETWORK_QUALITY", 2);

            // a redelivery, a malformed record, a type from a newer producer and a newer major version
            events.publish(first, KEY);
            events.publishRaw(Topics.COMPLAINTS, KEY, "{not json");
            events.publishRaw(Topics.COMPLAINTS, KEY, EventCodec.write(first)
                    .replace("\"ComplaintReceived\"", "\"ComplaintTeleported\"")
                    .replace(first.eventId().toString(), UUID.randomUUID().toString()));
            events.publishRaw(Topics.COMPLAINTS, KEY, EventCodec.write(received("SD", "NETWORK_QUALITY"))
                    .replace("\"1.0\"", "\"2.0\""));
            // an event whose content cannot be applied (its complaint id is no UUID), amid good ones of the
            // same poll: the batch is applied again event by event, and only that one is skipped
            EventEnvelope poison = received("SD", "NETWORK_QUALITY");
            events.publishRaw(Topics.COMPLAINTS, KEY, EventCodec.write(poison)
                    .replace(poison.complaintId(), "not-a-uuid"));
            events.publish(received("SD", "ROAMING"), KEY);
            // then a marker on the same partition: once it is counted, everything before it was handled
            events.publish(received("SD", "STAFF_ATTITUDE"), KEY);
        }
        awaitCount("SD", "STAFF_ATTITUDE", 1);
        given().queryParam("province", "SD").when().get("/api/v1/indicators/counts").then().statusCode(200)
                .body("find { it.category == 'NETWORK_QUALITY' }.complaints", equalTo(2))
                .body("find { it.category == 'BILLING_DISPUTE' }.complaints", equalTo(1))
                .body("find { it.category == 'ROAMING' }.complaints", equalTo(1))
                .body("size()", equalTo(4));
    }

    @Test
    void provinceMustBeACode() {
        given().queryParam("province", "shandong").when().get("/api/v1/indicators/counts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("province"));
    }

    private static void awaitCount(String province, String category, int expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().queryParam("province", province).when().get("/api/v1/indicators/counts").then()
                        .body("find { it.category == '" + category + "' }.complaints", equalTo(expected)));
    }

    private static EventEnvelope received(String province, String category) {
        return TestEvents.complaintReceived(province, category, "NORMAL", Instant.parse("2026-11-22T08:30:00Z"));
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
