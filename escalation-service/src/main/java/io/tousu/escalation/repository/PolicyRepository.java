package io.tousu.escalation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.SlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** SLA policies. */
@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<SlaPolicy, Long> {

    public Uni<List<SlaPolicy>> all() {
        return list("order by id");
    }

    /** The policies whose deadlines are counted in business calendar {@code code}. */
    public Uni<List<SlaPolicy>> usingCalendar(String code) {
        return list("calendarCode = ?1 order by id", code);
    }
}
