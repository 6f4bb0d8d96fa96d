package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.domain.ErrorType;
import io.tousu.quality.domain.TicketError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Ticket errors. */
@ApplicationScoped
public class TicketErrorRepository implements PanacheRepositoryBase<TicketError, UUID> {

    public Uni<TicketError> bySource(String sourceKey) {
        return find("sourceKey", sourceKey).firstResult();
    }

    /** Errors matching the filters (null: any), newest first. */
    public Uni<InspectionRepository.Slice<TicketError>> page(UUID complaintId, String agentId, ErrorType type,
            Page page) {
        return page(null, complaintId, agentId, type, page);
    }

    /** Errors of {@code province} (null: every province) matching the filters (null: any), newest first. */
    public Uni<InspectionRepository.Slice<TicketError>> page(String province, UUID complaintId, String agentId,
            ErrorType type, Page page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (province != null) {
            where.add("province = :province");
            params.and("province", province);
        }
        if (complaintId != null) {
            where.add("complaintId = :complaintId");
            params.and("complaintId", complaintId);
        }
        if (agentId != null) {
            where.add("agentId = :agentId");
            params.and("agentId", agentId);
        }
        if (type != null) {
            where.add("errorType = :type");
            params.and("type", type);
        }
        PanacheQuery<TicketError> q = find((where.isEmpty() ? "" : String.join(" and ", where) + " ")
                + "order by recordedAt desc, id", params);
        return q.page(page).list().flatMap(items -> q.count()
                .map(total -> new InspectionRepository.Slice<>(items, total)));
    }
}
