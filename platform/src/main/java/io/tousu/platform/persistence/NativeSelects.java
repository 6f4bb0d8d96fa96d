package io.tousu.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native selects run in the current session, with a list parameter that keeps their plan out of
 * Hibernate's query-plan cache.
 *
 * <p>Hibernate Reactive wraps the result-set mapping of every native select in a class without
 * {@code equals()}, so the cache never finds a native select's plan again: each run adds an entry,
 * all entries of one SQL text share a hash bin, and every look-up walks that bin (10% of
 * escalation's CPU in a profile of the end-to-end bench) while the garbage crowds HQL plans out.
 * Hibernate does not cache the plan of a query with a multi-valued parameter ({@code in (?n)} bound
 * to a collection) at all, so these selects cost one cheap plan each run and nothing after it.
 * Statements without results go through {@code executeUpdate}, which is never cached either.
 */
public final class NativeSelects {

    private NativeSelects() {
    }

    /**
     * The rows of {@code sql} as {@code resultClass} (an entity, or a basic type for one column),
     * parameters bound in order as {@code ?1}, {@code ?2}...; at least one must be a collection.
     */
    public static <R> Uni<List<R>> list(Class<R> resultClass, String sql, Object... parameters) {
        if (Arrays.stream(parameters).noneMatch(p -> p instanceof Collection<?>)) {
            throw new IllegalArgumentException("a native select needs a list parameter (in (?n)), so that "
                    + "Hibernate does not cache its plan: " + sql);
        }
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<R> query = session.createNativeQuery(sql, resultClass);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        });
    }
}
