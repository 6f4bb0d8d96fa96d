package io.tousu.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ComplaintCountsTest {

    private static final String KEY = "same-partition";

    @Test
    void receivedComplaintsAreCountedOnceEvenWhenRedelivered() throws Exception {
        EventEnvelope first = received("SD", "NETWORK_QUALITY");
        EventEnvelope second = received("SD", "NETWORK_QUALITY");
        EventEnvelope other = received("SD", "BILLING_DISPUTE");
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, first);
            send(producer, second);
            send(producer, other);
            awaitCount("SD", "NETWORK_QUALITY", 2);

            // a redelivery, a malformed record, a type from a newer producer and a newer major version
            send(producer, first);
            producer.send(new ProducerRecord<>(Topics.COMPLAINTS, KEY, "{not json")).get();
            producer.send(new ProducerRecord<>(Topics.COMPLAINTS, KEY, EventCodec.write(first)
                    .replace("\"ComplaintReceived\"", "\"ComplaintTeleported\"")
                    .replace(first.eventId().toString(), UUID.randomUUID().toString()))).get();
            producer.send(new ProducerRecord<>(Topics.COMPLAINTS, KEY, EventCodec.write(received("SD",
                    "NETWORK_QUALITY")).replace("\"1.0\"", "\"2.0\""))).get();
            // then a marker on the same partition: once it is counted, everything before it was handled
            send(producer, received("SD", "STAFF_ATTITUDE"));
        }
        awaitCount("SD", "STAFF_ATTITUDE", 1);
        given().queryParam("province", "SD").when().get("/api/v1/indicators/counts").then().statusCode(200)
                .body("find { it.category == 'NETWORK_QUALITY' }.complaints", equalTo(2))
                .body("find { it.category == 'BILLING_DISPUTE' }.complaints", equalTo(1))
                .body("size()", equalTo(3));
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
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T08:30:00Z");
        return EventEnvelope.of(new ComplaintReceived(province + "20261122" + id.toString().substring(0, 6), "HOTLINE",
                "ref-" + id, "Jinan", "138****5678", null, category, null, "NORMAL", List.of(), List.of(), false, at),
                province, id.toString(), at);
    }

    private static void send(KafkaProducer<String, String> producer, EventEnvelope event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.COMPLAINTS, KEY, EventCodec.write(event))).get();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
