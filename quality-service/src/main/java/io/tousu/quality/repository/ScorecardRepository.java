package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.domain.Scorecard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Scorecard versions. */
@ApplicationScoped
public class ScorecardRepository implements PanacheRepositoryBase<Scorecard, Long> {

    /** The newest version of every scorecard, defaults first. */
    public Uni<List<Scorecard>> current(boolean includeRetired) {
        return list(includeRetired ? "current = true order by category nulls first, name"
                : "current = true and active = true order by category nulls first, name");
    }

    public Uni<Scorecard> current(UUID scorecardId) {
        return find("scorecardId = ?1 and current = true", scorecardId).firstResult();
    }

    public Uni<Scorecard> version(UUID scorecardId, int version) {
        return find("scorecardId = ?1 and version = ?2", scorecardId, version).firstResult();
    }

    public Uni<List<Scorecard>> versions(UUID scorecardId) {
        return list("scorecardId = ?1 order by version", scorecardId);
    }

    /** The scorecard in use for the category, else the default one; null when there is neither. */
    public Uni<Scorecard> forCategory(String category) {
        return find("current = true and active = true and (category = ?1 or category is null) "
                + "order by category nulls last", category == null ? "" : category).firstResult();
    }

    /** The scorecard in use for exactly this category (null: the default), or null. */
    public Uni<Scorecard> inUse(String category) {
        return category == null ? find("current = true and active = true and category is null").firstResult()
                : find("current = true and active = true and category = ?1", category).firstResult();
    }
}
