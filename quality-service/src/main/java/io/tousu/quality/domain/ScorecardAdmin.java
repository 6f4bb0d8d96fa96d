package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.ProblemException;
import io.tousu.quality.repository.ScorecardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Creates, versions and retires scorecards: one in use per category, plus the default. */
@ApplicationScoped
public class ScorecardAdmin {

    /** What an administrator writes; checked by {@link ScorecardRules}. */
    public record Definition(String name, String category, int passMark, List<ScorecardItem> items,
            String changedBy) {
    }

    private final ScorecardRepository scorecards;
    private final Clock clock;

    public ScorecardAdmin(ScorecardRepository scorecards, Clock clock) {
        this.scorecards = scorecards;
        this.clock = clock;
    }

    public Uni<Scorecard> create(Definition d) {
        check(d);
        return Panache.withTransaction(() -> freeCategory(d.category(), null).flatMap(free -> {
            Scorecard s = version(UUID.randomUUID(), 1, d);
            return s.persist().replaceWith(s);
        }));
    }

    /** Adds a version; the older versions stay for the inspections scored with them. */
    public Uni<Scorecard> update(UUID id, Definition d) {
        check(d);
        return Panache.withTransaction(() -> currentOf(id).flatMap(old -> {
            if (!old.active) {
                throw ProblemException.conflict(Problems.WRONG_STATUS, "scorecard " + id + " is retired");
            }
            if (old.category == null && d.category() != null) {
                throw ProblemException.conflict(Problems.DEFAULT_SCORECARD,
                        "the default scorecard (no category) cannot be narrowed to a category");
            }
            return freeCategory(d.category(), id).flatMap(free -> {
                old.current = false;
                Scorecard s = version(id, old.version + 1, d);
                return old.persistAndFlush().flatMap(x -> s.persist()).replaceWith(s);
            });
        }));
    }

    /** Retires a scorecard: a new version that is no longer in use. The default cannot be retired. */
    public Uni<Scorecard> retire(UUID id, String changedBy) {
        return Panache.withTransaction(() -> currentOf(id).flatMap(old -> {
            if (old.category == null) {
                throw ProblemException.conflict(Problems.DEFAULT_SCORECARD, "the default scorecard cannot be retired");
            }
            if (!old.active) {
                return Uni.createFrom().item(old);
            }
            old.current = false;
            Scorecard s = version(id, old.version + 1, new Definition(old.name, old.category, old.passMark, old.items,
                    changedBy));
            s.active = false;
            return old.persistAndFlush().flatMap(x -> s.persist()).replaceWith(s);
        }));
    }

    private static void check(Definition d) {
        List<Inconsistency> problems = ScorecardRules.check(d.items(), d.passMark());
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
    }

    private Uni<Scorecard> currentOf(UUID id) {
        return scorecards.current(id).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("no scorecard " + id);
            }
            return s;
        });
    }

    private Uni<Void> freeCategory(String category, UUID self) {
        return scorecards.inUse(category).map(taken -> {
            if (taken != null && !Objects.equals(taken.scorecardId, self)) {
                throw ProblemException.conflict(Problems.SCORECARD_IN_USE, (category == null ? "the default scorecard"
                        : "category " + category + " already has scorecard") + " " + taken.scorecardId
                        + "; change that one or retire it first");
            }
            return null;
        });
    }

    private Scorecard version(UUID id, int version, Definition d) {
        Scorecard s = new Scorecard();
        s.scorecardId = id;
        s.version = version;
        s.name = d.name();
        s.category = d.category();
        s.passMark = d.passMark();
        s.items = List.copyOf(d.items());
        s.current = true;
        s.active = true;
        s.changedBy = d.changedBy();
        s.changedAt = clock.instant();
        return s;
    }
}
