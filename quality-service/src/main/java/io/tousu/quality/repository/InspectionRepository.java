package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.domain.Inspection;
import io.tousu.quality.domain.InspectionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Inspections and the inspector's queue. */
@ApplicationScoped
public class InspectionRepository implements PanacheRepositoryBase<Inspection, UUID> {

    /** Filters of the queue; null fields match anything. */
    public record Filter(InspectionStatus status, String province, String category, String agentId, String teamId,
            String inspectorId, Boolean highRisk) {
    }

    /** One page and the total over all pages. */
    public record Slice<T>(List<T> items, long total) {
    }

    /** Inspections matching the filter, oldest sampled first. */
    public Uni<Slice<Inspection>> page(Filter f, Page page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        add(where, params, "status", f.status());
        add(where, params, "province", f.province());
        add(where, params, "category", f.category());
        add(where, params, "agentId", f.agentId());
        add(where, params, "teamId", f.teamId());
        add(where, params, "inspectorId", f.inspectorId());
        add(where, params, "highRisk", f.highRisk());
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by sampledAt, id";
        PanacheQuery<Inspection> q = find(query, params);
        return q.page(page).list().flatMap(items -> q.count().map(total -> new Slice<>(items, total)));
    }

    private static void add(List<String> where, Parameters params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.and(field, value);
        }
    }

    /** How many inspections of the agent count in the month's sampling. */
    public Uni<Long> countForAgent(String agentId, String month) {
        return count("agentId = ?1 and sampleMonth = ?2 and calibrationOf is null", agentId, month);
    }

    /** Every inspection of the complaint (sampled and calibration), by round and scoring time. */
    public Uni<List<Inspection>> ofComplaint(UUID complaintId) {
        return list("complaintId = ?1 order by round, scoredAt, id", complaintId);
    }
}
