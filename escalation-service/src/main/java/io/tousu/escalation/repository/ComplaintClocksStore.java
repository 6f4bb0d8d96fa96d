package io.tousu.escalation.repository;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.config.EscalationConfig;
import io.tousu.escalation.domain.ComplaintClocks;
import io.tousu.escalation.domain.EscalationRules;
import io.tousu.escalation.domain.TrackedComplaint;
import io.tousu.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a complaint with its clocks, policy and calendar, and writes back what a change produced:
 * new clocks, history lines and outgoing events (through the outbox), in the caller's transaction.
 */
@ApplicationScoped
public class ComplaintClocksStore {

    private final SlaClockRepository clocks;
    private final PolicyRepository policies;
    private final CalendarRepository calendars;
    private final HistoryRepository history;
    private final Outbox outbox;
    private final EscalationRules rules;

    public ComplaintClocksStore(SlaClockRepository clocks, PolicyRepository policies, CalendarRepository calendars,
            HistoryRepository history, Outbox outbox, EscalationConfig config) {
        this.clocks = clocks;
        this.policies = policies;
        this.calendars = calendars;
        this.history = history;
        this.outbox = outbox;
        this.rules = new EscalationRules(config.urgesToEscalate(), config.repeatEscalates(), config.riskThreshold(),
                config.riskyCategories());
    }

    public EscalationRules rules() {
        return rules;
    }

    /** The aggregate of a complaint already read (and locked) in this transaction. */
    public Uni<ComplaintClocks> load(TrackedComplaint complaint) {
        return clocks.forComplaint(complaint.complaintId).flatMap(list -> policies.findById(complaint.policyId)
                .flatMap(policy -> calendars.workingTime(policy)
                        .map(time -> new ComplaintClocks(complaint, list, policy, time, rules))));
    }

    /** Writes the new clocks, the history and the outgoing events of a change, in this order. */
    public Uni<Void> save(ComplaintClocks aggregate) {
        List<Uni<Void>> writes = new ArrayList<>();
        aggregate.added().forEach(c -> writes.add(Uni.createFrom().deferred(() -> clocks.persist(c).replaceWithVoid())));
        aggregate.history().forEach(h -> writes.add(Uni.createFrom().deferred(() -> history.persist(h).replaceWithVoid())));
        aggregate.outgoing().forEach(e -> writes.add(Uni.createFrom().deferred(() -> outbox.append(e))));
        return Multi.createFrom().iterable(writes).onItem().transformToUniAndConcatenate(w -> w)
                .collect().last().replaceWithVoid();
    }
}
