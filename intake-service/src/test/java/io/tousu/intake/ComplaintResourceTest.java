package io.tousu.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ComplaintResourceTest {

    static String complaint(String channelRef) {
        return complaint("HOTLINE", channelRef, "BILLING_DISPUTE");
    }

    static String complaint(String channel, String channelRef, String category) {
        return """
                {"channel":"%s","channelRef":"%s","province":"GD","city":"Shenzhen",
                 "customer":{"msisdn":"13812345678","customerId":"C001","tier":"STANDARD"},
                 "category":"%s","description":"charged twice for the monthly fee"}""".formatted(channel, channelRef,
                category);
    }

    @Test
    void submittedComplaintGetsTicketAndItsEventReachesTheTopic() {
        String ref = "IVR-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).body(complaint("REGULATOR", ref, "BILLING_DISPUTE"))
                .when().post("/api/v1/complaints")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/complaints/[0-9a-f-]{36}"))
                .body("ticketNo", matchesPattern("GD\\d{8}\\d{6}"))
                .body("customer.msisdnMasked", equalTo("138****5678"))
                .body("status", equalTo("RECEIVED"))
                .body("priority", equalTo("URGENT"))
                .body("priorityReasons[0]", startsWith("channel REGULATOR"))
                .extract().path("id");

        given().when().get("/api/v1/complaints/" + id).then().statusCode(200).body("channelRef", equalTo(ref));

        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.COMPLAINTS));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> id.equals(r.key()));
            });
            ConsumerRecord<String, String> record = seen.stream().filter(r -> id.equals(r.key())).findFirst()
                    .orElseThrow();
            assertThat(record.value()).doesNotContain("13812345678");
            EventEnvelope envelope = EventCodec.read(record.value());
            assertThat(envelope.type()).isEqualTo("ComplaintReceived");
            assertThat(envelope.province()).isEqualTo("GD");
            ComplaintReceived received = envelope.payloadAs(ComplaintReceived.class);
            assertThat(received.channelRef()).isEqualTo(ref);
            assertThat(received.msisdnMasked()).isEqualTo("138****5678");
            assertThat(received.priority()).isEqualTo("URGENT");
        }
    }

    @Test
    void resubmissionReturnsTheSameComplaintEvenWhenConcurrent() throws Exception {
        String ref = "APP-" + UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Map.Entry<Integer, String>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    var response = given().contentType(ContentType.JSON).body(complaint(ref))
                            .post("/api/v1/complaints").then().extract();
                    return Map.entry(response.statusCode(), response.<String>path("id"));
                }));
            }
            Set<String> ids = ConcurrentHashMap.newKeySet();
            int created = 0;
            for (var f : results) {
                var r = f.get();
                assertThat(r.getKey()).isIn(200, 201);
                created += r.getKey() == 201 ? 1 : 0;
                ids.add(r.getValue());
            }
            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        given().contentType(ContentType.JSON).body(complaint(ref)).post("/api/v1/complaints").then().statusCode(200);
    }

    @Test
    void invalidFieldsAreListedInAProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"channel\":\"HOTLINE\",\"province\":\"guangdong\",\"customer\":{\"msisdn\":\"12ab\"},"
                        + "\"category\":\"X\"}")
                .when().post("/api/v1/complaints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("channelRef"))
                .body("violations.field", hasItem("province"))
                .body("violations.field", hasItem("customer.msisdn"))
                .body("violations.field", hasItem("description"));
    }

    @Test
    void unknownChannelAndMalformedJsonAreClientErrors() {
        given().contentType(ContentType.JSON).body(complaint("FAX", "x-1", "BILLING_DISPUTE"))
                .when().post("/api/v1/complaints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("channel"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("HOTLINE"));
        given().contentType(ContentType.JSON).body("{\"channel\": ")
                .when().post("/api/v1/complaints")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).when().post("/api/v1/complaints")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownCategoryIsRejectedAndNothingIsStored() {
        String ref = "WEB-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(complaint("WEB", ref, "NO_SUCH_CATEGORY"))
                .when().post("/api/v1/complaints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("category"));
        // the same channelRef with a valid category creates (201): nothing was half-stored before
        given().contentType(ContentType.JSON).body(complaint("WEB", ref, "DATA_USAGE_DISPUTE"))
                .when().post("/api/v1/complaints").then().statusCode(201);
    }

    @Test
    void unknownComplaintIsAProblem404() {
        given().when().get("/api/v1/complaints/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().get("/api/v1/complaints/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void operationsEndpointsAnswer() {
        given().contentType(ContentType.JSON).body(complaint("STORE", "metrics-" + UUID.randomUUID(), "OTHER"))
                .post("/api/v1/complaints").then().statusCode(201);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("tousu_complaints_received_total{category=\"OTHER\",channel=\"STORE\""))
                .body(containsString("tousu_outbox_pending"))
                .body(containsString("tousu_outbox_lag_seconds"))
                .body(containsString("tousu_outbox_published_total")));
        given().when().get("/q/openapi").then().statusCode(200);
    }

    private static KafkaConsumer<String, String> consumer() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }
}
