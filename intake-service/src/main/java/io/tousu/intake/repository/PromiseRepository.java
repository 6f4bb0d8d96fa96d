package io.tousu.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.domain.Promise;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Promises made to customers. */
@ApplicationScoped
public class PromiseRepository implements PanacheRepositoryBase<Promise, UUID> {

    public Uni<List<Promise>> forComplaint(UUID complaintId) {
        return list("complaintId", Sort.ascending("dueAt"), complaintId);
    }
}
