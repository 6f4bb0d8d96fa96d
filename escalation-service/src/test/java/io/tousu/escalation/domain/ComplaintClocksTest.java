package io.tousu.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tousu.events.EventEnvelope;
import io.tousu.events.EventPayload;
import io.tousu.events.complaint.ComplaintCategoryChanged;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintReopened;
import io.tousu.events.complaint.ComplaintResolved;
import io.tousu.events.complaint.ComplaintStatusChanged;
import io.tousu.events.complaint.ComplaintUrged;
import io.tousu.events.complaint.CustomerWaitEnded;
import io.tousu.events.complaint.CustomerWaitStarted;
import io.tousu.events.complaint.PromiseBroken;
import io.tousu.events.complaint.PromiseMade;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.RegulatorRiskRaised;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.events.escalation.SlaWarning;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The clock arithmetic with a hand-moved "now": every instant below is exact. */
class ComplaintClocksTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    static final EscalationRules RULES = new EscalationRules(2, true, 60, Set.of("BILLING_DISPUTE"));

    final String id = UUID.randomUUID().toString();

    static SlaPolicy policy() {
        SlaPolicy p = new SlaPolicy();
        p.id = 7L;
        p.name = "test";
        p.firstResponseSeconds = Duration.ofHours(2).toSeconds();
        p.nextUpdateSeconds = Duration.ofHours(4).toSeconds();
        p.resolutionSeconds = Duration.ofHours(24).toSeconds();
        p.warnBeforePercent = 25;
        p.calendarMode = CalendarMode.ALWAYS;
        p.chain = new EscalationChainConverter()
                .convertToEntityAttribute("TEAM_LEAD=PT1H,MANAGER=PT2H,CENTRE_DIRECTOR=PT4H,PROVINCE");
        return p;
    }

    EventEnvelope event(EventPayload payload, Instant at) {
        return EventEnvelope.of(payload, "GD", id, at);
    }

    ComplaintClocks receive(List<String> repeatOf, List<String> reasons) {
        ComplaintReceived r = new ComplaintReceived("GD20261123000001", "HOTLINE", "ref", "Shenzhen", "138****5678",
                null, "NETWORK_QUALITY", null, "NORMAL", reasons, repeatOf, false, T0);
        return ComplaintClocks.receive(event(r, T0), r, policy(), WorkingTime.ALWAYS, RULES);
    }

    ComplaintClocks receive() {
        return receive(List.of(), List.of());
    }

    static SlaClock clock(ComplaintClocks c, ClockKind kind) {
        return c.clocks().stream().filter(k -> k.kind == kind).findFirst().orElseThrow();
    }

    static Instant at(Duration d) {
        return T0.plus(d);
    }

    static List<String> types(ComplaintClocks c) {
        return c.outgoing().stream().map(EventEnvelope::type).toList();
    }

    @Test
    void receiptArmsFirstResponseAndResolutionWithWarnings() {
        ComplaintClocks c = receive();
        assertThat(c.clocks()).extracting(k -> k.kind).containsExactly(ClockKind.FIRST_RESPONSE, ClockKind.RESOLUTION);
        SlaClock resolution = clock(c, ClockKind.RESOLUTION);
        assertThat(resolution.dueAt).isEqualTo(at(Duration.ofHours(24)));
        assertThat(resolution.warnAt).isEqualTo(at(Duration.ofHours(18)));
        assertThat(resolution.fireAt).isEqualTo(resolution.warnAt);
        assertThat(clock(c, ClockKind.FIRST_RESPONSE).dueAt).isEqualTo(at(Duration.ofHours(2)));
        assertThat(c.outgoing()).isEmpty();
    }

    @Test
    void firstContactStopsFirstResponseAndArmsNextUpdate() {
        ComplaintClocks c = receive();
        c.apply(event(new ComplaintStatusChanged("ASSIGNED", "IN_PROGRESS", null, at(Duration.ofMinutes(30))),
                at(Duration.ofMinutes(30))));
        assertThat(clock(c, ClockKind.FIRST_RESPONSE).state).isEqualTo(ClockState.STOPPED);
        assertThat(clock(c, ClockKind.NEXT_UPDATE).dueAt).isEqualTo(at(Duration.ofMinutes(270)));
        // the next update restarts on each update
        c.apply(event(new ComplaintStatusChanged("IN_PROGRESS", "PENDING_BACK_OFFICE", null, at(Duration.ofHours(3))),
                at(Duration.ofHours(3))));
        assertThat(clock(c, ClockKind.NEXT_UPDATE).dueAt).isEqualTo(at(Duration.ofHours(7)));
    }

    @Test
    void customerWaitPausesAndResumingContinuesWithTheTimeLeft() {
        ComplaintClocks c = receive();
        c.apply(event(new ComplaintStatusChanged("ASSIGNED", "IN_PROGRESS", null, at(Duration.ofHours(1))),
                at(Duration.ofHours(1))));
        c.apply(event(new CustomerWaitStarted("ID card copy", at(Duration.ofHours(3))), at(Duration.ofHours(3))));
        SlaClock resolution = clock(c, ClockKind.RESOLUTION);
        assertThat(resolution.state).isEqualTo(ClockState.PAUSED);
        assertThat(resolution.remainingSeconds).isEqualTo(Duration.ofHours(21).toSeconds());
        assertThat(resolution.fireAt).isNull();
        c.apply(event(new CustomerWaitEnded(36_000, at(Duration.ofHours(13))), at(Duration.ofHours(13))));
        assertThat(resolution.state).isEqualTo(ClockState.RUNNING);
        assertThat(resolution.dueAt).isEqualTo(at(Duration.ofHours(34)));
        assertThat(resolution.warnAt).isEqualTo(at(Duration.ofHours(28)));
        assertThat(clock(c, ClockKind.NEXT_UPDATE).dueAt).isEqualTo(at(Duration.ofHours(15)));
    }

    @Test
    void aWaitWhoseEndArrivesBeforeItsStartStillShiftsTheClocks() {
        ComplaintClocks c = receive();
        c.apply(event(new ComplaintStatusChanged("ASSIGNED", "IN_PROGRESS", null, at(Duration.ofHours(1))),
                at(Duration.ofHours(1))));
        c.apply(event(new CustomerWaitEnded(36_000, at(Duration.ofHours(13))), at(Duration.ofHours(13))));
        c.apply(event(new CustomerWaitStarted("ID card copy", at(Duration.ofHours(3))), at(Duration.ofHours(3))));
        SlaClock resolution = clock(c, ClockKind.RESOLUTION);
        assertThat(resolution.state).isEqualTo(ClockState.RUNNING);
        assertThat(resolution.dueAt).isEqualTo(at(Duration.ofHours(34)));
        assertThat(clock(c, ClockKind.NEXT_UPDATE).dueAt).isEqualTo(at(Duration.ofHours(15)));
    }

    @Test
    void warningThenBreachEscalatesOneLevelAtEachDeadlineUpToTheProvince() {
        ComplaintClocks c = receive();
        SlaClock resolution = clock(c, ClockKind.RESOLUTION);

        assertThat(c.fire(resolution, at(Duration.ofHours(17)))).isFalse();
        assertThat(c.fire(resolution, at(Duration.ofHours(18)))).isTrue();
        SlaWarning warning = c.outgoing().get(0).payloadAs(SlaWarning.class);
        assertThat(warning.remainingSeconds()).isEqualTo(Duration.ofHours(6).toSeconds());
        assertThat(types(c)).containsExactly("SlaWarning", "NotificationRequested");
        assertThat(resolution.fireAt).isEqualTo(at(Duration.ofHours(24)));

        c.fire(resolution, at(Duration.ofHours(24)));
        assertThat(types(c)).containsExactly("SlaWarning", "NotificationRequested", "SlaBreached",
                "ComplaintEscalated", "NotificationRequested");
        ComplaintEscalated first = c.outgoing().get(3).payloadAs(ComplaintEscalated.class);
        assertThat(first.fromLevel()).isZero();
        assertThat(first.levelName()).isEqualTo("TEAM_LEAD");
        assertThat(first.nextDeadline()).isEqualTo(at(Duration.ofHours(25)));

        c.fire(resolution, at(Duration.ofHours(25)));
        c.fire(resolution, at(Duration.ofHours(27)));
        c.fire(resolution, at(Duration.ofHours(31)));
        List<ComplaintEscalated> escalations = c.outgoing().stream().filter(e -> e.type().equals("ComplaintEscalated"))
                .map(e -> e.payloadAs(ComplaintEscalated.class)).toList();
        assertThat(escalations).extracting(ComplaintEscalated::levelName)
                .containsExactly("TEAM_LEAD", "MANAGER", "CENTRE_DIRECTOR", "PROVINCE");
        assertThat(escalations).extracting(ComplaintEscalated::nextDeadline).containsExactly(at(Duration.ofHours(25)),
                at(Duration.ofHours(27)), at(Duration.ofHours(31)), null);
        assertThat(c.outgoing().stream().filter(e -> e.type().equals("SlaBreached"))
                .map(e -> e.payloadAs(SlaBreached.class).level())).containsExactly(0, 1, 2, 3);
        assertThat(resolution.state).isEqualTo(ClockState.BREACHED);
        assertThat(resolution.firstBreachedAt).isEqualTo(at(Duration.ofHours(24)));
        assertThat(c.complaint().level).isEqualTo(4);
        assertThat(c.fire(resolution, at(Duration.ofHours(100)))).isFalse();
    }

    @Test
    void resolveStopsAndReopenRestartsTheFullTargetWhileALateResolveIsIgnored() {
        ComplaintClocks c = receive();
        c.apply(event(resolved(at(Duration.ofHours(5))), at(Duration.ofHours(5))));
        SlaClock resolution = clock(c, ClockKind.RESOLUTION);
        assertThat(resolution.state).isEqualTo(ClockState.STOPPED);
        assertThat(clock(c, ClockKind.FIRST_RESPONSE).state).isEqualTo(ClockState.STOPPED);

        c.apply(event(new ComplaintReopened("UNSATISFIED_FOLLOW_UP", 1, at(Duration.ofHours(30))),
                at(Duration.ofHours(30))));
        assertThat(resolution.state).isEqualTo(ClockState.RUNNING);
        assertThat(resolution.dueAt).isEqualTo(at(Duration.ofHours(54)));
        assertThat(clock(c, ClockKind.NEXT_UPDATE).dueAt).isEqualTo(at(Duration.ofHours(34)));

        // a resolve from before the reopen, delivered late, changes nothing
        c.apply(event(resolved(at(Duration.ofHours(20))), at(Duration.ofHours(20))));
        assertThat(resolution.state).isEqualTo(ClockState.RUNNING);
        assertThat(c.complaint().phase).isEqualTo(ComplaintPhase.OPEN);
    }

    @Test
    void businessHoursPolicyCountsOnlyOfficeHoursAroundGoldenWeek() {
        SlaPolicy p = policy();
        p.calendarMode = CalendarMode.BUSINESS_HOURS;
        p.calendarCode = "CN";
        Instant received = BusinessCalendarTest.local("2026-09-30T16:00");
        ComplaintReceived r = new ComplaintReceived("GD20260930000001", "HOTLINE", "ref", null, null, null, "OTHER",
                null, "LOW", List.of(), List.of(), false, received);
        ComplaintClocks c = ComplaintClocks.receive(event(r, received), r, p, BusinessCalendarTest.CN_2026, RULES);
        // 24 working hours: 2 h on 30 Sep, holiday 1-7 Oct, 9 h 8 Oct, 9 h 9 Oct, 4 h on make-up Saturday 10 Oct
        assertThat(clock(c, ClockKind.RESOLUTION).dueAt).isEqualTo(BusinessCalendarTest.local("2026-10-10T13:00"));
        assertThat(clock(c, ClockKind.FIRST_RESPONSE).dueAt).isEqualTo(BusinessCalendarTest.local("2026-09-30T18:00"));
    }

    @Test
    void repeatComplaintStartsAtTeamLeadAndUrgesEscalateFromTheSecond() {
        ComplaintClocks c = receive(List.of("earlier-complaint"), List.of());
        assertThat(c.complaint().level).isEqualTo(1);
        c.apply(event(new ComplaintUrged(1, "APP", at(Duration.ofHours(1))), at(Duration.ofHours(1))));
        assertThat(c.complaint().level).isEqualTo(1);
        c.apply(event(new ComplaintUrged(2, "APP", at(Duration.ofHours(2))), at(Duration.ofHours(2))));
        assertThat(c.complaint().level).isEqualTo(2);
        ComplaintEscalated urge = c.outgoing().stream().filter(e -> e.type().equals("ComplaintEscalated"))
                .map(e -> e.payloadAs(ComplaintEscalated.class)).reduce((a, b) -> b).orElseThrow();
        assertThat(urge.reason()).isEqualTo("URGE");
        assertThat(urge.nextDeadline()).isEqualTo(at(Duration.ofHours(2)));
    }

    @Test
    void regulatorRiskIsRaisedOnceWithItsReasons() {
        ComplaintClocks c = receive(List.of("earlier"), List.of("sensitive words: 3.15"));
        assertThat(c.complaint().riskScore).isEqualTo(50);
        assertThat(types(c)).doesNotContain("RegulatorRiskRaised");
        c.apply(event(new ComplaintUrged(1, "APP", at(Duration.ofHours(1))), at(Duration.ofHours(1))));
        RegulatorRiskRaised risk = c.outgoing().stream().filter(e -> e.type().equals("RegulatorRiskRaised"))
                .findFirst().orElseThrow().payloadAs(RegulatorRiskRaised.class);
        assertThat(risk.score()).isEqualTo(60);
        assertThat(risk.reasons()).containsExactly("REPEAT", "SENSITIVE_WORDS", "URGED");
        c.apply(event(new ComplaintUrged(2, "APP", at(Duration.ofHours(2))), at(Duration.ofHours(2))));
        assertThat(types(c).stream().filter("RegulatorRiskRaised"::equals)).hasSize(1);
        assertThat(c.complaint().riskScore).isEqualTo(70);
    }

    @Test
    void aPromiseIsAClockAndItsBreachEscalatesOnce() {
        ComplaintClocks c = receive();
        c.apply(event(new PromiseMade("p-1", "CALL_BACK", at(Duration.ofHours(4)), "agent-1", T0), T0));
        SlaClock promise = c.clocks().stream().filter(k -> k.kind == ClockKind.PROMISE).findFirst().orElseThrow();
        assertThat(promise.ref).isEqualTo("p-1");
        assertThat(promise.warnAt).isEqualTo(at(Duration.ofHours(3)));
        c.fire(promise, at(Duration.ofHours(3)));
        c.fire(promise, at(Duration.ofHours(4)));
        assertThat(promise.state).isEqualTo(ClockState.STOPPED);
        // intake reports the same broken promise afterwards: no second escalation
        c.apply(event(new PromiseBroken("p-1", at(Duration.ofHours(4)), at(Duration.ofHours(4).plusMinutes(1))),
                at(Duration.ofHours(4))));
        List<ComplaintEscalated> escalations = c.outgoing().stream().filter(e -> e.type().equals("ComplaintEscalated"))
                .map(e -> e.payloadAs(ComplaintEscalated.class)).toList();
        assertThat(escalations).extracting(ComplaintEscalated::reason).containsExactly("BROKEN_PROMISE");
        assertThat(c.complaint().brokenPromises).isEqualTo(1);
    }

    static ComplaintResolved resolved(Instant at) {
        return new ComplaintResolved(true, "STAFF", "agent-1", "REFUND", "refunded", null, false, true, false,
                "agent-1", at);
    }

    /** A policy for BILLING_DISPUTE with tighter targets, a 10-minute warning and a short chain. */
    static SlaPolicy billingPolicy() {
        SlaPolicy p = new SlaPolicy();
        p.id = 9L;
        p.name = "billing";
        p.category = "BILLING_DISPUTE";
        p.firstResponseSeconds = Duration.ofMinutes(90).toSeconds();
        p.nextUpdateSeconds = Duration.ofHours(2).toSeconds();
        p.resolutionSeconds = Duration.ofHours(12).toSeconds();
        p.warnBeforeSeconds = Duration.ofMinutes(10).toSeconds();
        p.calendarMode = CalendarMode.ALWAYS;
        p.chain = new EscalationChainConverter().convertToEntityAttribute("TEAM_LEAD=PT30M,PROVINCE");
        return p;
    }

    ComplaintClocks recategorise(ComplaintClocks c, Instant at) {
        c.apply(event(new ComplaintCategoryChanged("NETWORK_QUALITY", "BILLING_DISPUTE", "agent-1", at), at));
        assertThat(ComplaintClocks.rechoosesPolicy(event(new ComplaintCategoryChanged("NETWORK_QUALITY",
                "BILLING_DISPUTE", "agent-1", at), at))).isTrue();
        SlaPolicy chosen = c.choosePolicy(List.of(policy(), billingPolicy())).orElseThrow();
        assertThat(chosen.id).isEqualTo(9L);
        return c;
    }

    @Test
    void aCategoryChangeRechoosesThePolicyAndRecomputesOpenClocksFromTheirStartKeepingPauses() {
        ComplaintClocks c = receive();
        // an hour's wait for the customer: first response (2 h) due at 3 h, resolution (24 h) at 25 h
        c.apply(event(new CustomerWaitStarted("ID card copy", at(Duration.ofMinutes(30))), at(Duration.ofMinutes(30))));
        c.apply(event(new CustomerWaitEnded(3600, at(Duration.ofMinutes(90))), at(Duration.ofMinutes(90))));
        assertThat(clock(c, ClockKind.FIRST_RESPONSE).dueAt).isEqualTo(at(Duration.ofHours(3)));

        Instant changedAt = at(Duration.ofHours(2));
        recategorise(c, changedAt);
        assertThat(c.changePolicy(billingPolicy(), WorkingTime.ALWAYS, changedAt, "category changed to BILLING_DISPUTE"))
                .isEqualTo(2);

        // 1 h counted so far (30 min before the wait, 30 min after): 30 min left of the new 90 min
        SlaClock firstResponse = clock(c, ClockKind.FIRST_RESPONSE);
        assertThat(firstResponse.dueAt).isEqualTo(at(Duration.ofMinutes(150)));
        assertThat(firstResponse.warnAt).isEqualTo(at(Duration.ofMinutes(140)));
        // resolution: 1 h counted of the new 12 h, from 2 h on
        SlaClock resolution = clock(c, ClockKind.RESOLUTION);
        assertThat(resolution.dueAt).isEqualTo(at(Duration.ofHours(13)));
        assertThat(resolution.warnAt).isEqualTo(at(Duration.ofHours(13).minusMinutes(10)));
        assertThat(c.complaint().policyId).isEqualTo(9L);
        assertThat(c.complaint().category).isEqualTo("BILLING_DISPUTE");
        assertThat(c.history()).filteredOn(h -> h.at.equals(changedAt)).extracting(h -> h.action, h -> h.clock)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POLICY_CHANGED", null),
                        org.assertj.core.groups.Tuple.tuple("RECOMPUTED", "FIRST_RESPONSE"),
                        org.assertj.core.groups.Tuple.tuple("RECOMPUTED", "RESOLUTION"));

        // the new policy's warning, deadline and chain apply from now on
        assertThat(c.fire(firstResponse, at(Duration.ofMinutes(140)))).isTrue();
        assertThat(c.fire(firstResponse, at(Duration.ofMinutes(150)))).isTrue();
        ComplaintEscalated escalated = c.outgoing().stream().filter(e -> e.type().equals("ComplaintEscalated"))
                .findFirst().orElseThrow().payloadAs(ComplaintEscalated.class);
        assertThat(escalated.levelName()).isEqualTo("TEAM_LEAD");
        assertThat(escalated.nextDeadline()).isEqualTo(at(Duration.ofMinutes(180)));
    }

    @Test
    void aCategoryChangeKeepsBreachedDeadlinesAndShortensPausedClocksByTheDifference() {
        ComplaintClocks c = receive();
        SlaClock firstResponse = clock(c, ClockKind.FIRST_RESPONSE);
        c.fire(firstResponse, at(Duration.ofMinutes(90)));
        c.fire(firstResponse, at(Duration.ofHours(2)));
        assertThat(firstResponse.dueAt).isEqualTo(at(Duration.ofHours(3)));
        c.apply(event(new CustomerWaitStarted("meter reading", at(Duration.ofHours(2))), at(Duration.ofHours(2))));

        Instant changedAt = at(Duration.ofMinutes(150));
        recategorise(c, changedAt);
        assertThat(c.changePolicy(billingPolicy(), WorkingTime.ALWAYS, changedAt, "category changed")).isEqualTo(1);
        assertThat(firstResponse.remainingSeconds).as("the TEAM_LEAD deadline stays")
                .isEqualTo(Duration.ofHours(1).toSeconds());
        SlaClock resolution = clock(c, ClockKind.RESOLUTION);
        assertThat(resolution.remainingSeconds).isEqualTo(Duration.ofHours(10).toSeconds());

        c.apply(event(new CustomerWaitEnded(7200, at(Duration.ofHours(4))), at(Duration.ofHours(4))));
        assertThat(resolution.dueAt).isEqualTo(at(Duration.ofHours(14)));
        assertThat(c.changePolicy(billingPolicy(), WorkingTime.ALWAYS, at(Duration.ofHours(5)), "again"))
                .as("the policy it already has").isZero();
    }
}
