package io.tousu.escalation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.ClockHistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The append-only clock and escalation history. */
@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<ClockHistoryEntry, Long> {

    public Uni<List<ClockHistoryEntry>> forComplaint(UUID complaintId) {
        return list("complaintId = ?1 order by id", complaintId);
    }
}
