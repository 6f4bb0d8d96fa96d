package io.tousu.reporting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.reporting.domain.CategoryCount;
import io.tousu.reporting.domain.ComplaintFact;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The complaint facts read model. */
@ApplicationScoped
public class ComplaintFactRepository implements PanacheRepositoryBase<ComplaintFact, UUID> {

    /**
     * Complaints received per province and category; all provinces when {@code province} is null.
     * Facts created by a later event before their ComplaintReceived arrived are not counted yet.
     */
    public Uni<List<CategoryCount>> countByProvinceAndCategory(String province) {
        String select = "select new io.tousu.reporting.domain.CategoryCount(f.province, f.category, count(f)) "
                + "from ComplaintFact f where f.receivedAt is not null ";
        String group = " group by f.province, f.category order by f.province, f.category";
        return province == null
                ? getSession().flatMap(s -> s.createQuery(select + group, CategoryCount.class).getResultList())
                : getSession().flatMap(s -> s.createQuery(select + "and f.province = :province" + group,
                        CategoryCount.class).setParameter("province", province).getResultList());
    }
}
