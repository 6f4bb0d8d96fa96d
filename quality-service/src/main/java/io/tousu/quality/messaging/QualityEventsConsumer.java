package io.tousu.quality.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.platform.messaging.EventInbox;
import io.tousu.platform.messaging.Outbox;
import io.tousu.quality.domain.ComplaintFacts;
import io.tousu.quality.domain.ComplaintHistory;
import io.tousu.quality.domain.Outgoing;
import io.tousu.quality.domain.QualityMetrics;
import io.tousu.quality.domain.RiskDetector;
import io.tousu.quality.domain.SamplingService;
import io.tousu.quality.domain.TicketErrors;
import io.tousu.quality.repository.HistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each complaint's history from {@code tousu.complaints} and {@code tousu.escalations}, once
 * per event, and acts on it in the same transaction: sampling once the complaint is resolved or
 * closed, automatic ticket errors (category changed after resolution, promise broken), the check of
 * the event against the risk rules, and the complaint's facts for audits and flags. Events of one
 * complaint are serialised by a lock, whichever topic they come from; a poll of complaint events is
 * applied with a few statements for the whole poll rather than several per event.
 */
@ApplicationScoped
public class QualityEventsConsumer {

    static final String CONSUMER = "quality.history";

    private final EventInbox inbox;
    private final HistoryRepository history;
    private final SamplingService sampling;
    private final TicketErrors errors;
    private final Outbox outbox;
    private final QualityMetrics metrics;
    private final ComplaintFacts facts;
    private final RiskDetector risk;

    public QualityEventsConsumer(EventInbox inbox, HistoryRepository history, SamplingService sampling,
            TicketErrors errors, Outbox outbox, QualityMetrics metrics, ComplaintFacts facts, RiskDetector risk) {
        this.facts = facts;
        this.risk = risk;
        this.inbox = inbox;
        this.history = history;
        this.sampling = sampling;
        this.errors = errors;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * Applies a poll's complaint events in one transaction (the inbox records the batch's ids in one
     * statement, hands over the new ones in the order polled, retries the batch on failure and applies
     * a poison batch again event by event, so that only that event is skipped). The metrics count
     * what the committed transaction published.
     */
    @Incoming("complaints")
    public Uni<Void> complaints(List<String> batch) {
        // by event: an attempt that ran again (the batch retried, or replayed one by one after a poison
        // event) replaces what the earlier, rolled-back attempt over those events published
        Map<UUID, Outgoing> published = new ConcurrentHashMap<>();
        return inbox.processBatchTogether(CONSUMER, batch, events -> {
            Map<UUID, Outgoing> attempt = new HashMap<>();
            return applyAll(events, attempt).invoke(() -> {
                events.forEach(e -> published.remove(e.eventId()));
                published.putAll(attempt);
            });
        }).invoke(applied -> published.values().forEach(out -> metrics.published(out.events()))).replaceWithVoid();
    }

    @Incoming("escalations")
    public Uni<Void> escalations(String json) {
        Map<UUID, Outgoing> published = new ConcurrentHashMap<>();
        return Uni.createFrom().deferred(() -> {
            published.clear();
            return inbox.process(CONSUMER, json, event -> applyAll(List.of(event), published));
        })
                // a lost race or a dropped connection rolls the transaction back: try again before giving up
                .onFailure().retry().withBackOff(Duration.ofMillis(100)).atMost(5)
                .invoke(applied -> published.values().forEach(out -> metrics.published(out.events())))
                .replaceWithVoid();
    }

    /**
     * Applies events in the caller's transaction with a few statements for all of them: their
     * complaints locked, their histories read, the events appended, then each event acted on in order
     * against its complaint's history as it stood after that event (as if they had come one by one),
     * and last the facts of every complaint touched. {@code published} gets each event's outgoing events.
     */
    private Uni<Void> applyAll(List<EventEnvelope> events, Map<UUID, Outgoing> published) {
        List<EventEnvelope> relevant = events.stream().filter(e -> e.complaintId() != null).toList();
        if (relevant.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // ids first, so that a malformed one is poison before anything is written
        Set<UUID> ids = new LinkedHashSet<>();
        relevant.forEach(e -> ids.add(UUID.fromString(e.complaintId())));
        Map<UUID, ComplaintHistory> folded = new HashMap<>();
        return history.lockAll(ids)
                .chain(() -> history.eventsOfAll(ids))
                .call(() -> history.appendAll(relevant))
                .chain(known -> Multi.createFrom().iterable(relevant).onItem().transformToUniAndConcatenate(event -> {
                    UUID id = UUID.fromString(event.complaintId());
                    List<EventEnvelope> ordered = known.computeIfAbsent(id, k -> new ArrayList<>());
                    insertInTimeOrder(ordered, event);
                    List<EventEnvelope> sofar = List.copyOf(ordered);
                    ComplaintHistory h = ComplaintHistory.of(sofar);
                    folded.put(id, h);
                    Outgoing out = new Outgoing(outbox);
                    published.put(event.eventId(), out);
                    return actOn(id, event, sofar, h, out).chain(QualityEventsConsumer::flushAndForget);
                }).collect().last())
                .chain(() -> facts.refreshAll(folded));
    }

    /**
     * Places a newly arrived event after every event of the history that occurred at the same time or
     * earlier: the order in which the history is read back (time, then arrival).
     */
    static void insertInTimeOrder(List<EventEnvelope> ordered, EventEnvelope event) {
        int at = ordered.size();
        while (at > 0 && ordered.get(at - 1).occurredAt().isAfter(event.occurredAt())) {
            at--;
        }
        ordered.add(at, event);
    }

    /** What one event of a complaint sets off: sampling, automatic ticket errors, risk rules. */
    private Uni<Void> actOn(UUID id, EventEnvelope event, List<EventEnvelope> ordered, ComplaintHistory h,
            Outgoing out) {
        return sampling.consider(id, h, out)
                .chain(() -> errors.recordAutomatic(id, ordered, h, out))
                .chain(() -> risk.check(event, ordered, h, out));
    }

    /**
     * Writes what the event changed and empties the batch's session: otherwise every later event's
     * flush would dirty-check all the entities the earlier events of the batch loaded, a cost that
     * grows with the batch. The transaction's advisory locks stay until it ends.
     */
    private static Uni<Void> flushAndForget(Void applied) {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }
}
