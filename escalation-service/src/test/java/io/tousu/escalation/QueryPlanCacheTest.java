package io.tousu.escalation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.events.EventEnvelope;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.TestEvents;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A query run again and again is planned once, or never cached: Hibernate Reactive keys a cached
 * native select by an object that never compares equal, so each run added a plan to the cache, all
 * in one hash bin, and every look-up got slower (see NativeSelects). Statistics are on in the test
 * profile.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class QueryPlanCacheTest {

    @Inject
    TestClock clock;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void everyQueryOfTheConsumerIsPlannedOnceHoweverManyBatchesItApplies() {
        try (EventPublisher events = new EventPublisher(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            // five complaints in one producer batch at a time, each round applied before the next is
            // sent: a consumer batch of several events per round
            for (int round = 0; round < 12; round++) {
                List<EventEnvelope> five = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    five.add(TestEvents.complaintReceived("GD", "BILLING_DISPUTE", "NORMAL", clock.instant()));
                }
                events.publishTogether(five, "plan-cache-" + round);
                String id = five.get(4).complaintId();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                        .get("/api/v1/escalations/" + id).then().statusCode(200));
            }
        }
        Statistics statistics = sessions.getStatistics();
        assertThat(statistics.getQueryPlanCacheHitCount()).as("plans found in the cache").isPositive();
        for (String query : statistics.getQueries()) {
            QueryStatistics runs = statistics.getQueryStatistics(query);
            assertThat(runs.getPlanCacheMissCount()).as("times planned (found in the cache " + runs.getPlanCacheHitCount()
                    + " times): " + query).isLessThanOrEqualTo(2);
        }
    }
}
