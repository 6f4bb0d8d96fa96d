package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.domain.ErrorCase;
import io.tousu.quality.domain.ErrorType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Published error cases. */
@ApplicationScoped
public class ErrorCaseRepository implements PanacheRepositoryBase<ErrorCase, UUID> {

    public Uni<ErrorCase> forError(UUID errorId) {
        return find("errorId", errorId).firstResult();
    }

    /** Cases, newest first; of one error type when given. */
    public Uni<InspectionRepository.Slice<ErrorCase>> page(ErrorType type, Page page) {
        return page(null, type, page);
    }

    /** Cases of the errors of {@code province} (null: every province), newest first; of one error type when given. */
    public Uni<InspectionRepository.Slice<ErrorCase>> page(String province, ErrorType type, Page page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (province != null) {
            where.add("e.province = :province");
            params.and("province", province);
        }
        if (type != null) {
            where.add("e.errorType = :type");
            params.and("type", type);
        }
        PanacheQuery<ErrorCase> q = where.isEmpty() ? find("order by publishedAt desc, id")
                : find("errorId in (select e.id from TicketError e where " + String.join(" and ", where) + ") "
                        + "order by publishedAt desc, id", params);
        return q.page(page).list().flatMap(items -> q.count()
                .map(total -> new InspectionRepository.Slice<>(items, total)));
    }
}
