package io.tousu.systemtests;

import static io.tousu.systemtests.PackagedSuite.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
import io.tousu.localstack.Service;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first slice through the packaged services: a complaint submitted to intake is stored with its
 * event, published by the outbox relay, counted by reporting and clocked by escalation; a
 * redelivered event does not count twice.
 */
@Order(1)
@ExtendWith(PackagedSuite.class)
class ComplaintFlowIT {

    @Test
    void submittedComplaintsAreCountedByReportingAndClockedByEscalation() {
        String billing1 = submit("HOTLINE", "BILLING_DISPUTE");
        submit("APP", "BILLING_DISPUTE");
        submit("REGULATOR", "NETWORK_QUALITY");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> counts("GD")
                .body("find { it.category == 'BILLING_DISPUTE' }.complaints", equalTo(2))
                .body("find { it.category == 'NETWORK_QUALITY' }.complaints", equalTo(1)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api(Service.ESCALATION)
                .get("/api/v1/escalations/" + billing1).then().statusCode(200)
                .body("clocks[0].clock", equalTo("RESOLUTION")));

        // redeliver intake's own event for billing1, then a marker on the same partition
        EventEnvelope original = publishedEvent(billing1);
        try (EventPublisher events = new EventPublisher(PackagedSuite.stack().kafkaBootstrapServers())) {
            events.publish(original);
            events.publish(TestEvents.complaintReceived("GD", "STAFF_ATTITUDE", "NORMAL", Instant.now()), billing1);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> counts("GD")
                .body("find { it.category == 'STAFF_ATTITUDE' }.complaints", equalTo(1)));
        counts("GD").body("find { it.category == 'BILLING_DISPUTE' }.complaints", equalTo(2));
    }

    private static String submit(String channel, String category) {
        return api(Service.INTAKE).contentType(ContentType.JSON).body("""
                {"channel":"%s","channelRef":"st-%s","province":"GD","city":"Guangzhou",
                 "customer":{"msisdn":"13912345678","customerId":"%s"},
                 "category":"%s","description":"system test complaint"}""".formatted(channel, UUID.randomUUID(),
                PersonalDataInLogsIT.CUSTOMER_ID, category))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse counts(String province) {
        return api(Service.REPORTING).queryParam("province", province).get("/api/v1/indicators/counts").then()
                .statusCode(200);
    }


    private static EventEnvelope publishedEvent(String complaintId) {
        try (KafkaConsumer<String, String> consumer = PackagedSuite.consumerFromStart(Topics.COMPLAINTS)) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> complaintId.equals(r.key()));
            });
            String value = seen.stream().filter(r -> complaintId.equals(r.key())).findFirst().orElseThrow().value();
            assertThat(value).doesNotContain("13912345678");
            return EventCodec.read(value);
        }
    }
}
