package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.domain.Minefield;
import io.tousu.quality.domain.RiskHit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Risk-rule hits. */
@ApplicationScoped
public class RiskHitRepository implements PanacheRepositoryBase<RiskHit, UUID> {

    /** Filters of the hit list; null fields match anything; {@code from} inclusive, {@code to} exclusive. */
    public record Filter(String province, Minefield minefield, String ruleCode, String agentId, String teamId,
            UUID complaintId, Instant from, Instant to) {
    }

    /** Hits matching the filter, newest first. */
    public Uni<InspectionRepository.Slice<RiskHit>> page(Filter f, Page page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        add(where, params, "province", "=", f.province());
        add(where, params, "minefield", "=", f.minefield());
        add(where, params, "ruleCode", "=", f.ruleCode());
        add(where, params, "agentId", "=", f.agentId());
        add(where, params, "teamId", "=", f.teamId());
        add(where, params, "complaintId", "=", f.complaintId());
        if (f.from() != null) {
            where.add("occurredAt >= :from");
            params.and("from", f.from());
        }
        if (f.to() != null) {
            where.add("occurredAt < :to");
            params.and("to", f.to());
        }
        PanacheQuery<RiskHit> q = find((where.isEmpty() ? "" : String.join(" and ", where) + " ")
                + "order by occurredAt desc, id", params);
        return q.page(page).list().flatMap(items -> q.count()
                .map(total -> new InspectionRepository.Slice<>(items, total)));
    }

    private static void add(List<String> where, Parameters params, String field, String op, Object value) {
        if (value != null) {
            where.add(field + " " + op + " :" + field);
            params.and(field, value);
        }
    }

    /** The hits of these complaints. */
    public Uni<List<RiskHit>> ofComplaints(List<UUID> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("complaintId in ?1", complaintIds);
    }
}
