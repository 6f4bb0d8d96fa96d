package io.tousu.escalation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.ParkedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Events waiting for their complaint's ComplaintReceived. */
@ApplicationScoped
public class ParkedEventRepository implements PanacheRepositoryBase<ParkedEvent, UUID> {

    /** The events waiting for any of these complaints, in time order. */
    public Uni<List<ParkedEvent>> forComplaints(List<UUID> complaintIds) {
        return list("complaintId in ?1 order by occurredAt", complaintIds);
    }

    /** Deletes the parked events applied, in one statement. */
    public Uni<Void> unpark(List<UUID> eventIds) {
        return eventIds.isEmpty() ? Uni.createFrom().voidItem()
                : delete("eventId in ?1", eventIds).replaceWithVoid();
    }
}
