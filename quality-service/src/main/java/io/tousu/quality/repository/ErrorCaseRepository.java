package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.domain.ErrorCase;
import io.tousu.quality.domain.ErrorType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Published error cases. */
@ApplicationScoped
public class ErrorCaseRepository implements PanacheRepositoryBase<ErrorCase, UUID> {

    public Uni<ErrorCase> forError(UUID errorId) {
        return find("errorId", errorId).firstResult();
    }

    /** Cases, newest first; of one error type when given. */
    public Uni<InspectionRepository.Slice<ErrorCase>> page(ErrorType type, Page page) {
        PanacheQuery<ErrorCase> q = type == null ? find("order by publishedAt desc, id")
                : find("errorId in (select e.id from TicketError e where e.errorType = :type) "
                        + "order by publishedAt desc, id", Parameters.with("type", type));
        return q.page(page).list().flatMap(items -> q.count()
                .map(total -> new InspectionRepository.Slice<>(items, total)));
    }
}
