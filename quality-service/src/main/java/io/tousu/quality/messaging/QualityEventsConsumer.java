package io.tousu.quality.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each complaint's history from {@code tousu.complaints} and {@code tousu.escalations}, once
 * per event, and acts on it in the same transaction: sampling once the complaint is resolved or
 * closed, a WRONG_CATEGORY ticket error for a category changed after resolution, the complaint's
 * facts for audits and flags, and the check of the event against the risk rules. Events of one
 * complaint are serialised by a lock, whichever topic they come from.
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
     * Applies a poll's complaint events in one transaction, one event after the other in the order
     * polled (the inbox records the batch's ids in one statement and retries the batch on failure;
     * a poison event is skipped alone). One transaction per poll instead of one per event: a busy
     * centre's lifecycle events no longer each pay a begin, an inbox insert and a commit.
     */
    @Incoming("complaints")
    public Uni<Void> complaints(List<String> batch) {
        // by event: an event applied again (the batch retried, or replayed one by one after a poison
        // event) replaces what its earlier, rolled-back attempt published
        Map<UUID, Outgoing> published = new ConcurrentHashMap<>();
        return inbox.processBatch(CONSUMER, batch, event -> {
            published.remove(event.eventId());
            Outgoing out = new Outgoing(outbox);
            return apply(event, out).chain(QualityEventsConsumer::flushAndForget)
                    .invoke(() -> published.put(event.eventId(), out));
        }).invoke(applied -> published.values().forEach(out -> metrics.published(out.events()))).replaceWithVoid();
    }

    @Incoming("escalations")
    public Uni<Void> escalations(String json) {
        return consume(json);
    }

    /**
     * Writes what the event changed and empties the batch's session: otherwise every later event's
     * flush would dirty-check all the entities the earlier events of the batch loaded, a cost that
     * grows with the batch. The transaction's advisory locks stay until it ends.
     */
    private static Uni<Void> flushAndForget(Void applied) {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    private Uni<Void> consume(String json) {
        AtomicReference<Outgoing> out = new AtomicReference<>();
        return Uni.createFrom().deferred(() -> {
            out.set(new Outgoing(outbox));
            return inbox.process(CONSUMER, json, event -> apply(event, out.get()));
        })
                // a lost race or a dropped connection rolls the transaction back: try again before giving up
                .onFailure().retry().withBackOff(Duration.ofMillis(100)).atMost(5)
                .invoke(applied -> metrics.published(out.get().events()))
                .replaceWithVoid();
    }

    private Uni<Void> apply(EventEnvelope event, Outgoing out) {
        if (event.complaintId() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID id = UUID.fromString(event.complaintId());
        return history.lock(id)
                .flatMap(locked -> history.append(event))
                .flatMap(appended -> history.events(id))
                .flatMap(events -> {
                    ComplaintHistory h = ComplaintHistory.of(events);
                    return sampling.consider(id, h, out)
                            .flatMap(sampled -> errors.recordAutomatic(id, events, h, out))
                            .flatMap(recorded -> facts.refresh(id, h))
                            .flatMap(refreshed -> risk.check(event, events, h, out));
                });
    }
}
