package io.tousu.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.platform.persistence.NativeSelects;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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

    /** One statement for a batch of any size: the ids and event types as two arrays (as the outbox writes). */
    private static final String RECORD_ALL = """
            insert into processed_events (event_id, consumer, event_type)
            select e.id, ?2, e.type from unnest(cast(cast(?1 as text[]) as uuid[]), cast(?3 as text[])) as e(id, type)
            on conflict do nothing""";

    /** Which of these ids this transaction recorded: rows it inserted carry its own transaction id (age 0). */
    private static final String RECORDED_NOW = """
            select event_id from processed_events where consumer = ?1 and event_id in (?2) and age(xmin) = 0""";

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
     * Processes a batch of record values (as polled, so in partition order) in one transaction: the
     * ids of the whole batch are recorded in {@code processed_events} by one statement, and the
     * handler runs, one event after the other in the batch's order, for the events seen for the first
     * time only (an event twice in the batch runs once). A failure rolls the whole batch back and
     * retries it with back-off, like {@link #process}; when an event of the batch cannot be applied
     * (poison), the batch is applied again event by event, so that only that event is skipped.
     *
     * @param consumer a stable name of the consuming projection
     * @param jsons    the record values, in the order they were polled
     * @param handler  the update of one event, run in the batch's transaction
     * @return how many events the handler ran for
     */
    public Uni<Integer> processBatch(String consumer, List<String> jsons, Function<EventEnvelope, Uni<Void>> handler) {
        return applyBatch(consumer, jsons, fresh -> Multi.createFrom().iterable(fresh)
                .onItem().transformToUniAndConcatenate(handler::apply)
                .collect().last().replaceWithVoid(), handler);
    }

    /**
     * Like {@link #processBatch}, but hands the events seen for the first time to the handler all at
     * once (in the batch's order), so that it can write them with a few multi-row statements instead
     * of one per event. The handler must give the same result as applying the events one after the
     * other in that order; a poison batch is applied again event by event, each as a list of one.
     *
     * @param consumer a stable name of the consuming projection
     * @param jsons    the record values, in the order they were polled
     * @param handler  the update of a list of events, run in the batch's transaction
     * @return how many events the handler was given
     */
    public Uni<Integer> processBatchTogether(String consumer, List<String> jsons,
            Function<List<EventEnvelope>, Uni<Void>> handler) {
        return applyBatch(consumer, jsons, handler, envelope -> handler.apply(List.of(envelope)));
    }

    private Uni<Integer> applyBatch(String consumer, List<String> jsons, Function<List<EventEnvelope>, Uni<Void>> all,
            Function<EventEnvelope, Uni<Void>> one) {
        if (jsons.size() == 1) {
            return process(consumer, jsons.get(0), one).map(applied -> applied ? 1 : 0);
        }
        if (consumers.add(consumer)) {
            counter("tousu_inbox_poison", consumer);
            counter("tousu_inbox_retries", consumer);
        }
        List<EventEnvelope> envelopes = new ArrayList<>(jsons.size());
        for (String json : jsons) {
            try {
                EventEnvelope envelope = EventCodec.read(json);
                if (envelope.isReadable()) {
                    envelopes.add(envelope);
                } else {
                    LOG.debugf("%s skipped event %s of type %s version %s it cannot read", consumer,
                            envelope.eventId(), envelope.type(), envelope.schemaVersion());
                }
            } catch (EventCodec.MalformedEventException e) {
                LOG.warnf("%s skipped a malformed event: %s", consumer, e.getMessage());
            }
        }
        if (envelopes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(() -> firstTimes(consumer, envelopes)
                .map(inserted -> firstOccurrences(envelopes, inserted))
                .flatMap(fresh -> fresh.isEmpty() ? Uni.createFrom().item(fresh) : all.apply(fresh).replaceWith(fresh)))
                .invoke(applied -> applied.forEach(envelope -> recordDelay(consumer, envelope)))
                .map(List::size)
                .onFailure(EventInbox::isPoison).recoverWithUni(failure -> {
                    LOG.warnf("%s: an event of a batch of %d cannot be applied (%s); applying them one by one",
                            consumer, jsons.size(), failure.toString());
                    return Multi.createFrom().iterable(jsons)
                            .onItem().transformToUniAndConcatenate(json -> process(consumer, json, one))
                            .collect().asList()
                            .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
                })
                .onFailure().invoke(failure -> {
                    LOG.warnf("%s could not apply a batch of %d events, retrying: %s", consumer, jsons.size(),
                            failure.toString());
                    counter("tousu_inbox_retries", consumer).increment();
                })
                .onFailure().retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely();
    }

    /**
     * The events to apply, in the batch's order: those whose id was recorded just now, each once
     * (an event redelivered within the batch is applied at its first place).
     */
    static List<EventEnvelope> firstOccurrences(List<EventEnvelope> envelopes, Set<UUID> inserted) {
        Set<UUID> pending = new HashSet<>(inserted);
        List<EventEnvelope> fresh = new ArrayList<>(pending.size());
        for (EventEnvelope envelope : envelopes) {
            if (pending.remove(envelope.eventId())) {
                fresh.add(envelope);
            }
        }
        return fresh;
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

    /**
     * Records the ids of a batch in one statement; returns those not seen before by this consumer.
     * The ids and types travel as two arrays unnested by PostgreSQL, so that every batch, whatever
     * its size, uses the same statement; an id twice in the batch is inserted once. The statement
     * reports only how many it inserted: all of the batch's ids (the usual case) or none (a replay)
     * settle it; only a batch partly seen before (a redelivery after a crash or a rebalance) asks
     * which ones, with a second statement.
     */
    private Uni<Set<UUID>> firstTimes(String consumer, List<EventEnvelope> envelopes) {
        String[] ids = new String[envelopes.size()];
        String[] types = new String[envelopes.size()];
        Set<UUID> distinct = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = envelopes.get(i).eventId().toString();
            types[i] = envelopes.get(i).type();
            distinct.add(envelopes.get(i).eventId());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RECORD_ALL)
                .setParameter(1, ids)
                .setParameter(2, consumer)
                .setParameter(3, types)
                .executeUpdate())
                .flatMap(inserted -> {
                    if (inserted == distinct.size()) {
                        return Uni.createFrom().item(distinct);
                    }
                    if (inserted == 0) {
                        return Uni.createFrom().item(Set.<UUID>of());
                    }
                    return NativeSelects.list(UUID.class, RECORDED_NOW, consumer, List.copyOf(distinct))
                            .map(HashSet::new);
                });
    }
}
