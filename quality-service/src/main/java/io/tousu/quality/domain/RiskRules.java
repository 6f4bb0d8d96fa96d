package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.ProblemException;
import io.tousu.quality.config.QualityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The risk-rule library: administrators add, change, disable and enable rules (each checked by
 * {@link RuleBook#check}); the consumer evaluates events against the enabled rules, which each
 * replica keeps compiled for {@code tousu.quality.risk.rules-refresh} and reloads at once after a
 * change made through it.
 */
@ApplicationScoped
public class RiskRules {

    private static final Logger LOG = Logger.getLogger(RiskRules.class);

    private record Loaded(RuleBook book, Instant at) {
    }

    private final Clock clock;
    private final Duration refresh;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();

    public RiskRules(Clock clock, QualityConfig config) {
        this.clock = clock;
        this.refresh = config.risk().rulesRefresh();
    }

    /** The enabled rules, compiled; must be called within a session (the consumer's transaction). */
    public Uni<RuleBook> book() {
        Loaded l = loaded.get();
        Instant now = clock.instant();
        if (l != null && l.at().plus(refresh).isAfter(now)) {
            return Uni.createFrom().item(l.book());
        }
        return RiskRule.<RiskRule>list("enabled = true order by code").map(rules -> {
            List<RuleBook.Compiled> compiled = new ArrayList<>();
            for (RiskRule r : rules) {
                try {
                    compiled.add(RuleBook.compile(r.id, r.version, r.definition()));
                } catch (RuntimeException e) {
                    LOG.errorf("risk rule %s v%d is skipped: %s", r.code, r.version, e.getMessage());
                }
            }
            RuleBook book = RuleBook.of(compiled);
            loaded.set(new Loaded(book, now));
            return book;
        });
    }

    /** Forgets the compiled rules: the next event loads them again. */
    public void invalidate() {
        loaded.set(null);
    }

    public Uni<RiskRule> create(RuleBook.Definition d, String by) {
        check(d);
        return Panache.withTransaction(() -> RiskRule.count("code", d.code()).flatMap(n -> {
            if (n > 0) {
                throw ProblemException.conflict(Problems.RULE_CODE_TAKEN, "a rule with code " + d.code()
                        + " exists already");
            }
            RiskRule r = new RiskRule();
            r.id = UUID.randomUUID();
            r.version = 1;
            r.enabled = true;
            r.createdAt = clock.instant();
            apply(r, d, by);
            return r.persist().flatMap(x -> RiskRuleVersion.of(r).persist()).replaceWith(r);
        })).invoke(this::invalidate);
    }

    /** Changes a rule (its code stays): a new version, used for the events consumed from now on. */
    public Uni<RiskRule> update(UUID id, RuleBook.Definition d, String by) {
        check(d);
        return Panache.withTransaction(() -> find(id).flatMap(r -> {
            if (!r.code.equals(d.code())) {
                throw ProblemException.invalidField("code", "cannot be changed (is " + r.code + ")");
            }
            r.version++;
            apply(r, d, by);
            return r.persist().flatMap(x -> RiskRuleVersion.of(r).persist()).replaceWith(r);
        })).invoke(this::invalidate);
    }

    /** Disables or enables a rule; doing it twice changes nothing. */
    public Uni<RiskRule> enable(UUID id, boolean enabled, String by) {
        return Panache.withTransaction(() -> find(id).flatMap(r -> {
            if (r.enabled == enabled) {
                return Uni.createFrom().item(r);
            }
            r.enabled = enabled;
            r.updatedAt = clock.instant();
            r.updatedBy = by;
            return r.persist().replaceWith(r);
        })).invoke(this::invalidate);
    }

    public Uni<RiskRule> get(UUID id) {
        return Panache.withSession(() -> find(id));
    }

    /** Every version of a rule, oldest first; 404 for an unknown rule. */
    public Uni<List<RiskRuleVersion>> versions(UUID id) {
        return Panache.withSession(() -> find(id).flatMap(r -> RiskRuleVersion.<RiskRuleVersion>list(
                "ruleId = ?1 order by version", id)));
    }

    private static Uni<RiskRule> find(UUID id) {
        return RiskRule.<RiskRule>findById(id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("no risk rule " + id);
            }
            return r;
        });
    }

    private void apply(RiskRule r, RuleBook.Definition d, String by) {
        r.code = d.code();
        r.name = d.name();
        r.minefield = Minefield.valueOf(d.minefield());
        r.severity = Severity.valueOf(d.severity());
        r.description = d.description();
        r.eventTypes = String.join(",", d.eventTypes());
        r.condition = d.condition().toString();
        r.updatedAt = clock.instant();
        r.updatedBy = by;
    }

    private static void check(RuleBook.Definition d) {
        List<Inconsistency> problems = RuleBook.check(d);
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
    }
}
