package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.domain.Appeal;
import io.tousu.quality.domain.AppealStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Appeals (复核). */
@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {

    /** Appeals of the status and province (null: any), oldest first. */
    public Uni<InspectionRepository.Slice<Appeal>> page(AppealStatus status, String province, Page page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (province != null) {
            where.add("province = :province");
            params.and("province", province);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by appealedAt, id";
        PanacheQuery<Appeal> q = find(query, params);
        return q.page(page).list().flatMap(items -> q.count().map(total -> new InspectionRepository.Slice<>(items,
                total)));
    }
}
