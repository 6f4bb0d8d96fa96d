package io.tousu.intake.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The active taxonomy in memory, so intake does not ask the database on every complaint. Reloaded
 * when this replica changes the taxonomy, and at least every {@link #MAX_AGE} (so a change made
 * through another replica reaches this one within that time).
 */
@ApplicationScoped
public class TaxonomyCache {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    /** Active category codes and active {@code category/subcategory} pairs, with their load time. */
    private record Snapshot(Set<String> categories, Set<String> subcategories, long loadedAtNanos) {
    }

    private final TaxonomyRepository taxonomy;
    private volatile Snapshot snapshot;

    public TaxonomyCache(TaxonomyRepository taxonomy) {
        this.taxonomy = taxonomy;
    }

    public Uni<Boolean> isActiveCategory(String code) {
        return current().map(s -> s.categories().contains(code));
    }

    public Uni<Boolean> isActiveSubcategory(String category, String code) {
        return current().map(s -> s.subcategories().contains(category + "/" + code));
    }

    /** Forgets the snapshot; the next look-up reloads it. */
    public void invalidate() {
        snapshot = null;
    }

    private Uni<Snapshot> current() {
        Snapshot s = snapshot;
        if (s != null && System.nanoTime() - s.loadedAtNanos() < MAX_AGE.toNanos()) {
            return Uni.createFrom().item(s);
        }
        return Panache.withSession(() -> taxonomy.categories(false).flatMap(categories -> taxonomy.subcategories(false)
                .map(subs -> new Snapshot(
                        categories.stream().map(c -> c.code).collect(Collectors.toUnmodifiableSet()),
                        subs.stream().map(x -> x.category + "/" + x.code).collect(Collectors.toUnmodifiableSet()),
                        System.nanoTime()))))
                .invoke(loaded -> snapshot = loaded);
    }
}
