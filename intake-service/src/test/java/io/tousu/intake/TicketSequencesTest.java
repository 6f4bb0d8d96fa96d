package io.tousu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.config.IntakeConfig;
import io.tousu.intake.repository.TicketSequences;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ticket sequence numbers come from blocks reserved in the database: unique across replicas, per day. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class TicketSequencesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TicketSequences sequences;

    @Inject
    Pool pool;

    @Inject
    IntakeConfig config;

    @Test
    void concurrentRequestsOnTwoReplicasNeverGetTheSameNumber() {
        LocalDate day = LocalDate.of(2031, 3, 15);
        TicketSequences otherReplica = new TicketSequences(pool, config);
        List<Uni<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            requests.add((i % 3 == 0 ? otherReplica : sequences).next("T1", day));
        }
        List<Integer> numbers = Uni.join().all(requests).andFailFast().await().atMost(WAIT);

        Set<Integer> distinct = new HashSet<>(numbers);
        assertThat(distinct).hasSize(300);
        assertThat(numbers).allMatch(n -> n >= 1);
        // every number handed out was reserved in the counter row, whole blocks at a time
        int reserved = counter("T1", day);
        assertThat(numbers).allMatch(n -> n <= reserved);
        assertThat(reserved % config.ticketBlock()).isZero();
    }

    @Test
    void eachDayAndProvinceCountsFromOne() {
        LocalDate day = LocalDate.of(2031, 4, 1);
        assertThat(sequences.next("T2", day).await().atMost(WAIT)).isEqualTo(1);
        assertThat(sequences.next("T2", day).await().atMost(WAIT)).isEqualTo(2);
        assertThat(sequences.next("T3", day).await().atMost(WAIT)).isEqualTo(1);
        assertThat(sequences.next("T2", day.plusDays(1)).await().atMost(WAIT)).isEqualTo(1);
        // a replica starting later continues after the blocks reserved so far: a gap, never a repeat
        int next = new TicketSequences(pool, config).next("T2", day).await().atMost(WAIT);
        assertThat(next).isEqualTo(config.ticketBlock() + 1);
    }

    private int counter(String province, LocalDate day) {
        return pool.preparedQuery("select last_seq from ticket_counters where province = $1 and day = $2")
                .execute(Tuple.of(province, day)).await().atMost(WAIT).iterator().next().getInteger(0);
    }
}
