package io.tousu.escalation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.SlaClock;
import io.tousu.escalation.domain.SlaClockId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** SLA clocks. */
@ApplicationScoped
public class SlaClockRepository implements PanacheRepositoryBase<SlaClock, SlaClockId> {

    public Uni<List<SlaClock>> forComplaint(UUID complaintId) {
        return list("complaintId = ?1 order by clock", complaintId);
    }
}
