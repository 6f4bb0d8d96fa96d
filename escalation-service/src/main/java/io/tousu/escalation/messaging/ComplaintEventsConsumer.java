package io.tousu.escalation.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.ComplaintClocks;
import io.tousu.escalation.domain.ParkedEvent;
import io.tousu.escalation.domain.PolicySelector;
import io.tousu.escalation.domain.SlaPolicy;
import io.tousu.escalation.repository.CalendarRepository;
import io.tousu.escalation.repository.ComplaintClocksStore;
import io.tousu.escalation.repository.ParkedEventRepository;
import io.tousu.escalation.repository.PolicyRepository;
import io.tousu.escalation.repository.TrackedComplaintRepository;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventType;
import io.tousu.events.Topics;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.platform.messaging.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Drives the clocks from {@code tousu.complaints}, once per event, a poll's records in one transaction: ComplaintReceived arms them under
 * the complaint's policy, later events stop, restart, pause or resume them. An event about a
 * complaint not received yet is parked and applied, in time order, when its ComplaintReceived arrives.
 */
@ApplicationScoped
public class ComplaintEventsConsumer {

    static final String CONSUMER = "escalation.clocks";

    private final EventInbox inbox;
    private final TrackedComplaintRepository complaints;
    private final PolicyRepository policies;
    private final CalendarRepository calendars;
    private final ParkedEventRepository parked;
    private final ComplaintClocksStore store;
    private final EscalationMetrics metrics;

    public ComplaintEventsConsumer(EventInbox inbox, TrackedComplaintRepository complaints, PolicyRepository policies,
            CalendarRepository calendars, ParkedEventRepository parked, ComplaintClocksStore store,
            EscalationMetrics metrics) {
        this.inbox = inbox;
        this.complaints = complaints;
        this.policies = policies;
        this.calendars = calendars;
        this.parked = parked;
        this.store = store;
        this.metrics = metrics;
    }

    /**
     * Applies a poll's records in one transaction (the inbox records their ids in one statement and
     * applies the new ones in the order polled, so each complaint's events in partition order); a
     * failure rolls the batch back and the inbox retries it, and the batch is acknowledged only once
     * applied. The metrics count what the committed batch published.
     */
    @Incoming("complaints")
    public Uni<Void> consume(List<String> batch) {
        // by event: an event applied again after a rolled-back attempt replaces what it counted then
        Map<UUID, List<ComplaintClocks>> changed = new ConcurrentHashMap<>();
        return inbox.processBatch(CONSUMER, batch, event -> {
            List<ComplaintClocks> byEvent = new ArrayList<>();
            return apply(event, byEvent).invoke(() -> changed.put(event.eventId(), byEvent));
        }).invoke(applied -> changed.values().forEach(list -> list.forEach(c -> metrics.published(c.outgoing(),
                c.complaint().category)))).replaceWithVoid();
    }

    private Uni<Void> apply(EventEnvelope event, List<ComplaintClocks> changed) {
        if (!Topics.COMPLAINTS.equals(event.topic()) || event.complaintId() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID id = UUID.fromString(event.complaintId());
        return complaints.lock(id).flatMap(complaint -> {
            if (event.knownType().orElseThrow() == EventType.COMPLAINT_RECEIVED) {
                return complaint != null ? Uni.createFrom().voidItem() : receive(id, event, changed);
            }
            if (complaint == null) {
                return park(id, event);
            }
            return store.load(complaint).flatMap(aggregate -> {
                aggregate.apply(event);
                changed.add(aggregate);
                Uni<Void> rechosen = ComplaintClocks.rechoosesPolicy(event)
                        ? policies.all().flatMap(all -> rechoosePolicy(aggregate, all, event))
                        : Uni.createFrom().voidItem();
                return rechosen.flatMap(ignored -> store.save(aggregate));
            });
        });
    }

    private Uni<Void> receive(UUID id, EventEnvelope event, List<ComplaintClocks> changed) {
        ComplaintReceived received = event.payloadAs(ComplaintReceived.class);
        return policies.all().flatMap(all -> {
            SlaPolicy policy = PolicySelector.select(all, event.province(), received.channel(), received.category(),
                    received.priority()).orElseThrow(() -> new IllegalStateException(
                            "no SLA policy matches complaint " + id + "; keep a policy without a selector"));
            return calendars.workingTime(policy)
                    .map(time -> ComplaintClocks.receive(event, received, policy, time, store.rules()))
                    .flatMap(aggregate -> complaints.persistAndFlush(aggregate.complaint())
                            .flatMap(saved -> applyParked(id, aggregate, all))
                            .flatMap(ignored -> {
                                changed.add(aggregate);
                                return store.save(aggregate);
                            }));
        });
    }

    /**
     * After a change of a field policies are chosen by: chooses the complaint's policy again and, if
     * another one wins, recomputes its open clocks under it (as of the event's time).
     */
    private Uni<Void> rechoosePolicy(ComplaintClocks aggregate, List<SlaPolicy> all, EventEnvelope event) {
        SlaPolicy chosen = aggregate.choosePolicy(all).orElse(null);
        if (chosen == null || chosen.id.equals(aggregate.policy().id)) {
            return Uni.createFrom().voidItem();
        }
        String reason = "category changed to " + aggregate.complaint().category;
        return calendars.workingTime(chosen)
                .invoke(time -> aggregate.changePolicy(chosen, time, event.occurredAt(), reason))
                .replaceWithVoid();
    }

    private Uni<Void> applyParked(UUID id, ComplaintClocks aggregate, List<SlaPolicy> all) {
        return parked.forComplaint(id).flatMap(events -> Multi.createFrom().iterable(events).onItem()
                .transformToUniAndConcatenate(p -> {
                    EventEnvelope event = EventCodec.read(p.envelope);
                    aggregate.apply(event);
                    Uni<Void> rechosen = ComplaintClocks.rechoosesPolicy(event) ? rechoosePolicy(aggregate, all, event)
                            : Uni.createFrom().voidItem();
                    return rechosen.flatMap(ignored -> parked.delete(p));
                }).collect().last().replaceWithVoid());
    }

    private Uni<Void> park(UUID id, EventEnvelope event) {
        ParkedEvent p = new ParkedEvent();
        p.eventId = event.eventId();
        p.complaintId = id;
        p.occurredAt = event.occurredAt();
        p.envelope = EventCodec.write(event);
        return parked.persist(p).replaceWithVoid();
    }
}
