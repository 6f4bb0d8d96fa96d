package io.tousu.escalation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.PolicyAuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The audit trail of policy changes. */
@ApplicationScoped
public class PolicyAuditRepository implements PanacheRepositoryBase<PolicyAuditEntry, Long> {

    public Uni<List<PolicyAuditEntry>> forPolicy(long policyId) {
        return list("policyId = ?1 order by id", policyId);
    }
}
