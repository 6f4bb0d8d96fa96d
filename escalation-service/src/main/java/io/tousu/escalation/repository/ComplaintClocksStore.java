package io.tousu.escalation.repository;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.config.EscalationConfig;
import io.tousu.escalation.domain.ClockHistoryEntry;
import io.tousu.escalation.domain.ComplaintClocks;
import io.tousu.escalation.domain.EscalationRules;
import io.tousu.escalation.domain.SlaClock;
import io.tousu.escalation.domain.SlaPolicy;
import io.tousu.escalation.domain.TrackedComplaint;
import io.tousu.escalation.domain.WorkingTime;
import io.tousu.events.EventEnvelope;
import io.tousu.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads a complaint with its clocks, policy and calendar, and writes back what a change produced:
 * new clocks, history lines and outgoing events (to the outbox), in the caller's transaction.
 */
@ApplicationScoped
public class ComplaintClocksStore {

    private final SlaClockRepository clocks;
    private final PolicyRepository policies;
    private final CalendarRepository calendars;
    private final BatchWrites writes;
    private final Outbox outbox;
    private final EscalationRules rules;

    public ComplaintClocksStore(SlaClockRepository clocks, PolicyRepository policies, CalendarRepository calendars,
            BatchWrites writes, Outbox outbox, EscalationConfig config) {
        this.clocks = clocks;
        this.policies = policies;
        this.calendars = calendars;
        this.writes = writes;
        this.outbox = outbox;
        this.rules = new EscalationRules(config.urgesToEscalate(), config.repeatEscalates(), config.riskThreshold(),
                config.riskyCategories());
    }

    public EscalationRules rules() {
        return rules;
    }

    /**
     * The aggregates of several complaints already read (and locked) in this transaction, in their
     * order: one query for all their clocks, one per policy and calendar they use.
     */
    public Uni<List<ComplaintClocks>> loadAll(List<TrackedComplaint> complaints) {
        if (complaints.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = complaints.stream().map(c -> c.complaintId).toList();
        return clocks.forComplaints(ids).flatMap(all -> {
            Map<UUID, List<SlaClock>> byComplaint = all.stream().collect(Collectors.groupingBy(c -> c.complaintId));
            Map<Long, Uni<Terms>> terms = new HashMap<>();
            return Multi.createFrom().iterable(complaints).onItem().transformToUniAndConcatenate(complaint -> terms
                    .computeIfAbsent(complaint.policyId, this::terms).map(t -> new ComplaintClocks(complaint,
                            byComplaint.getOrDefault(complaint.complaintId, List.of()), t.policy(), t.time(), rules)))
                    .collect().asList();
        });
    }

    /** A policy with the calendar counting its time. */
    private record Terms(SlaPolicy policy, WorkingTime time) {
    }

    private Uni<Terms> terms(long policyId) {
        return policies.findById(policyId).flatMap(policy -> calendars.workingTime(policy)
                .map(time -> new Terms(policy, time))).memoize().indefinitely();
    }

    /** Writes the new clocks, the history and the outgoing events of a change, in this order. */
    public Uni<Void> save(ComplaintClocks aggregate) {
        return saveAll(List.of(aggregate));
    }

    /**
     * Writes what several changes produced: their new clocks, then all their history lines in one
     * statement, then all their outgoing events (to the outbox, in order) in one statement.
     */
    public Uni<Void> saveAll(List<ComplaintClocks> aggregates) {
        List<SlaClock> added = new ArrayList<>();
        List<ClockHistoryEntry> lines = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (ComplaintClocks a : aggregates) {
            added.addAll(a.added());
            lines.addAll(a.history());
            events.addAll(a.outgoing());
        }
        return Multi.createFrom().iterable(added).onItem().transformToUniAndConcatenate(clocks::persist)
                .collect().last()
                .flatMap(ignored -> writes.history(lines))
                .flatMap(ignored -> outbox.appendAll(events));
    }
}
