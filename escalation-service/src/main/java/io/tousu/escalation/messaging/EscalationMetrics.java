package io.tousu.escalation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.EscalationLevel;
import io.tousu.events.EventEnvelope;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.events.escalation.SlaWarning;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business metrics of escalation, tagged by province and category: warnings (by clock), breaches
 * (by clock and the level the complaint was at) and escalations (by the level reached) as they are
 * committed, regulator risks raised; open clocks by kind, province and state and the firing backlog
 * (from the database); and how late the firing loop acts after a clock's warning or due time.
 */
@ApplicationScoped
public class EscalationMetrics {

    /** What a firing did, the {@code action} tag of the lateness histogram. */
    public enum Firing {
        WARNING, BREACH
    }

    private final MeterRegistry registry;
    private final Pool pool;
    private final Clock clock;
    private final Map<Firing, Timer> lateness = new EnumMap<>(Firing.class);
    private final Map<String, AtomicLong> openClocks = new ConcurrentHashMap<>();
    private final AtomicLong backlog = new AtomicLong();
    private final Map<String, AtomicLong> riskOpen = new ConcurrentHashMap<>();

    public EscalationMetrics(MeterRegistry registry, Pool pool, Clock clock) {
        this.registry = registry;
        this.pool = pool;
        this.clock = clock;
        for (Firing action : Firing.values()) {
            lateness.put(action, Timer.builder("tousu_sla_firing_lateness")
                    .description("How long after its warning or due time a clock was fired (committed)")
                    .tag("action", action.name())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(5))
                    .register(registry));
        }
        Gauge.builder("tousu_sla_firing_backlog", backlog, AtomicLong::get)
                .description("Running clocks whose warning or due time has come but which are not fired yet")
                .register(registry);
    }

    /** Counts what a committed change published. */
    public void published(Iterable<EventEnvelope> events, String category) {
        for (EventEnvelope e : events) {
            switch (e.knownType().orElseThrow()) {
                case SLA_WARNING -> count("tousu_sla_warnings", "SLA warnings raised", e, category, "clock",
                        e.payloadAs(SlaWarning.class).clock());
                case SLA_BREACHED -> {
                    SlaBreached breach = e.payloadAs(SlaBreached.class);
                    count("tousu_sla_breaches", "SLA deadlines missed, by the level the complaint was at", e,
                            category, "clock", breach.clock(), "level", levelName(breach.level()));
                }
                case COMPLAINT_ESCALATED -> count("tousu_escalations", "Escalations, by the level reached", e,
                        category, "level", e.payloadAs(ComplaintEscalated.class).levelName());
                case REGULATOR_RISK_RAISED -> count("tousu_regulator_risks_raised",
                        "Complaints flagged at risk of a regulator appeal", e, category);
                default -> {
                }
            }
        }
    }

    /** Records how late a clock was fired. */
    public void fired(Firing action, Duration late) {
        lateness.get(action).record(late.isNegative() ? Duration.ZERO : late);
    }

    /**
     * Refreshes the gauges read from the database: open clocks (running, paused, or breached with
     * nobody left to escalate to) by kind, province and state, the firing backlog, and the open
     * complaints at regulator risk by province. Every replica
     * reports the same figures: aggregate them across pods with max, not sum.
     */
    @Scheduled(every = "${tousu.escalation.gauge-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshOpenClocks() {
        return pool.query("select kind, province, state, count(*) as n from sla_clocks where state <> 'STOPPED' "
                + "group by kind, province, state").execute().map(rows -> {
                    Set<String> seen = new HashSet<>();
                    for (Row row : rows) {
                        String kind = row.getString("kind");
                        String province = row.getString("province");
                        String state = row.getString("state");
                        String key = kind + "/" + province + "/" + state;
                        seen.add(key);
                        openClocks.computeIfAbsent(key, k -> gauge(kind, province, state)).set(row.getLong("n"));
                    }
                    openClocks.forEach((key, value) -> {
                        if (!seen.contains(key)) {
                            value.set(0);
                        }
                    });
                    return null;
                }).flatMap(ignored -> pool.preparedQuery("select count(*) from sla_clocks where state = 'RUNNING' "
                        + "and fire_at <= $1").execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC))))
                .map(rows -> {
                    backlog.set(rows.iterator().next().getLong(0));
                    return null;
                })
                .flatMap(ignored -> pool.query("select province, count(*) from tracked_complaints "
                        + "where phase = 'OPEN' and risk_raised_at is not null group by province").execute())
                .map(rows -> {
                    Set<String> seen = new HashSet<>();
                    for (Row row : rows) {
                        String province = row.getString(0);
                        seen.add(province);
                        riskOpen.computeIfAbsent(province, this::riskGauge).set(row.getLong(1));
                    }
                    riskOpen.forEach((province, value) -> {
                        if (!seen.contains(province)) {
                            value.set(0);
                        }
                    });
                    return null;
                });
    }

    /** {@code tousu_regulator_risk_open{province}}: open complaints whose regulator risk was raised. */
    private AtomicLong riskGauge(String province) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("tousu_regulator_risk_open", value, AtomicLong::get)
                .description("Open complaints at risk of a regulator appeal (RegulatorRiskRaised, not yet resolved)")
                .tag("province", province).register(registry);
        return value;
    }

    private AtomicLong gauge(String kind, String province, String state) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("tousu_sla_open_clocks", value, AtomicLong::get)
                .description("Open SLA clocks (refreshed every tousu.escalation.gauge-refresh)")
                .tag("kind", kind).tag("province", province).tag("state", state).register(registry);
        return value;
    }

    /** {@code OWNER} for level 0, else the level's name. */
    static String levelName(int level) {
        return level == 0 ? "OWNER" : EscalationLevel.values()[Math.min(level, EscalationLevel.values().length) - 1]
                .name();
    }

    private void count(String name, String description, EventEnvelope e, String category, String... tags) {
        Counter.Builder builder = Counter.builder(name).description(description)
                .tag("province", e.province()).tag("category", category);
        for (int i = 0; i + 1 < tags.length; i += 2) {
            if (tags[i] != null) {
                builder.tag(tags[i], tags[i + 1]);
            }
        }
        builder.register(registry).increment();
    }
}
