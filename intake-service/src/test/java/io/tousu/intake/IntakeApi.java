package io.tousu.intake;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
import io.tousu.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/** Small helpers over intake's HTTP API and its topic, for the API tests. */
final class IntakeApi {

    private static final AtomicInteger PHONE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private IntakeApi() {
    }

    /** A phone number no other test uses, so repeats and abuse checks stay out of the way. */
    static String freshMsisdn() {
        return "139" + String.format("%08d", PHONE.incrementAndGet() % 100_000_000);
    }

    static String complaintJson(String channel, String msisdn, String category, String description) {
        return """
                {"channel":"%s","channelRef":"%s","province":"GD","city":"Guangzhou",
                 "customer":{"msisdn":"%s","tier":"STANDARD"},"category":"%s","description":"%s"}"""
                .formatted(channel, "ref-" + UUID.randomUUID(), msisdn, category, description);
    }

    /** Submits a complaint and returns its id. */
    static String submit(String msisdn, String category) {
        return given().contentType(ContentType.JSON)
                .body(complaintJson("HOTLINE", msisdn, category, "complaint " + UUID.randomUUID()))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
    }

    /** A token of a staff member of Guangdong with one role (agent, backoffice, supervisor, ...). */
    static String actor(String id, String role, String team) {
        return Tokens.mint(id, List.of(role), "GD", team, Duration.ofHours(1));
    }

    /** POSTs an action as the token's holder; {@code fields} is the JSON body's content, e.g. {@code "reason":"x"}. */
    static ValidatableResponse act(String id, String action, String token, String fields) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{" + fields + "}")
                .post("/api/v1/complaints/" + id + "/" + action).then();
    }

    static ValidatableResponse get(String id) {
        return given().get("/api/v1/complaints/" + id).then().statusCode(200);
    }

    /** The event types published for one complaint, in topic order, once {@code expected} have arrived. */
    static List<String> eventTypes(String complaintId, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.COMPLAINTS));
            List<EventEnvelope> events = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (complaintId.equals(r.key())) {
                        events.add(EventCodec.read(r.value()));
                    }
                });
                return events.size() >= expected;
            });
            return events.stream().map(EventEnvelope::type).toList();
        }
    }
}
