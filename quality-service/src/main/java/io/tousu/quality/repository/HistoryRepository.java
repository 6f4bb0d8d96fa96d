package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.quality.domain.HistoryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Complaints' event histories. */
@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEvent, Long> {

    /**
     * Serialises the work on one complaint until the transaction ends: the complaint and escalation
     * consumers may see events of the same complaint at the same time.
     */
    public Uni<Void> lock(UUID complaintId) {
        // run as a statement, not a query: a native select without a result class gets a new entry in
        // Hibernate's query-plan cache on every execution, all in one hash bin, and the look-up through
        // that bin was quality's largest single cost (JFR: SelectInterpretationsKey.equals)
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, complaintId.getMostSignificantBits() ^ complaintId.getLeastSignificantBits())
                .executeUpdate()).replaceWithVoid();
    }

    /** Adds an event to its complaint's history. */
    public Uni<Void> append(EventEnvelope event) {
        HistoryEvent row = new HistoryEvent();
        row.eventId = event.eventId();
        row.complaintId = UUID.fromString(event.complaintId());
        row.eventType = event.type();
        row.occurredAt = event.occurredAt();
        row.envelope = EventCodec.write(event);
        return persist(row).replaceWithVoid();
    }

    /** The complaint's events in time order (ties in arrival order). */
    public Uni<List<EventEnvelope>> events(UUID complaintId) {
        return list("complaintId = ?1 order by occurredAt, seq", complaintId)
                .map(rows -> rows.stream().map(r -> EventCodec.read(r.envelope)).toList());
    }
}
