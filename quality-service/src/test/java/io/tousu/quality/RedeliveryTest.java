package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.events.EventEnvelope;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A poll that holds events applied before (redelivered after a crash or a rebalance) next to new
 * ones: the inbox tells them apart, the old ones are skipped and the new ones applied once.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class RedeliveryTest {

    @Test
    void aPollPartlySeenBeforeAppliesOnlyItsNewEvents() {
        String agent = SamplingFlowTest.agent("redo");
        Lifecycle c = new Lifecycle("GD", SamplingFlowTest.start()).received("REGULATOR", "BILLING_DISPUTE", false)
                .assigned(SamplingFlowTest.h(1), agent, "team-redo")
                .resolved(SamplingFlowTest.h(5), agent, true, "PROCESS", new BigDecimal("30.00"));
        List<EventEnvelope> events = c.events();
        try (EventPublisher publisher = new EventPublisher(Broker.bootstrap())) {
            publisher.publishTogether(events.subList(0, 2), c.id.toString());
            await().atMost(SamplingFlowTest.WAIT).untilAsserted(() -> given()
                    .get("/api/v1/inspection-candidates/" + c.id).then().statusCode(200)
                    .body("agentId", equalTo(agent)));
            // the receipt and the assignment again, with the resolution: one poll, two of three seen
            publisher.publishTogether(events, c.id.toString());
        }
        await().atMost(SamplingFlowTest.WAIT).untilAsserted(() -> given().queryParam("agentId", agent)
                .get("/api/v1/inspections").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].reason", equalTo("REGULATOR")));
        given().get("/api/v1/inspection-candidates/" + c.id).then().statusCode(200)
                .body("decisions", hasSize(1));
    }
}
