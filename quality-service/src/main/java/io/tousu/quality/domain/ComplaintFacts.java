package io.tousu.quality.domain;

import io.smallrye.mutiny.Uni;
import io.tousu.quality.config.QualityConfig;
import io.tousu.quality.repository.ComplaintFactRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keeps {@link ComplaintFact} in step with the complaint's history, in the event's transaction. */
@ApplicationScoped
public class ComplaintFacts {

    private final QualityConfig config;
    private final ComplaintFactRepository repository;

    public ComplaintFacts(QualityConfig config, ComplaintFactRepository repository) {
        this.config = config;
        this.repository = repository;
    }

    /**
     * Writes the facts of these complaints as their histories now stand, in one statement; a
     * complaint whose receipt has not arrived yet (no province known) is left out until it does.
     */
    public Uni<Void> refreshAll(Map<UUID, ComplaintHistory> histories) {
        List<ComplaintFact> facts = new ArrayList<>(histories.size());
        histories.forEach((complaintId, h) -> {
            if (h.province() != null) {
                facts.add(of(complaintId, h));
            }
        });
        return repository.upsertAll(facts);
    }

    ComplaintFact of(UUID complaintId, ComplaintHistory h) {
        ComplaintFact f = new ComplaintFact();
        f.complaintId = complaintId;
        f.province = h.province();
        f.ticketNo = h.ticketNo();
        f.channel = h.channel();
        f.category = h.category();
        f.agentId = h.agentId();
        f.teamId = h.teamId();
        f.receivedAt = h.receivedAt();
        Instant finished = h.finishedAt();
        f.finishedAt = finished;
        f.finishedMonth = finished == null ? null : YearMonth.from(finished.atZone(config.zone())).toString();
        return f;
    }
}
