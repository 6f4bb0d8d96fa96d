package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.tousu.quality.domain.InspectionCandidate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Inspection candidates. */
@ApplicationScoped
public class InspectionCandidateRepository implements PanacheRepositoryBase<InspectionCandidate, UUID> {
}
