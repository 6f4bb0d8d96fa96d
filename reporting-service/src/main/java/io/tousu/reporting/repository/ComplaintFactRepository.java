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

    /** Complaints per province and category; all provinces when {@code province} is null. */
    public Uni<List<CategoryCount>> countByProvinceAndCategory(String province) {
        String select = "select new io.tousu.reporting.domain.CategoryCount(f.province, f.category, count(f)) "
                + "from ComplaintFact f ";
        String group = " group by f.province, f.category order by f.province, f.category";
        return province == null
                ? getSession().flatMap(s -> s.createQuery(select + group, CategoryCount.class).getResultList())
                : getSession().flatMap(s -> s.createQuery(select + "where f.province = :province" + group,
                        CategoryCount.class).setParameter("province", province).getResultList());
    }
}
