package io.tousu.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The consuming side of the contract: reads an envelope, skips what this build cannot read, and
 * applies the rest exactly once per consumer. The event id is recorded in {@code processed_events}
 * in the same transaction as the consumer's update, so a redelivered event changes nothing. A
 * failure to apply an event is retried with back-off until it succeeds (the partition waits), so
 * a database outage loses nothing; only events whose content cannot be applied are skipped.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    /** Back-off of retries after a failure to apply an event: doubling from this... */
    private static final Duration RETRY_FIRST = Duration.ofMillis(100);
    /** ...up to this, for as long as it takes (the partition waits; lag metrics show it). */
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    /** The consumers whose counters are registered. */
    private final Set<String> consumers = ConcurrentHashMap.newKeySet();

    public EventInbox(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Processes one record's value.
     *
     * @param consumer a stable name of the consuming projection, e.g. {@code reporting.complaint-facts}
     * @param json     the record value
     * @param handler  the update, run in the transaction, only the first time this event is seen
     * @return true when the handler ran, false for a duplicate, an unreadable or a malformed event
     */
    public Uni<Boolean> process(String consumer, String json, Function<EventEnvelope, Uni<Void>> handler) {
        if (consumers.add(consumer)) {
            // both counters exist from the first event on, at zero, so that increase() sees their first step
            counter("tousu_inbox_poison", consumer);
            counter("tousu_inbox_retries", consumer);
        }
        EventEnvelope envelope;
        try {
            envelope = EventCodec.read(json);
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("%s skipped a malformed event: %s", consumer, e.getMessage());
            return Uni.createFrom().item(false);
        }
        if (!envelope.isReadable()) {
            LOG.debugf("%s skipped event %s of type %s version %s it cannot read", consumer, envelope.eventId(),
                    envelope.type(), envelope.schemaVersion());
            return Uni.createFrom().item(false);
        }
        return Panache.withTransaction(() -> firstTime(consumer, envelope)
                .flatMap(first -> first ? handler.apply(envelope).replaceWith(true) : Uni.createFrom().item(false)))
                .invoke(applied -> {
                    if (applied) {
                        recordDelay(consumer, envelope);
                    }
                })
                .onFailure(EventInbox::isPoison).recoverWithItem(failure -> {
                    LOG.errorf("%s skipped event %s of type %s whose content it cannot apply: %s", consumer,
                            envelope.eventId(), envelope.type(), failure.toString());
                    counter("tousu_inbox_poison", consumer).increment();
                    return false;
                })
                .onFailure().invoke(failure -> {
                    LOG.warnf("%s could not apply event %s of type %s, retrying: %s", consumer, envelope.eventId(),
                            envelope.type(), failure.toString());
                    counter("tousu_inbox_retries", consumer).increment();
                })
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely();
    }

    /**
     * A failure retrying cannot mend: the event's content is wrong for this consumer (bad ids,
     * payload of the wrong shape). Anything else (database, network) is retried, so nothing is lost.
     */
    static boolean isPoison(Throwable failure) {
        return failure instanceof EventCodec.MalformedEventException || failure instanceof IllegalArgumentException;
    }

    /**
     * {@code tousu_inbox_delay_seconds{consumer}}: from the event's occurrence (its state change
     * committed upstream) to its application here, relay and broker included; the ingest lag of a
     * projection. A histogram, so that a quiet topic does not look like a growing lag.
     */
    private void recordDelay(String consumer, EventEnvelope envelope) {
        if (envelope.occurredAt() == null) {
            return;
        }
        Duration delay = Duration.between(envelope.occurredAt(), Instant.now());
        Timer.builder("tousu_inbox_delay")
                .description("Time from an event's occurrence to its application by this consumer (ingest lag)")
                .tag("consumer", consumer)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry)
                .record(delay.isNegative() ? Duration.ZERO : delay);
    }

    private Counter counter(String name, String consumer) {
        return Counter.builder(name).description(name.endsWith("poison")
                ? "Events skipped because their content cannot be applied"
                : "Failed attempts to apply an event (retried with back-off)")
                .tag("consumer", consumer).register(registry);
    }

    private Uni<Boolean> firstTime(String consumer, EventEnvelope envelope) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("insert into processed_events (event_id, consumer, event_type) values (?1, ?2, ?3) "
                        + "on conflict do nothing")
                .setParameter(1, envelope.eventId())
                .setParameter(2, consumer)
                .setParameter(3, envelope.type())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
