package io.tousu.escalation.domain;

import io.tousu.escalation.domain.ClockHistoryEntry.Action;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventPayload;
import io.tousu.events.EventType;
import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.ComplaintCategoryChanged;
import io.tousu.events.complaint.ComplaintClosed;
import io.tousu.events.complaint.ComplaintHandedOff;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintReopened;
import io.tousu.events.complaint.ComplaintResolved;
import io.tousu.events.complaint.ComplaintStatusChanged;
import io.tousu.events.complaint.ComplaintUrged;
import io.tousu.events.complaint.CustomerWaitEnded;
import io.tousu.events.complaint.CustomerWaitStarted;
import io.tousu.events.complaint.InformationAdded;
import io.tousu.events.complaint.PromiseBroken;
import io.tousu.events.complaint.PromiseKept;
import io.tousu.events.complaint.PromiseMade;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.RegulatorRiskRaised;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.events.escalation.SlaWarning;
import io.tousu.events.notification.NotificationRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One complaint with its clocks: applies complaint events to the clocks, fires due clocks (warning,
 * breach, escalation one level up with the next level's deadline), and scores regulator risk.
 * Plain Java: what it changes is the entities it holds; what it emits (events, history, new clocks)
 * is collected for the caller to write in the same transaction.
 */
public final class ComplaintClocks {

    /** Statuses that mean someone has been in touch with the customer (first contact). */
    private static final Set<String> CONTACT_STATUSES = Set.of("IN_PROGRESS", "PENDING_CUSTOMER");
    /** Staff notices go to the agent desktop app. */
    private static final String STAFF_CHANNEL = "APP";

    private final TrackedComplaint complaint;
    private final List<SlaClock> clocks;
    private SlaPolicy policy;
    private WorkingTime calendar;
    private final EscalationRules rules;
    private final List<EventEnvelope> outgoing = new ArrayList<>();
    private final List<ClockHistoryEntry> history = new ArrayList<>();
    private final List<SlaClock> added = new ArrayList<>();

    public ComplaintClocks(TrackedComplaint complaint, List<SlaClock> clocks, SlaPolicy policy, WorkingTime calendar,
            EscalationRules rules) {
        this.complaint = complaint;
        this.clocks = new ArrayList<>(clocks);
        this.policy = policy;
        this.calendar = calendar;
        this.rules = rules;
    }

    /** A newly received complaint under {@code policy}: first-response and resolution clocks armed. */
    public static ComplaintClocks receive(EventEnvelope event, ComplaintReceived r, SlaPolicy policy,
            WorkingTime calendar, EscalationRules rules) {
        TrackedComplaint c = new TrackedComplaint();
        c.complaintId = UUID.fromString(event.complaintId());
        c.ticketNo = r.ticketNo();
        c.province = event.province();
        c.channel = r.channel();
        c.category = r.category();
        c.priority = r.priority();
        c.customerTier = r.customerTier();
        c.phase = ComplaintPhase.OPEN;
        c.phaseChangedAt = r.receivedAt();
        c.policyId = policy.id;
        c.receivedAt = r.receivedAt();
        c.repeat = r.repeatOf() != null && !r.repeatOf().isEmpty();
        List<String> reasons = r.priorityReasons() == null ? List.of() : r.priorityReasons();
        c.sensitiveWords = reasons.stream().anyMatch(s -> s.startsWith("sensitive words"));
        c.premiumCustomer = reasons.stream().anyMatch(s -> s.startsWith("premium customer tier"));
        c.riskReasons = "";
        c.updatedAt = r.receivedAt();
        ComplaintClocks aggregate = new ComplaintClocks(c, List.of(), policy, calendar, rules);
        aggregate.arm(ClockKind.FIRST_RESPONSE, r.receivedAt());
        aggregate.arm(ClockKind.RESOLUTION, r.receivedAt());
        if (c.repeat && rules.repeatEscalates()) {
            aggregate.escalate("REPEAT", r.receivedAt());
        }
        aggregate.assessRisk(r.receivedAt());
        return aggregate;
    }

    public TrackedComplaint complaint() {
        return complaint;
    }

    public List<SlaClock> clocks() {
        return List.copyOf(clocks);
    }

    /** Events to write to the outbox, in order. */
    public List<EventEnvelope> outgoing() {
        return List.copyOf(outgoing);
    }

    /** History lines to append. */
    public List<ClockHistoryEntry> history() {
        return List.copyOf(history);
    }

    /** Clocks created by this change, to persist. */
    public List<SlaClock> added() {
        return List.copyOf(added);
    }

    /** Applies one complaint event (any but ComplaintReceived). Events this service does not time are ignored. */
    public void apply(EventEnvelope event) {
        Instant at = switch (event.knownType().orElseThrow()) {
            case COMPLAINT_ASSIGNED -> assigned(event.payloadAs(ComplaintAssigned.class));
            case COMPLAINT_HANDED_OFF -> handedOff(event.payloadAs(ComplaintHandedOff.class));
            case COMPLAINT_STATUS_CHANGED -> statusChanged(event.payloadAs(ComplaintStatusChanged.class));
            case COMPLAINT_CATEGORY_CHANGED -> categoryChanged(event.payloadAs(ComplaintCategoryChanged.class));
            case CUSTOMER_WAIT_STARTED -> waitStarted(event.payloadAs(CustomerWaitStarted.class).startedAt());
            case CUSTOMER_WAIT_ENDED -> waitEnded(event.payloadAs(CustomerWaitEnded.class).endedAt());
            case PROMISE_MADE -> promiseMade(event.payloadAs(PromiseMade.class));
            case PROMISE_KEPT -> promiseKept(event.payloadAs(PromiseKept.class));
            case PROMISE_BROKEN -> promiseBroken(event.payloadAs(PromiseBroken.class));
            case COMPLAINT_URGED -> urged(event.payloadAs(ComplaintUrged.class));
            case INFORMATION_ADDED -> informationAdded(event.payloadAs(InformationAdded.class));
            case COMPLAINT_RESOLVED -> resolved(event.payloadAs(ComplaintResolved.class).resolvedAt());
            case COMPLAINT_REOPENED -> reopened(event.payloadAs(ComplaintReopened.class));
            case COMPLAINT_CLOSED -> closed(event.payloadAs(ComplaintClosed.class).closedAt());
            default -> null;
        };
        if (at != null) {
            complaint.updatedAt = at;
            assessRisk(at);
        }
    }

    /** Whether {@code event} changes a field policies are chosen by, so that the caller chooses the policy again. */
    public static boolean rechoosesPolicy(EventEnvelope event) {
        return event.knownType().orElse(null) == EventType.COMPLAINT_CATEGORY_CHANGED;
    }

    /** The policy the complaint's province, channel, category and priority choose now among {@code policies}. */
    public Optional<SlaPolicy> choosePolicy(List<SlaPolicy> policies) {
        return PolicySelector.select(policies, complaint.province, complaint.channel, complaint.category,
                complaint.priority);
    }

    /** The policy the clocks run under. */
    public SlaPolicy policy() {
        return policy;
    }

    /**
     * The complaint now falls under {@code chosen} (counting time by {@code time}), e.g. after a
     * change of category: from {@code at} on, the open clocks run to the new policy's targets as
     * if armed under it at their start, keeping the time they have used and their pauses (a clock
     * that has used more than its new target is due at once). Breached clocks keep their escalation
     * deadlines, promises their own due times; the next escalation follows the new chain. Recorded
     * in the history.
     *
     * @return how many clocks were recomputed; 0 also when {@code chosen} is the current policy
     */
    public int changePolicy(SlaPolicy chosen, WorkingTime time, Instant at, String reason) {
        if (chosen.id.equals(policy.id)) {
            return 0;
        }
        SlaPolicy before = policy;
        WorkingTime timeBefore = calendar;
        policy = chosen;
        calendar = time;
        complaint.policyId = chosen.id;
        history.add(ClockHistoryEntry.of(complaint, null, Action.POLICY_CHANGED, at, reason + ": policy "
                + before.id + " (" + before.name + ") -> " + chosen.id + " (" + chosen.name + ")"));
        int recomputed = 0;
        for (SlaClock clock : clocks) {
            if (clock.kind == ClockKind.PROMISE) {
                continue;
            }
            Duration target = chosen.target(clock.kind);
            WorkingTime counted = clock.calendarCode == null ? WorkingTime.ALWAYS : timeBefore;
            if (clock.retarget(at, target.minus(before.target(clock.kind)), chosen.warnBefore(target), calendarCode(),
                    counted, timeOf(calendarCode()))) {
                recomputed++;
                record(clock, Action.RECOMPUTED, at, "policy " + chosen.id + ", target " + target + ", "
                        + (clock.state == ClockState.PAUSED ? clock.remainingSeconds + " s left, paused" : "due "
                                + clock.dueAt));
            }
        }
        return recomputed;
    }

    /**
     * Fires a clock that is due at {@code now}: warns the owner at warning time; at the due time
     * records the breach and escalates one level, arming the next level's deadline on the clock.
     *
     * @return false when the clock was not due (changed since it was claimed)
     */
    public boolean fire(SlaClock clock, Instant now) {
        if (clock.state != ClockState.RUNNING || clock.fireAt == null || clock.fireAt.isAfter(now)) {
            return false;
        }
        if (clock.warningDue(now)) {
            warn(clock, now);
        } else {
            breach(clock, now);
        }
        complaint.updatedAt = now;
        assessRisk(now);
        return true;
    }

    // --- complaint events -------------------------------------------------------------------------------------

    private Instant assigned(ComplaintAssigned a) {
        changeOwner(a.ownerId(), a.teamId(), a.assignedAt());
        return a.assignedAt();
    }

    private Instant handedOff(ComplaintHandedOff h) {
        changeOwner(h.toOwnerId(), h.toTeamId(), h.handedOffAt());
        return h.handedOffAt();
    }

    private void changeOwner(String ownerId, String teamId, Instant at) {
        if (complaint.ownerSince == null || !at.isBefore(complaint.ownerSince)) {
            complaint.ownerId = ownerId;
            complaint.teamId = teamId;
            complaint.ownerSince = at;
        }
    }

    private Instant statusChanged(ComplaintStatusChanged s) {
        Instant at = s.changedAt();
        if (CONTACT_STATUSES.contains(s.toStatus())) {
            firstContact(at);
        }
        customerUpdated(at);
        return at;
    }

    private Instant categoryChanged(ComplaintCategoryChanged c) {
        complaint.category = c.toCategory();
        clocks.forEach(clock -> clock.category = c.toCategory());
        return c.changedAt();
    }

    private Instant waitStarted(Instant at) {
        if (complaint.waitingSince != null) {
            return at;
        }
        complaint.waitingSince = at;
        for (SlaClock clock : clocks) {
            if (clock.kind != ClockKind.PROMISE && clock.accepts(at) && clock.pause(at, timeOf(clock))) {
                record(clock, Action.PAUSED, at, "waiting for the customer");
            }
        }
        if (complaint.lastWaitEndedAt != null && complaint.lastWaitEndedAt.isAfter(at)) {
            // the end of this wait arrived first: it is already over
            waitEnded(complaint.lastWaitEndedAt);
        }
        return at;
    }

    private Instant waitEnded(Instant at) {
        complaint.lastWaitEndedAt = at;
        if (complaint.waitingSince == null) {
            return at;
        }
        complaint.waitingSince = null;
        for (SlaClock clock : clocks) {
            if (clock.accepts(at) && clock.resume(at, timeOf(clock))) {
                record(clock, Action.RESUMED, at, "due " + clock.dueAt);
            }
        }
        return at;
    }

    private Instant promiseMade(PromiseMade p) {
        if (find(ClockKind.PROMISE, p.promiseId()).isEmpty()) {
            Duration window = WorkingTime.ALWAYS.between(p.madeAt(), p.dueAt());
            Duration warnBefore = policy.warnBefore(window);
            // a promise due sooner than the warning would be warned about as it is made: no warning then
            SlaClock clock = SlaClock.arm(complaint, ClockKind.PROMISE, p.promiseId(), p.madeAt(), window,
                    warnBefore.compareTo(window) < 0 ? warnBefore : Duration.ZERO, null, WorkingTime.ALWAYS);
            add(clock, p.madeAt(), p.kind() + " promised by " + p.madeBy());
        }
        firstContact(p.madeAt());
        return p.madeAt();
    }

    private Instant promiseKept(PromiseKept p) {
        find(ClockKind.PROMISE, p.promiseId()).filter(c -> c.state.isOpen() && c.accepts(p.keptAt())).ifPresent(c -> {
            c.stop(p.keptAt());
            record(c, Action.STOPPED, p.keptAt(), "promise kept");
        });
        customerUpdated(p.keptAt());
        return p.keptAt();
    }

    /** Intake noticed a broken promise; escalates unless this service's own promise clock already did. */
    private Instant promiseBroken(PromiseBroken p) {
        Instant at = p.detectedAt();
        Optional<SlaClock> clock = find(ClockKind.PROMISE, p.promiseId());
        if (clock.isPresent() && clock.get().firstBreachedAt != null) {
            return at;
        }
        clock.ifPresent(c -> {
            c.firstBreachedAt = c.dueAt;
            c.stop(at);
            record(c, Action.BREACHED, at, "promise broken");
        });
        brokenPromise(at);
        return at;
    }

    private Instant urged(ComplaintUrged u) {
        complaint.urgeCount = Math.max(complaint.urgeCount, u.urgeCount());
        if (rules.urgesToEscalate() > 0 && u.urgeCount() >= rules.urgesToEscalate()
                && complaint.phase == ComplaintPhase.OPEN) {
            escalate("URGE", u.urgedAt());
        }
        return u.urgedAt();
    }

    private Instant informationAdded(InformationAdded i) {
        if ("AGENT".equals(i.source())) {
            customerUpdated(i.addedAt());
        }
        return i.addedAt();
    }

    private Instant resolved(Instant at) {
        if (complaint.phaseChangedAt.isAfter(at)) {
            return at;
        }
        complaint.phase = ComplaintPhase.RESOLVED;
        complaint.phaseChangedAt = at;
        firstContact(at);
        for (SlaClock clock : clocks) {
            if (clock.kind != ClockKind.PROMISE) {
                stop(clock, at, "resolved");
            }
        }
        return at;
    }

    private Instant reopened(ComplaintReopened r) {
        Instant at = r.reopenedAt();
        complaint.reopenCount = Math.max(complaint.reopenCount, r.reopenCount());
        if (complaint.phaseChangedAt.isAfter(at)) {
            return at;
        }
        complaint.phase = ComplaintPhase.OPEN;
        complaint.phaseChangedAt = at;
        restartOrArm(ClockKind.RESOLUTION, at, "reopened: " + r.reason());
        restartOrArm(ClockKind.NEXT_UPDATE, at, "reopened");
        return at;
    }

    private Instant closed(Instant at) {
        complaint.phase = ComplaintPhase.CLOSED;
        complaint.phaseChangedAt = at;
        clocks.forEach(clock -> stop(clock, at, "closed"));
        return at;
    }

    /** The first contact stops the first-response clock and arms the next-update clock. */
    private void firstContact(Instant at) {
        if (complaint.firstContactAt != null && !at.isBefore(complaint.firstContactAt)) {
            return;
        }
        complaint.firstContactAt = at;
        find(ClockKind.FIRST_RESPONSE, "").ifPresent(c -> stop(c, at, "first contact"));
        if (find(ClockKind.NEXT_UPDATE, "").isEmpty() && complaint.phase == ComplaintPhase.OPEN) {
            arm(ClockKind.NEXT_UPDATE, at);
        }
    }

    /** The customer heard from us: the next-update clock starts over. */
    private void customerUpdated(Instant at) {
        find(ClockKind.NEXT_UPDATE, "")
                .filter(c -> c.state.isOpen() && c.accepts(at) && complaint.phase == ComplaintPhase.OPEN)
                .ifPresent(c -> restart(c, at, "customer updated"));
    }

    // --- firing -----------------------------------------------------------------------------------------------

    private void warn(SlaClock clock, Instant now) {
        long remaining = Duration.between(now, clock.dueAt).toSeconds();
        emit(new SlaWarning(clock.kind.name(), clock.dueAt, remaining, complaint.ownerId, now), now);
        Map<String, String> params = params();
        params.put("clock", clock.kind.name());
        params.put("dueAt", clock.dueAt.toString());
        if (complaint.ownerId != null) {
            notify("OWNER", complaint.ownerId, "SLA_WARNING", params, now);
        } else {
            notify("MANAGER", recipient(EscalationLevel.TEAM_LEAD), "SLA_WARNING_UNOWNED", params, now);
        }
        clock.warned();
        record(clock, Action.WARNED, now, "due " + clock.dueAt);
    }

    private void breach(SlaClock clock, Instant now) {
        complaint.breachCount++;
        emit(new SlaBreached(clock.kind.name(), clock.dueAt, complaint.level, now), now);
        record(clock, Action.BREACHED, now, "was due " + clock.dueAt);
        if (clock.kind == ClockKind.PROMISE) {
            clock.firstBreachedAt = clock.dueAt;
            clock.stop(now);
            brokenPromise(now);
            return;
        }
        EscalationStep next = policy.step(complaint.level + 1);
        if (next == null) {
            clock.exhausted();
            return;
        }
        if (next.deadline() == null) {
            clock.exhausted();
            raise(next.level(), "BREACH", null, now);
        } else {
            clock.nextDeadline(now, next.deadline(), timeOf(clock));
            raise(next.level(), "BREACH", clock.dueAt, now);
        }
    }

    private void brokenPromise(Instant at) {
        complaint.brokenPromises++;
        if (complaint.phase == ComplaintPhase.OPEN) {
            escalate("BROKEN_PROMISE", at);
        }
    }

    /** Escalates one level for a reason other than a deadline; the next deadline is the earliest one running. */
    private void escalate(String reason, Instant at) {
        EscalationStep next = policy.step(complaint.level + 1);
        if (next == null) {
            return;
        }
        Instant nextDeadline = clocks.stream()
                .filter(c -> c.state == ClockState.RUNNING && c.kind != ClockKind.PROMISE)
                .map(c -> c.dueAt).min(Comparator.naturalOrder()).orElse(null);
        raise(next.level(), reason, nextDeadline, at);
    }

    private void raise(EscalationLevel to, String reason, Instant nextDeadline, Instant at) {
        int from = complaint.level;
        complaint.level = to.number();
        emit(new ComplaintEscalated(from, to.number(), to.name(), reason, nextDeadline, at), at);
        Map<String, String> params = params();
        params.put("level", to.name());
        params.put("reason", reason);
        if (nextDeadline != null) {
            params.put("nextDeadline", nextDeadline.toString());
        }
        notify("MANAGER", recipient(to), "COMPLAINT_ESCALATED", params, at);
        history.add(ClockHistoryEntry.of(complaint, null, Action.ESCALATED, at, reason + ": level " + from + " -> "
                + to.number() + " " + to.name()));
    }

    private void assessRisk(Instant at) {
        RegulatorRisk.Assessment risk = RegulatorRisk.assess(complaint, rules.riskyCategories());
        complaint.riskScore = risk.score();
        complaint.riskReasons = String.join(",", risk.reasons());
        if (risk.score() >= rules.riskThreshold() && complaint.riskRaisedAt == null
                && complaint.phase == ComplaintPhase.OPEN) {
            complaint.riskRaisedAt = at;
            emit(new RegulatorRiskRaised(risk.score(), risk.reasons(), at), at);
            history.add(ClockHistoryEntry.of(complaint, null, Action.RISK_RAISED, at,
                    risk.score() + " " + complaint.riskReasons));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void arm(ClockKind kind, Instant at) {
        Duration target = policy.target(kind);
        SlaClock clock = SlaClock.arm(complaint, kind, "", at, target, policy.warnBefore(target), calendarCode(),
                calendar);
        add(clock, at, "due " + clock.dueAt);
    }

    private void add(SlaClock clock, Instant at, String detail) {
        clocks.add(clock);
        added.add(clock);
        record(clock, Action.ARMED, at, detail);
        pauseIfWaiting(clock, at);
    }

    private void restartOrArm(ClockKind kind, Instant at, String detail) {
        Optional<SlaClock> clock = find(kind, "");
        if (clock.isEmpty()) {
            arm(kind, at);
        } else if (clock.get().accepts(at)) {
            restart(clock.get(), at, detail);
        }
    }

    private void restart(SlaClock clock, Instant at, String detail) {
        clock.restart(at, policy.target(clock.kind), timeOf(clock));
        record(clock, Action.RESTARTED, at, detail + ", due " + clock.dueAt);
        pauseIfWaiting(clock, at);
    }

    private void pauseIfWaiting(SlaClock clock, Instant at) {
        if (complaint.waitingSince != null && clock.kind != ClockKind.PROMISE && clock.pause(at, timeOf(clock))) {
            record(clock, Action.PAUSED, at, "waiting for the customer");
        }
    }

    private void stop(SlaClock clock, Instant at, String why) {
        if (clock.state.isOpen() && clock.accepts(at)) {
            clock.stop(at);
            record(clock, Action.STOPPED, at, why);
        }
    }

    private Optional<SlaClock> find(ClockKind kind, String ref) {
        return clocks.stream().filter(c -> c.kind == kind && c.ref.equals(ref)).findFirst();
    }

    private WorkingTime timeOf(SlaClock clock) {
        return timeOf(clock.calendarCode);
    }

    private WorkingTime timeOf(String calendarCode) {
        return calendarCode == null ? WorkingTime.ALWAYS : calendar;
    }

    private String calendarCode() {
        return policy.calendarMode == CalendarMode.BUSINESS_HOURS ? policy.calendarCode : null;
    }

    /** Who stands for a level: the gateway resolves {@code TEAM_LEAD:team-7} (or {@code :GD} without a team). */
    private String recipient(EscalationLevel level) {
        return level.name() + ":" + (complaint.teamId != null ? complaint.teamId : complaint.province);
    }

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ticketNo", complaint.ticketNo);
        params.put("category", complaint.category);
        return params;
    }

    private void notify(String audience, String recipientId, String template, Map<String, String> params,
            Instant at) {
        emit(new NotificationRequested(UUID.randomUUID().toString(), audience, recipientId, STAFF_CHANNEL, template,
                Map.copyOf(params), at), at);
    }

    private void emit(EventPayload payload, Instant at) {
        outgoing.add(EventEnvelope.of(payload, complaint.province, complaint.complaintId.toString(), at));
    }

    private void record(SlaClock clock, Action action, Instant at, String detail) {
        history.add(ClockHistoryEntry.of(complaint, clock, action, at, detail));
    }
}
