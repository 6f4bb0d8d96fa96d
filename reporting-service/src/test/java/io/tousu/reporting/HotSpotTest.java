package io.tousu.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
import io.tousu.events.reporting.HotSpotDetected;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A burst of complaints published now is found by the scheduled evaluation and raised on tousu.reporting. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class HotSpotTest {

    private static final String HN = "HN";

    @Test
    void aBurstWithoutHistoryOpensAnEpisodeAndRaisesHotSpotDetected() {
        Instant now = Instant.now().minus(Duration.ofMinutes(1));
        try (EventPublisher events = new EventPublisher(bootstrapServers())) {
            for (int i = 0; i < 12; i++) {
                events.publish(new ReportingEvents(HN).received("Changsha", "HOTLINE", false, now));
            }
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().queryParam("province", HN).queryParam("status", "open").when().get("/api/v1/hotspots")
                        .then().statusCode(200)
                        .body("find { it.dimension == 'CATEGORY' }.key", equalTo("BILLING_DISPUTE"))
                        // raised by the first evaluation that saw at least the minimum count of 10
                        .body("find { it.dimension == 'CATEGORY' }.count", allOf(greaterThanOrEqualTo(10),
                                lessThanOrEqualTo(12)))
                        .body("find { it.dimension == 'CATEGORY' }.status", equalTo("OPEN"))
                        .body("find { it.dimension == 'REGION' }.key", equalTo("Changsha")));

        List<HotSpotDetected> raised = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "hotspot-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.REPORTING));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    EventEnvelope event = EventCodec.read(r.value());
                    if (HN.equals(event.province())) {
                        raised.add(event.payloadAs(HotSpotDetected.class));
                    }
                });
                assertThat(raised).extracting(HotSpotDetected::dimension).contains("CATEGORY", "REGION");
            });
        }
        // evaluated every second, but raised once for the episode
        List<HotSpotDetected> categories = raised.stream().filter(h -> h.dimension().equals("CATEGORY")).toList();
        assertThat(categories).hasSize(1);
        HotSpotDetected category = categories.get(0);
        assertThat(category.key()).isEqualTo("BILLING_DISPUTE");
        assertThat(category.count()).isBetween(10L, 12L);
        assertThat(category.baseline()).isEqualTo(0.5);
        assertThat(category.ratio()).isEqualTo(category.count() / 0.5);

        // the open episodes are a gauge per province and dimension, for the hot-spot alert
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                        .contains("tousu_hotspots_open{dimension=\"CATEGORY\",province=\"HN\"} 1.0")
                        .contains("tousu_hotspots_open{dimension=\"REGION\",province=\"HN\"} 1.0"));
    }

    @Test
    void theCurrentMonthsIndicatorsAreGaugesPerProvince() {
        try (EventPublisher events = new EventPublisher(bootstrapServers())) {
            events.publish(new ReportingEvents("JX").received("Nanchang", "REGULATOR", false,
                    Instant.now().minus(Duration.ofMinutes(1))));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                        .contains("tousu_indicator{indicator=\"COMPLAINT_VOLUME\",province=\"JX\"} 1.0")
                        .contains("tousu_indicator{indicator=\"REGULATOR_ESCALATION_RATE\",province=\"JX\"} 100.0")
                        .contains("tousu_indicator{indicator=\"TICKET_ACCURACY_RATE\",province=\"JX\"} 100.0")
                        .contains("tousu_indicator{indicator=\"FIRST_CONTACT_RESOLUTION_RATE\",province=\"JX\"} NaN"));
    }

    @Test
    void statusMustBeOpenOrAll() {
        given().queryParam("province", HN).queryParam("status", "closed").when().get("/api/v1/hotspots").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("status"));
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
