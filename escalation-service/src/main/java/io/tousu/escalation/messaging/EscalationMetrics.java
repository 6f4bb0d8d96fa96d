package io.tousu.escalation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.events.escalation.SlaWarning;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business metrics of escalation, tagged by province and category: warnings, breaches and
 * escalations (by level) as they are committed, regulator risks raised, open clocks by kind, and
 * how late the firing loop acts after a clock's firing time.
 */
@ApplicationScoped
public class EscalationMetrics {

    private final MeterRegistry registry;
    private final Pool pool;
    private final Timer lateness;
    private final Map<String, AtomicLong> openClocks = new ConcurrentHashMap<>();

    public EscalationMetrics(MeterRegistry registry, Pool pool) {
        this.registry = registry;
        this.pool = pool;
        this.lateness = Timer.builder("tousu_sla_firing_lateness")
                .description("How long after its warning or due time a clock was fired")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    /** Counts what a committed change published. */
    public void published(Iterable<EventEnvelope> events, String category) {
        for (EventEnvelope e : events) {
            switch (e.knownType().orElseThrow()) {
                case SLA_WARNING -> count("tousu_sla_warnings", "SLA warnings raised", e, category, "clock",
                        e.payloadAs(SlaWarning.class).clock());
                case SLA_BREACHED -> count("tousu_sla_breaches", "SLA deadlines missed", e, category, "clock",
                        e.payloadAs(SlaBreached.class).clock());
                case COMPLAINT_ESCALATED -> count("tousu_escalations", "Escalations, by the level reached", e,
                        category, "level", e.payloadAs(ComplaintEscalated.class).levelName());
                case REGULATOR_RISK_RAISED -> count("tousu_regulator_risks_raised",
                        "Complaints flagged at risk of a regulator appeal", e, category, null, null);
                default -> {
                }
            }
        }
    }

    /** Records how late a clock was fired. */
    public void fired(Duration late) {
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }

    /** Refreshes the open-clock gauges (running, paused or breached clocks by kind and province). */
    @Scheduled(every = "${tousu.escalation.gauge-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshOpenClocks() {
        return pool.query("select kind, province, count(*) as n from sla_clocks where state <> 'STOPPED' "
                + "group by kind, province").execute().map(rows -> {
                    Set<String> seen = new HashSet<>();
                    for (Row row : rows) {
                        String kind = row.getString("kind");
                        String province = row.getString("province");
                        String key = kind + "/" + province;
                        seen.add(key);
                        openClocks.computeIfAbsent(key, k -> gauge(kind, province)).set(row.getLong("n"));
                    }
                    openClocks.forEach((key, value) -> {
                        if (!seen.contains(key)) {
                            value.set(0);
                        }
                    });
                    return null;
                });
    }

    private AtomicLong gauge(String kind, String province) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("tousu_sla_open_clocks", value, AtomicLong::get).description("Open SLA clocks")
                .tag("kind", kind).tag("province", province).register(registry);
        return value;
    }

    private void count(String name, String description, EventEnvelope e, String category, String tag, String value) {
        Counter.Builder builder = Counter.builder(name).description(description)
                .tag("province", e.province()).tag("category", category);
        if (tag != null) {
            builder.tag(tag, value);
        }
        builder.register(registry).increment();
    }
}
