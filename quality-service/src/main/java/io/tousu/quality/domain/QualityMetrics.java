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

/**
 * Business metrics of quality, tagged by province, counted from the events a committed change
 * published: inspections sampled (by reason) and scored, the scores, ticket errors by type and
 * risk hits by minefield.
 */
@ApplicationScoped
public class QualityMetrics {

    private final MeterRegistry registry;

    public QualityMetrics(MeterRegistry registry) {
        this.registry = registry;
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
