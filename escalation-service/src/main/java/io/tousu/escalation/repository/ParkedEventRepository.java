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

    public Uni<List<ParkedEvent>> forComplaint(UUID complaintId) {
        return list("complaintId = ?1 order by occurredAt", complaintId);
    }
}
