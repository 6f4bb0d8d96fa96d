package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.domain.SamplingDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Sampling decisions. */
@ApplicationScoped
public class SamplingDecisionRepository implements PanacheRepositoryBase<SamplingDecision, SamplingDecision.Key> {

    public Uni<SamplingDecision> find(UUID complaintId, int round) {
        return findById(new SamplingDecision.Key(complaintId, round));
    }

    public Uni<List<SamplingDecision>> forComplaint(UUID complaintId) {
        return list("complaintId = ?1 order by round", complaintId);
    }
}
