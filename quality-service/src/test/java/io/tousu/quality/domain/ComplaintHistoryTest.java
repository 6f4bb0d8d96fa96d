package io.tousu.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tousu.events.EventEnvelope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComplaintHistoryTest {

    static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

    static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    @Test
    void theHistoryGathersWhatQualityNeeds() {
        Lifecycle c = new Lifecycle("GD", T0).received("HOTLINE", "BILLING_DISPUTE", false)
                .assigned(m(5), "a-1", "front-1").started(m(20)).promise(m(25), "p1", "a-1", h(2))
                .handedOff(m(30), "a-1", "billing-back").handedBack(h(3), "a-1", "front-1").kept(h(2), "p1")
                .resolved(h(4), "a-1", true, "STAFF", new BigDecimal("50.00")).escalated(h(1), 1)
                .followedUp(h(30), true).closed(h(30).plusMinutes(1))
                .categoryChanged(h(31), "BILLING_DISPUTE", "VALUE_ADDED_SP", "qa-1");
        ComplaintHistory h = c.history();
        assertThat(h.channel()).isEqualTo("HOTLINE");
        assertThat(h.category()).isEqualTo("VALUE_ADDED_SP");
        assertThat(h.agentId()).isEqualTo("a-1");
        assertThat(h.teamId()).isEqualTo("front-1");
        assertThat(h.firstContactAt()).isEqualTo(T0.plus(m(20)));
        assertThat(h.handOffs()).hasSize(2);
        assertThat(h.handOffs().get(0).answeredAt()).isEqualTo(T0.plus(h(3)));
        assertThat(h.promises()).singleElement().satisfies(p -> assertThat(p.keptAt()).isEqualTo(T0.plus(h(2))));
        assertThat(h.isResolved()).isTrue();
        assertThat(h.followedUpAt()).isEqualTo(T0.plus(h(30)));
        assertThat(h.closedAt()).isNotNull();
        assertThat(h.categoryChangesAfterResolution()).isEqualTo(1);
        assertThat(h.categoryChangedBy()).isEqualTo("qa-1");
        assertThat(h.escalationLevel()).isEqualTo(1);
        assertThat(HighRiskRules.reasons(h)).containsExactly("COMPENSATION", "ESCALATED", "STAFF_SUBSTANTIATED");
    }

    @Test
    void eventsSortedByTimeGiveTheSameHistoryWhateverOrderTheyArrivedIn() {
        Lifecycle c = new Lifecycle("GD", T0).received("REGULATOR", "OTHER", true).assigned(m(5), "a-2", "t-2")
                .started(m(50)).promise(m(55), "p1", "a-2", h(1)).broken(h(2), "p1", T0.plus(h(1)))
                .resolved(h(5), "a-2", false, "NONE", null).reopened(h(20), 1)
                .resolved(h(30), "a-2", false, "NONE", null).closed(h(31));
        List<EventEnvelope> shuffled = new ArrayList<>(c.events());
        Collections.shuffle(shuffled, new Random(3));
        ComplaintHistory h = ComplaintHistory.of(shuffled.stream()
                .sorted(Comparator.comparing(EventEnvelope::occurredAt)).toList());
        assertThat(h.round()).isEqualTo(1);
        assertThat(h.isResolved()).isTrue();
        assertThat(h.promises()).singleElement().satisfies(p -> assertThat(p.brokenAt()).isNotNull());
        assertThat(HighRiskRules.reasons(h)).containsExactly("REGULATOR", "REPEAT", "REOPENED");
    }

    @Test
    void aPromiseClockRunningOutBreaksThePromiseDueThenAndNoOther() {
        Lifecycle c = new Lifecycle("GD", T0).received("HOTLINE", "BILLING_DISPUTE", false)
                .assigned(m(5), "a-4", "front-4").handedOff(m(10), "a-4", "billing-back")
                .promise(m(15), "p-late", "b-7", h(1)).promise(m(16), "p-kept", "b-7", h(2))
                .kept(h(1), "p-kept")
                // a breach of another clock, and one of a due time no promise has, change no promise
                .breached(m(90), "RESOLUTION").promiseClockRanOut(m(91), T0.plus(h(5)))
                .promiseClockRanOut(m(75).plusSeconds(1), T0.plus(m(75)));
        ComplaintHistory h = c.history();
        assertThat(h.promises()).extracting(ComplaintHistory.Promise::promiseId, ComplaintHistory.Promise::brokenAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p-late", T0.plus(m(75)).plusSeconds(1)),
                        org.assertj.core.groups.Tuple.tuple("p-kept", null));
        assertThat(h.slaBreaches()).containsExactlyInAnyOrder("PROMISE", "RESOLUTION", "PROMISE");
        assertThat(new AutomaticItems(h(2), h(24)).evaluate(h, T0.plus(h(3))).get(AutoCheck.PROMISE_KEPT).passed()).isFalse();
    }

    @Test
    void aReopenedComplaintIsNoLongerResolved() {
        ComplaintHistory h = new Lifecycle("GD", T0).received("APP", "OTHER", false)
                .resolved(h(1), "a-3", false, "NONE", null).reopened(h(2), 1).history();
        assertThat(h.isResolved()).isFalse();
        assertThat(h.isFinished()).isFalse();
        assertThat(h.round()).isEqualTo(1);
    }

    @Test
    void aStaffComplaintNotSubstantiatedIsNotHighRisk() {
        ComplaintHistory h = new Lifecycle("GD", T0).received("APP", "STAFF_ATTITUDE", false)
                .resolved(h(1), "a-3", false, "STAFF", BigDecimal.ZERO).history();
        assertThat(HighRiskRules.reasons(h)).isEmpty();
    }
}
