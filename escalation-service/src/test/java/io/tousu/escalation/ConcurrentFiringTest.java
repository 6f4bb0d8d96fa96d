package io.tousu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tousu.escalation.messaging.DeadlineFiring;
import io.tousu.events.EventEnvelope;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.TestEvents;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Several firers (the service's own loop plus four more, each with its own transactions, as
 * replicas would have) race over the same due clocks: every deadline fires exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ConcurrentFiringTest {

    static final int COMPLAINTS = 60;

    @Inject
    TestClock clock;

    @Inject
    DeadlineFiring firing;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void racingFirersFireEveryDeadlineExactlyOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (EventPublisher events = new EventPublisher(bootstrap)) {
            for (int i = 0; i < COMPLAINTS; i++) {
                EventEnvelope received = TestEvents.complaintReceived("GD", "OTHER", "NORMAL", clock.instant());
                events.publish(received);
                ids.add(UUID.fromString(received.complaintId()));
            }
        }
        UUID[] keys = ids.toArray(new UUID[0]);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from tracked_complaints where complaint_id = any($1)", keys) == COMPLAINTS);

        // past the 4 h first-response deadline (and its warning) of every one of them at once
        clock.advance(Duration.ofHours(5));
        ExecutorService racers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> fired = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                fired.add(racers.submit(() -> {
                    int total = 0;
                    for (int pass = 0; pass < 20; pass++) {
                        total += fireOnce();
                    }
                    return total;
                }));
            }
            for (Future<Integer> f : fired) {
                f.get();
            }
        } finally {
            racers.shutdown();
        }

        String[] keyTexts = ids.stream().map(UUID::toString).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from outbox_events where event_type = 'SlaBreached' and event_key = any($1)",
                keyTexts) == COMPLAINTS);
        Map<String, Long> perComplaint = new HashMap<>();
        for (Row row : pool.preparedQuery("select event_key, count(*) as n from outbox_events "
                + "where event_type in ('SlaBreached', 'ComplaintEscalated') and event_key = any($1) "
                + "group by event_key").execute(Tuple.of(keyTexts)).await().indefinitely()) {
            perComplaint.put(row.getString("event_key"), row.getLong("n"));
        }
        assertThat(perComplaint).hasSize(COMPLAINTS).allSatisfy((id, n) -> assertThat(n)
                .as("one breach and one escalation of complaint %s", id).isEqualTo(2L));
    }

    /** One pass of a firer, as a replica's loop runs it. */
    int fireOnce() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(firing::fireDue);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object[] keys) {
        return pool.preparedQuery(sql).execute(Tuple.of(keys)).await().indefinitely().iterator().next().getLong(0);
    }
}
