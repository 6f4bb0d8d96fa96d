package io.tousu.quality.domain;

import io.smallrye.mutiny.Uni;
import io.tousu.events.quality.InspectionSampled;
import io.tousu.quality.config.QualityConfig;
import io.tousu.quality.repository.InspectionRepository;
import io.tousu.quality.repository.SamplingDecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Decides, once per resolution round, whether a resolved or closed complaint is inspected, stores the
 * decision and its reason, and queues the inspection (InspectionSampled). A complaint not sampled
 * that later turns out high-risk (an escalation or the receipt arriving late) is sampled then.
 */
@ApplicationScoped
public class SamplingService {

    private final SamplingDecisionRepository decisions;
    private final InspectionRepository inspections;
    private final QualityConfig config;
    private final Sampler sampler;
    private final Clock clock;

    public SamplingService(SamplingDecisionRepository decisions, InspectionRepository inspections,
            QualityConfig config, Clock clock) {
        this.decisions = decisions;
        this.inspections = inspections;
        this.config = config;
        this.clock = clock;
        this.sampler = new Sampler(config.sampling().randomShare(), config.sampling().seed(),
                config.sampling().perAgentMonthly());
    }

    /** Called with the complaint's history after each of its events, in the event's transaction. */
    public Uni<Void> consider(UUID complaintId, ComplaintHistory h, Outgoing out) {
        if (!h.isFinished()) {
            return Uni.createFrom().voidItem();
        }
        List<String> highRisk = HighRiskRules.reasons(h);
        return decisions.find(complaintId, h.round()).flatMap(existing -> {
            if (existing == null) {
                return decide(complaintId, h, highRisk, out);
            }
            if (!existing.sampled && !highRisk.isEmpty()) {
                Sampler.Decision late = new Sampler.Decision(true, highRisk.get(0), highRisk, true, existing.draw);
                return sample(complaintId, h, existing, late, out);
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> decide(UUID complaintId, ComplaintHistory h, List<String> highRisk, Outgoing out) {
        String agent = h.agentId();
        String month = month(h.finishedAt());
        Uni<Long> agentCount = agent == null ? Uni.createFrom().item(0L) : inspections.countForAgent(agent, month);
        return agentCount.flatMap(count -> {
            Sampler.Decision d = sampler.decide(complaintId, h.round(), highRisk, agent != null, count);
            SamplingDecision row = new SamplingDecision();
            row.complaintId = complaintId;
            row.round = h.round();
            row.province = h.province();
            row.agentId = agent;
            row.draw = d.draw();
            row.decidedAt = clock.instant();
            row.sampled = false;
            row.reason = d.reason();
            row.reasons = String.join(",", d.reasons());
            row.highRisk = d.highRisk();
            return d.sampled() ? sample(complaintId, h, row, d, out) : row.persist().replaceWithVoid();
        });
    }

    private Uni<Void> sample(UUID complaintId, ComplaintHistory h, SamplingDecision row, Sampler.Decision d,
            Outgoing out) {
        Instant now = clock.instant();
        Inspection i = new Inspection();
        i.id = UUID.randomUUID();
        i.complaintId = complaintId;
        i.round = h.round();
        i.ticketNo = h.ticketNo();
        i.province = h.province();
        i.channel = h.channel();
        i.category = h.category();
        i.agentId = h.agentId();
        i.teamId = h.teamId();
        i.reason = d.reason();
        i.reasons = String.join(",", d.reasons());
        i.highRisk = d.highRisk();
        i.sampledAt = now;
        i.sampleMonth = month(h.finishedAt());
        i.status = InspectionStatus.PENDING;
        row.sampled = true;
        row.reason = d.reason();
        row.reasons = i.reasons;
        row.highRisk = d.highRisk();
        row.inspectionId = i.id;
        return i.persist().flatMap(x -> row.persist())
                .flatMap(x -> out.publish(new InspectionSampled(i.id.toString(), i.agentId, i.reason, i.highRisk, now),
                        i.province, complaintId, now));
    }

    private String month(Instant at) {
        return YearMonth.from(at.atZone(config.zone())).toString();
    }
}
