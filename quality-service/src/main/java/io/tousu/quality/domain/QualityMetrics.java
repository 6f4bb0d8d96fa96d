package io.tousu.quality.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.tousu.events.EventEnvelope;
import io.tousu.events.quality.InspectionSampled;
import io.tousu.events.quality.InspectionScored;
import io.tousu.events.quality.RiskHitRecorded;
import io.tousu.events.quality.TicketErrorRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Business metrics of quality, tagged by province, counted from the events a committed change
 * published: inspections sampled (by reason) and scored, the scores, ticket errors by type and
 * risk hits by minefield; and the agents and teams flagged at the latest look at the flags.
 */
@ApplicationScoped
public class QualityMetrics {

    private final MeterRegistry registry;
    private final Map<List<String>, AtomicInteger> flagged = new ConcurrentHashMap<>();

    public QualityMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The agents and teams flagged when the province's flags of a month were last computed, by level
     * (AGENT, TEAM) and measure (TICKET_ERRORS, RISK_HITS): a gauge per province, month, level and measure.
     */
    public void flags(String province, String month, List<Flags.Flag> flags) {
        for (Flags.Level level : Flags.Level.values()) {
            for (Flags.Measure measure : Flags.Measure.values()) {
                int n = (int) flags.stream().filter(f -> f.level() == level && f.measure() == measure).count();
                flagged.computeIfAbsent(List.of(province, month, level.name(), measure.name()), k -> {
                    AtomicInteger value = new AtomicInteger();
                    io.micrometer.core.instrument.Gauge.builder("tousu_quality_flagged", value, AtomicInteger::get)
                            .description("Agents and teams flagged for intervention at the latest look")
                            .tag("province", province).tag("month", month).tag("level", level.name())
                            .tag("measure", measure.name())
                            .register(registry);
                    return value;
                }).set(n);
            }
        }
    }

    /** Counts what a committed change published. */
    public void published(Iterable<EventEnvelope> events) {
        for (EventEnvelope e : events) {
            switch (e.knownType().orElseThrow()) {
                case INSPECTION_SAMPLED -> Counter.builder("tousu_quality_inspections_sampled")
                        .description("Complaints sampled for inspection").tag("province", e.province())
                        .tag("reason", e.payloadAs(InspectionSampled.class).reason()).register(registry).increment();
                case INSPECTION_SCORED -> scored(e, e.payloadAs(InspectionScored.class));
                case TICKET_ERROR_RECORDED -> Counter.builder("tousu_quality_ticket_errors")
                        .description("Ticket errors (工单差错) recorded").tag("province", e.province())
                        .tag("type", e.payloadAs(TicketErrorRecorded.class).errorType()).register(registry)
                        .increment();
                case RISK_HIT_RECORDED -> Counter.builder("tousu_quality_risk_hits")
                        .description("Risk-rule hits (风险地雷库)").tag("province", e.province())
                        .tag("minefield", e.payloadAs(RiskHitRecorded.class).minefield()).register(registry)
                        .increment();
                default -> {
                }
            }
        }
    }

    private void scored(EventEnvelope e, InspectionScored s) {
        Counter.builder("tousu_quality_inspections_scored").description("Inspections scored")
                .tag("province", e.province()).tag("critical_failed", String.valueOf(s.criticalFailed()))
                .register(registry).increment();
        DistributionSummary.builder("tousu_quality_score").description("Inspection scores (of 100)")
                .tag("province", e.province()).register(registry).record(s.score().doubleValue());
    }
}
