package io.tousu.intake.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.intake.domain.Action;
import io.tousu.intake.domain.Actor;
import io.tousu.intake.domain.ActorRole;
import io.tousu.intake.domain.Change;
import io.tousu.intake.domain.Channel;
import io.tousu.intake.domain.Complaint;
import io.tousu.intake.domain.ComplaintStatus;
import io.tousu.intake.domain.Priority;
import io.tousu.intake.messaging.ComplaintEvents;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The batched statements of new complaints, against the real database, several submissions at once. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class NewComplaintsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    NewComplaints newComplaints;

    @Inject
    Pool pool;

    @Test
    void aBatchStoresEachComplaintWithItsHistoryAndEventsUnlessItsChannelReferenceIsTaken() {
        String run = UUID.randomUUID().toString();
        NewComplaints.NewRow taken = row(run + "-taken", number());
        assertThat(newComplaints.insertAll(List.of(taken)).await().atMost(WAIT)).containsExactly(true);

        NewComplaints.NewRow first = row(run + "-a", number());
        NewComplaints.NewRow second = row(run + "-b", number());
        NewComplaints.NewRow sameRefAsFirst = row(run + "-a", number());
        NewComplaints.NewRow refTakenEarlier = row(run + "-taken", number());
        List<Boolean> stored = newComplaints.insertAll(List.of(first, second, sameRefAsFirst, refTakenEarlier))
                .await().atMost(WAIT);

        assertThat(stored).containsExactly(true, true, false, false);
        for (NewComplaints.NewRow row : List.of(first, second)) {
            UUID id = row.complaint().id;
            assertThat(count("select count(*) from complaints where id = $1", id)).isEqualTo(1);
            assertThat(count("select count(*) from complaint_history where complaint_id = $1", id)).isEqualTo(1);
            assertThat(count("select count(*) from outbox_events where event_key = $1", id.toString())).isEqualTo(1);
        }
        for (NewComplaints.NewRow row : List.of(sameRefAsFirst, refTakenEarlier)) {
            UUID id = row.complaint().id;
            assertThat(count("select count(*) from complaints where id = $1", id)).isZero();
            assertThat(count("select count(*) from complaint_history where complaint_id = $1", id)).isZero();
            assertThat(count("select count(*) from outbox_events where event_key = $1", id.toString())).isZero();
        }
        // events are queued in the order of the batch
        List<String> keys = pool.preparedQuery("select event_key from outbox_events where event_key = any($1) order by id")
                .execute(Tuple.of((Object) new String[] {second.complaint().id.toString(),
                        first.complaint().id.toString()}))
                .map(rows -> {
                    List<String> found = new ArrayList<>();
                    for (Row r : rows) {
                        found.add(r.getString(0));
                    }
                    return found;
                }).await().atMost(WAIT);
        assertThat(keys).containsExactly(first.complaint().id.toString(), second.complaint().id.toString());
    }

    @Test
    void aBatchOfLookUpsAnswersEachInItsOrder() {
        String run = UUID.randomUUID().toString();
        String frequent = number();
        String other = number();
        List<NewComplaints.NewRow> earlier = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            earlier.add(row(run + "-f" + i, frequent));
        }
        NewComplaints.NewRow sameText = row(run + "-o", other);
        sameText.complaint().descriptionHash = earlier.get(0).complaint().descriptionHash;
        earlier.add(sameText);
        newComplaints.insertAll(earlier).await().atMost(WAIT);

        Instant now = Instant.now();
        Instant dayAgo = now.minus(1, ChronoUnit.DAYS);
        Instant monthAgo = now.minus(30, ChronoUnit.DAYS);
        String hash = earlier.get(0).complaint().descriptionHash;
        List<NewComplaints.IntakeLookups> found = newComplaints.lookUpAll(List.of(
                new NewComplaints.Lookup(number(), "no-such-text", dayAgo, "BILLING_DISPUTE", monthAgo),
                new NewComplaints.Lookup(frequent, hash, dayAgo, "BILLING_DISPUTE", monthAgo),
                new NewComplaints.Lookup(frequent, hash, dayAgo, "NETWORK_QUALITY", monthAgo)))
                .await().atMost(WAIT);

        assertThat(found).hasSize(3);
        assertThat(found.get(0).abuse()).isEqualTo(new NewComplaints.AbuseCounts(0, 0));
        assertThat(found.get(0).repeatIds()).isEmpty();
        // three from this number, one other number with the same text, the three as repeats, newest first
        assertThat(found.get(1).abuse()).isEqualTo(new NewComplaints.AbuseCounts(3, 1));
        assertThat(found.get(1).repeatIds()).containsExactly(earlier.get(2).complaint().id,
                earlier.get(1).complaint().id, earlier.get(0).complaint().id);
        assertThat(found.get(1).repeatAwaitsReopen()).isFalse();
        // another category: the same abuse counts, no repeats
        assertThat(found.get(2).abuse()).isEqualTo(new NewComplaints.AbuseCounts(3, 1));
        assertThat(found.get(2).repeatIds()).isEmpty();
    }

    private long count(String sql, Object value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).map(rows -> rows.iterator().next().getLong(0))
                .await().atMost(WAIT);
    }

    private static String number() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A new complaint as intake builds one (received a millisecond after the one before). */
    private NewComplaints.NewRow row(String channelRef, String msisdn) {
        Instant now = Instant.now().plusMillis(sequence++);
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.ticketNo = "TT" + UUID.randomUUID().toString().substring(0, 20);
        c.channel = Channel.APP;
        c.channelRef = channelRef;
        c.province = "GD";
        c.city = "Shenzhen";
        c.msisdn = msisdn;
        c.category = "BILLING_DISPUTE";
        c.description = "charged twice " + channelRef;
        c.descriptionHash = "h-" + channelRef;
        c.status = ComplaintStatus.RECEIVED;
        c.priority = Priority.NORMAL;
        c.repeatOf = "";
        c.maliciousReasons = "";
        c.priorityReasons = "";
        c.receivedAt = now;
        c.updatedAt = now;
        Change received = new Change(c, new Actor("APP", ActorRole.CHANNEL, null, "GD"), Action.RECEIVE, now)
                .detail("received from APP").emit(ComplaintEvents.received(c));
        return new NewComplaints.NewRow(c, received.historyEntry(), received.envelopes());
    }

    private long sequence;
}
