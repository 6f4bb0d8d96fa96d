package io.tousu.escalation.messaging;

import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.CalendarDefinition;
import io.tousu.escalation.domain.CalendarMode;
import io.tousu.escalation.domain.ComplaintClocks;
import io.tousu.escalation.domain.ParkedEvent;
import io.tousu.escalation.domain.PolicySelector;
import io.tousu.escalation.domain.SlaPolicy;
import io.tousu.escalation.domain.WorkingTime;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Drives the clocks from {@code tousu.complaints}, once per event, a poll's records in one
 * transaction: ComplaintReceived arms them under the complaint's policy, later events stop,
 * restart, pause or resume them. An event about a complaint not received yet is parked and
 * applied, in time order, when its ComplaintReceived arrives.
 *
 * <p>A poll is applied as a whole, with a fixed number of statements whatever its size: the
 * complaints it names are locked and read with their clocks in two queries, the policies and
 * calendars (when a complaint is received or changes category) and the parked events of the
 * complaints received are read once, the events are applied in memory in the order polled, and the
 * new complaints, clocks and parked events, the history and the outgoing events are written in
 * batches at the end.
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
    private final DeadlineFiring firing;

    public ComplaintEventsConsumer(EventInbox inbox, TrackedComplaintRepository complaints, PolicyRepository policies,
            CalendarRepository calendars, ParkedEventRepository parked, ComplaintClocksStore store,
            EscalationMetrics metrics, DeadlineFiring firing) {
        this.inbox = inbox;
        this.complaints = complaints;
        this.policies = policies;
        this.calendars = calendars;
        this.parked = parked;
        this.store = store;
        this.metrics = metrics;
        this.firing = firing;
    }

    /**
     * Applies a poll's records in one transaction (the inbox records their ids in one statement and
     * hands over the new ones in the order polled, so each complaint's events in partition order); a
     * failure rolls the batch back and the inbox retries it, and the batch is acknowledged only once
     * applied. The metrics count what the committed batch published. After a launch, the first poll
     * waits until the firing loops have fired the deadlines that came due meanwhile (at most
     * {@code tousu.escalation.catch-up-limit}): deadlines first, then the complaints that arrived.
     */
    @Incoming("complaints")
    public Uni<Void> consume(List<String> batch) {
        // by the first event of an attempt: an attempt that ran again (after a rollback, or event by
        // event after a poison batch) replaces what the earlier attempt over those events counted
        Map<UUID, List<ComplaintClocks>> changed = new ConcurrentHashMap<>();
        return firing.caughtUp().chain(() -> inbox.processBatchTogether(CONSUMER, batch, events -> {
            List<ComplaintClocks> byAttempt = new ArrayList<>();
            return applyAll(events, byAttempt).invoke(() -> {
                events.forEach(e -> changed.remove(e.eventId()));
                changed.put(events.get(0).eventId(), byAttempt);
            });
        })).invoke(applied -> changed.values().forEach(list -> list.forEach(c -> metrics.published(c.outgoing(),
                c.complaint().category)))).replaceWithVoid();
    }

    /** What a batch needs besides its complaints: the policies and calendars, read once when needed. */
    private record Terms(List<SlaPolicy> policies, Map<String, WorkingTime> calendars) {

        static final Terms NONE = new Terms(List.of(), Map.of());

        WorkingTime timeOf(SlaPolicy policy) {
            if (policy.calendarMode != CalendarMode.BUSINESS_HOURS) {
                return WorkingTime.ALWAYS;
            }
            WorkingTime time = calendars.get(policy.calendarCode);
            if (time == null) {
                throw new IllegalStateException("business calendar " + policy.calendarCode + " of policy "
                        + policy.id + " not found");
            }
            return time;
        }
    }

    /** Applies the events in order, in the caller's transaction; {@code changed} gets each complaint changed once. */
    private Uni<Void> applyAll(List<EventEnvelope> events, List<ComplaintClocks> changed) {
        List<EventEnvelope> relevant = events.stream()
                .filter(e -> Topics.COMPLAINTS.equals(e.topic()) && e.complaintId() != null).toList();
        if (relevant.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // ids first, so that a malformed one is poison before anything is read
        List<UUID> ids = relevant.stream().map(e -> UUID.fromString(e.complaintId())).distinct().sorted().toList();
        return complaints.lockAll(ids).flatMap(tracked -> store.loadAll(tracked).flatMap(loaded -> {
            Map<UUID, ComplaintClocks> aggregates = new HashMap<>();
            loaded.forEach(a -> aggregates.put(a.complaint().complaintId, a));
            boolean needTerms = relevant.stream().anyMatch(e -> ComplaintClocks.rechoosesPolicy(e)
                    || (isReceived(e) && !aggregates.containsKey(UUID.fromString(e.complaintId()))));
            List<UUID> arriving = relevant.stream().filter(ComplaintEventsConsumer::isReceived)
                    .map(e -> UUID.fromString(e.complaintId())).filter(id -> !aggregates.containsKey(id)).distinct()
                    .toList();
            Uni<Terms> terms = needTerms ? terms() : Uni.createFrom().item(Terms.NONE);
            Uni<List<ParkedEvent>> waiting = arriving.isEmpty() ? Uni.createFrom().item(List.of())
                    : parked.forComplaints(arriving);
            return terms.flatMap(t -> waiting.flatMap(w -> apply(relevant, aggregates, t, w, changed)));
        }));
    }

    private Uni<Terms> terms() {
        return policies.all().flatMap(all -> calendars.listAll().map(list -> new Terms(all, list.stream()
                .collect(Collectors.toMap(c -> c.code, CalendarDefinition::toCalendar)))));
    }

    private Uni<Void> apply(List<EventEnvelope> events, Map<UUID, ComplaintClocks> aggregates, Terms terms,
            List<ParkedEvent> parkedBefore, List<ComplaintClocks> changed) {
        Map<UUID, List<ParkedEvent>> waiting = parkedBefore.stream()
                .collect(Collectors.groupingBy(p -> p.complaintId, LinkedHashMap::new, Collectors.toList()));
        Set<UUID> written = parkedBefore.stream().map(p -> p.eventId).collect(Collectors.toSet());
        Map<UUID, ComplaintClocks> touched = new LinkedHashMap<>();
        List<ComplaintClocks> received = new ArrayList<>();
        List<UUID> unparked = new ArrayList<>();
        for (EventEnvelope event : events) {
            UUID id = UUID.fromString(event.complaintId());
            ComplaintClocks aggregate = aggregates.get(id);
            if (isReceived(event)) {
                if (aggregate != null) {
                    continue;
                }
                aggregate = receive(id, event, terms);
                aggregates.put(id, aggregate);
                received.add(aggregate);
                // what arrived before it (earlier polls and this one), in time order
                List<ParkedEvent> early = new ArrayList<>(waiting.getOrDefault(id, List.of()));
                early.sort(Comparator.comparing(p -> p.occurredAt));
                for (ParkedEvent p : early) {
                    applyOne(aggregate, EventCodec.read(p.envelope), terms);
                    if (written.contains(p.eventId)) {
                        unparked.add(p.eventId);
                    }
                }
                waiting.remove(id);
            } else if (aggregate == null) {
                waiting.computeIfAbsent(id, k -> new ArrayList<>()).add(park(id, event));
                continue;
            } else {
                applyOne(aggregate, event, terms);
            }
            touched.put(id, aggregate);
        }
        changed.addAll(touched.values());
        List<ParkedEvent> toPark = waiting.values().stream().flatMap(List::stream)
                .filter(p -> !written.contains(p.eventId))
                .toList();
        // (Panache's persist of an empty list fails)
        Uni<Void> complaintsWritten = received.isEmpty() ? Uni.createFrom().voidItem()
                : complaints.persist(received.stream().map(ComplaintClocks::complaint).toList());
        return complaintsWritten
                .flatMap(ignored -> toPark.isEmpty() ? Uni.createFrom().voidItem() : parked.persist(toPark))
                .flatMap(ignored -> parked.unpark(unparked))
                .flatMap(ignored -> store.saveAll(List.copyOf(touched.values())));
    }

    private static boolean isReceived(EventEnvelope event) {
        return event.knownType().orElseThrow() == EventType.COMPLAINT_RECEIVED;
    }

    private ComplaintClocks receive(UUID id, EventEnvelope event, Terms terms) {
        ComplaintReceived received = event.payloadAs(ComplaintReceived.class);
        SlaPolicy policy = PolicySelector.select(terms.policies(), event.province(), received.channel(),
                received.category(), received.priority()).orElseThrow(() -> new IllegalStateException(
                        "no SLA policy matches complaint " + id + "; keep a policy without a selector"));
        return ComplaintClocks.receive(event, received, policy, terms.timeOf(policy), store.rules());
    }

    private static void applyOne(ComplaintClocks aggregate, EventEnvelope event, Terms terms) {
        aggregate.apply(event);
        if (ComplaintClocks.rechoosesPolicy(event)) {
            rechoosePolicy(aggregate, terms, event);
        }
    }

    /**
     * After a change of a field policies are chosen by: chooses the complaint's policy again and, if
     * another one wins, recomputes its open clocks under it (as of the event's time).
     */
    private static void rechoosePolicy(ComplaintClocks aggregate, Terms terms, EventEnvelope event) {
        SlaPolicy chosen = aggregate.choosePolicy(terms.policies()).orElse(null);
        if (chosen == null || chosen.id.equals(aggregate.policy().id)) {
            return;
        }
        String reason = "category changed to " + aggregate.complaint().category;
        aggregate.changePolicy(chosen, terms.timeOf(chosen), event.occurredAt(), reason);
    }

    /** An event to keep until its complaint's ComplaintReceived arrives (written at the end of the batch). */
    private static ParkedEvent park(UUID id, EventEnvelope event) {
        ParkedEvent p = new ParkedEvent();
        p.eventId = event.eventId();
        p.complaintId = id;
        p.occurredAt = event.occurredAt();
        p.envelope = EventCodec.write(event);
        return p;
    }
}
