package io.tousu.quality.domain;

import io.smallrye.mutiny.Uni;
import io.tousu.quality.config.QualityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** Keeps {@link ComplaintFact} in step with the complaint's history, in the event's transaction. */
@ApplicationScoped
public class ComplaintFacts {

    private final QualityConfig config;

    public ComplaintFacts(QualityConfig config) {
        this.config = config;
    }

    public Uni<Void> refresh(UUID complaintId, ComplaintHistory h) {
        if (h.province() == null) {
            return Uni.createFrom().voidItem();
        }
        return ComplaintFact.<ComplaintFact>findById(complaintId).flatMap(found -> {
            ComplaintFact f = found != null ? found : new ComplaintFact();
            f.complaintId = complaintId;
            f.province = h.province();
            f.ticketNo = h.ticketNo();
            f.channel = h.channel();
            f.category = h.category();
            f.agentId = h.agentId();
            f.teamId = h.teamId();
            f.receivedAt = h.receivedAt();
            Instant finished = h.isResolved() ? h.resolution().resolvedAt() : h.closedAt();
            f.finishedAt = finished;
            f.finishedMonth = finished == null ? null : YearMonth.from(finished.atZone(config.zone())).toString();
            return f.persist().replaceWithVoid();
        });
    }
}
