package io.tousu.intake.domain;

import io.tousu.events.EventEnvelope;
import io.tousu.events.EventPayload;
import io.tousu.events.complaint.ComplaintStatusChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One action on one complaint while it happens: the action mutates the complaint through it, and it
 * collects the events to publish and the history line to append, so that both are written in the
 * same transaction as the change. Every status move also emits {@code ComplaintStatusChanged}.
 */
public final class Change {

    private final Complaint complaint;
    private final Actor actor;
    private final Action action;
    private final Instant at;
    private final ComplaintStatus from;
    private final List<EventPayload> events = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private final List<ComplaintStatus[]> moves = new ArrayList<>();

    public Change(Complaint complaint, Actor actor, Action action, Instant at) {
        this.complaint = complaint;
        this.actor = actor;
        this.action = action;
        this.at = at;
        this.from = complaint.status;
    }

    public Complaint complaint() {
        return complaint;
    }

    public Actor actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }

    /** Moves the complaint to {@code to}, with the reason the status-change event carries. */
    public Change moveTo(ComplaintStatus to, String reason) {
        events.add(new ComplaintStatusChanged(complaint.status.name(), to.name(), reason, at));
        moves.add(new ComplaintStatus[] {complaint.status, to});
        complaint.status = to;
        return this;
    }

    public Change emit(EventPayload event) {
        events.add(event);
        return this;
    }

    /** Adds a line of detail to the history entry (no personal data). */
    public Change detail(String text) {
        details.add(text);
        return this;
    }

    public List<EventPayload> events() {
        return List.copyOf(events);
    }

    /** The events as the outbox stores them, in order: keyed by the complaint, from its province. */
    public List<EventEnvelope> envelopes() {
        return events.stream().map(event -> EventEnvelope.of(event, complaint.province, complaint.id.toString(), at))
                .toList();
    }

    /** Each status move as {@code [from, to]}, in order. */
    public List<ComplaintStatus[]> moves() {
        return List.copyOf(moves);
    }

    /** The history line of this action. */
    public HistoryEntry historyEntry() {
        HistoryEntry h = new HistoryEntry();
        h.complaintId = complaint.id;
        h.at = at;
        h.actorId = actor.id();
        h.actorRole = actor.role();
        h.action = action.name();
        h.fromStatus = from;
        h.toStatus = complaint.status;
        h.detail = details.isEmpty() ? null : String.join("; ", details);
        return h;
    }
}
