package io.tousu.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.domain.HistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The append-only complaint history. */
@ApplicationScoped
public class HistoryRepository implements PanacheRepository<HistoryEntry> {

    public Uni<List<HistoryEntry>> forComplaint(UUID complaintId) {
        return list("complaintId", Sort.ascending("id"), complaintId);
    }
}
