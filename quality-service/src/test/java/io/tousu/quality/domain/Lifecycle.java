package io.tousu.quality.domain;

import io.tousu.events.EventEnvelope;
import io.tousu.events.EventPayload;
import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.ComplaintCategoryChanged;
import io.tousu.events.complaint.ComplaintClosed;
import io.tousu.events.complaint.ComplaintFollowedUp;
import io.tousu.events.complaint.ComplaintHandedOff;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintReopened;
import io.tousu.events.complaint.ComplaintResolved;
import io.tousu.events.complaint.ComplaintStatusChanged;
import io.tousu.events.complaint.NoteAdded;
import io.tousu.events.complaint.PromiseBroken;
import io.tousu.events.complaint.PromiseKept;
import io.tousu.events.complaint.PromiseMade;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.SlaBreached;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds one complaint's events the way intake and escalation publish them, each a given time after
 * receipt. Shared by the plain and the Quarkus tests.
 */
public final class Lifecycle {

    public final UUID id = UUID.randomUUID();
    public final String province;
    public final Instant start;
    private final List<EventEnvelope> events = new ArrayList<>();

    public Lifecycle(String province, Instant start) {
        this.province = province;
        this.start = start;
    }

    public Lifecycle received(String channel, String category, boolean repeat) {
        String ticket = province + "20261122" + String.format("%06d", Math.abs(id.getLeastSignificantBits() % 1_000_000));
        return add(Duration.ZERO, new ComplaintReceived(ticket, channel, "ref-" + id, "Guangzhou", "138****5678", null,
                category, null, "NORMAL", List.of(), repeat ? List.of(UUID.randomUUID().toString()) : List.of(), false,
                start));
    }

    public Lifecycle assigned(Duration after, String owner, String team) {
        return add(after, new ComplaintAssigned(owner, owner, team, "FRONT", "SYSTEM", start.plus(after)));
    }

    public Lifecycle started(Duration after) {
        return add(after, new ComplaintStatusChanged("ASSIGNED", "IN_PROGRESS", null, start.plus(after)));
    }

    public Lifecycle handedOff(Duration after, String fromOwner, String toTeam) {
        return add(after, new ComplaintHandedOff("FRONT", "BACK", fromOwner, null, toTeam, "needs billing",
                start.plus(after)));
    }

    public Lifecycle handedBack(Duration after, String toOwner, String toTeam) {
        return add(after, new ComplaintHandedOff("BACK", "FRONT", null, toOwner, toTeam, "done", start.plus(after)));
    }

    public Lifecycle promise(Duration after, String promiseId, String by, Duration dueIn) {
        return add(after, new PromiseMade(promiseId, "CALL_BACK", start.plus(after).plus(dueIn), by, start.plus(after)));
    }

    public Lifecycle kept(Duration after, String promiseId) {
        return add(after, new PromiseKept(promiseId, start.plus(after)));
    }

    public Lifecycle broken(Duration after, String promiseId, Instant dueAt) {
        return add(after, new PromiseBroken(promiseId, dueAt, start.plus(after)));
    }

    public Lifecycle note(Duration after, String author, String text) {
        return add(after, new NoteAdded(author, text, start.plus(after)));
    }

    public Lifecycle resolved(Duration after, String by, boolean substantiated, String responsibility,
            BigDecimal compensation) {
        return resolved(after, by, substantiated, responsibility, compensation, false, "fixed");
    }

    public Lifecycle resolved(Duration after, String by, boolean substantiated, String responsibility,
            BigDecimal compensation, boolean approved, String summary) {
        return add(after, new ComplaintResolved(substantiated, responsibility,
                "STAFF".equals(responsibility) ? by : null, "REFUND", summary, compensation, approved, false, false, by,
                start.plus(after)));
    }

    public Lifecycle followedUp(Duration after, boolean satisfied) {
        return add(after, new ComplaintFollowedUp(satisfied, satisfied, null, start.plus(after)));
    }

    public Lifecycle reopened(Duration after, int count) {
        return add(after, new ComplaintReopened("UNSATISFIED_FOLLOW_UP", count, start.plus(after)));
    }

    public Lifecycle closed(Duration after) {
        return add(after, new ComplaintClosed(start.plus(after)));
    }

    public Lifecycle categoryChanged(Duration after, String from, String to, String by) {
        return add(after, new ComplaintCategoryChanged(from, to, by, start.plus(after)));
    }

    public Lifecycle escalated(Duration after, int toLevel) {
        return add(after, new ComplaintEscalated(toLevel - 1, toLevel, "TEAM_LEAD", "BREACH", null, start.plus(after)));
    }

    public Lifecycle breached(Duration after, String clock) {
        return add(after, new SlaBreached(clock, start.plus(after), 0, start.plus(after)));
    }

    /** Escalation's promise clock ran out: a PROMISE breach of the promise due at {@code dueAt}, detected {@code after}. */
    public Lifecycle promiseClockRanOut(Duration after, Instant dueAt) {
        return add(after, new SlaBreached("PROMISE", dueAt, 0, start.plus(after)));
    }

    public Lifecycle add(Duration after, EventPayload payload) {
        events.add(EventEnvelope.of(payload, province, id.toString(), start.plus(after)));
        return this;
    }

    /** The events in the order they were added. */
    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    /** The last event added. */
    public EventEnvelope last() {
        return events.get(events.size() - 1);
    }

    /** The history of all events so far. */
    public ComplaintHistory history() {
        return ComplaintHistory.of(events.stream()
                .sorted(java.util.Comparator.comparing(EventEnvelope::occurredAt)).toList());
    }
}
