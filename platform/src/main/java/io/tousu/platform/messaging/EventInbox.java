package io.tousu.platform.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The consuming side of the contract: reads an envelope, skips what this build cannot read, and
 * applies the rest exactly once per consumer. The event id is recorded in {@code processed_events}
 * in the same transaction as the consumer's update, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    /**
     * Processes one record's value.
     *
     * @param consumer a stable name of the consuming projection, e.g. {@code reporting.complaint-facts}
     * @param json     the record value
     * @param handler  the update, run in the transaction, only the first time this event is seen
     * @return true when the handler ran, false for a duplicate, an unreadable or a malformed event
     */
    public Uni<Boolean> process(String consumer, String json, Function<EventEnvelope, Uni<Void>> handler) {
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
                .flatMap(first -> first ? handler.apply(envelope).replaceWith(true) : Uni.createFrom().item(false)));
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
