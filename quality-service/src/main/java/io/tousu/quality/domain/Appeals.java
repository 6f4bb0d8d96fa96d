package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.events.quality.AppealDecided;
import io.tousu.platform.messaging.Outbox;
import io.tousu.platform.rest.ProblemException;
import io.tousu.quality.config.QualityConfig;
import io.tousu.quality.repository.AppealRepository;
import io.tousu.quality.repository.InspectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Appeals (复核): the inspected agent appeals a scored inspection within the window; an inspector
 * other than the one who scored it decides, and AppealDecided is published with the final score.
 */
@ApplicationScoped
public class Appeals {

    /** A second inspector's decision. */
    public record Decision(String decidedBy, boolean upheld, BigDecimal finalScore, String reason) {
    }

    private final AppealRepository appeals;
    private final InspectionRepository inspections;
    private final Outbox outbox;
    private final QualityMetrics metrics;
    private final Duration window;
    private final Clock clock;

    public Appeals(AppealRepository appeals, InspectionRepository inspections, Outbox outbox, QualityMetrics metrics,
            QualityConfig config, Clock clock) {
        this.appeals = appeals;
        this.inspections = inspections;
        this.outbox = outbox;
        this.metrics = metrics;
        this.window = config.appeals().window();
        this.clock = clock;
    }

    /** The agent {@code agentId} appeals the inspection; 404 when {@code visible} refuses its province. */
    public Uni<Appeal> appeal(UUID inspectionId, String agentId, String reason, Predicate<String> visible) {
        return Panache.withTransaction(() -> inspections.findById(inspectionId).flatMap(i -> {
            if (i == null || !visible.test(i.province)) {
                throw ProblemException.notFound("no inspection " + inspectionId);
            }
            if (i.agentId == null || !i.agentId.equals(agentId)) {
                throw Problems.forbidden(Problems.NOT_THE_AGENT, "Not the inspected agent",
                        "only the inspected agent may appeal inspection " + inspectionId);
            }
            if (i.isCalibration()) {
                throw ProblemException.conflict(Problems.WRONG_STATUS, "inspection " + inspectionId
                        + " is a calibration inspection and does not count toward the agent");
            }
            if (i.status != InspectionStatus.SCORED) {
                throw ProblemException.conflict(Problems.WRONG_STATUS, "inspection " + inspectionId + " is "
                        + i.status + "; only a scored inspection not yet appealed can be appealed");
            }
            Instant now = clock.instant();
            Instant closes = i.scoredAt.plus(window);
            if (now.isAfter(closes)) {
                throw ProblemException.conflict(Problems.APPEAL_WINDOW, "the appeal window of inspection "
                        + inspectionId + " closed at " + closes + " (" + window + " after scoring)");
            }
            Appeal a = new Appeal();
            a.id = UUID.randomUUID();
            a.inspectionId = i.id;
            a.complaintId = i.complaintId;
            a.province = i.province;
            a.agentId = agentId;
            a.reason = reason;
            a.status = AppealStatus.OPEN;
            a.originalScore = i.score;
            a.appealedAt = now;
            i.status = InspectionStatus.APPEALED;
            return a.persist().replaceWith(a);
        }));
    }

    /** Decides an open appeal; publishes AppealDecided in the same transaction. */
    public Uni<Appeal> decide(UUID appealId, Decision d, Predicate<String> visible) {
        AtomicReference<Outgoing> out = new AtomicReference<>(new Outgoing(outbox));
        return Panache.withTransaction(() -> appeals.findById(appealId).flatMap(a -> {
            if (a == null || !visible.test(a.province)) {
                throw ProblemException.notFound("no appeal " + appealId);
            }
            return inspections.findById(a.inspectionId).flatMap(i -> {
                if (d.decidedBy().equals(i.inspectorId)) {
                    throw Problems.forbidden(Problems.SAME_INSPECTOR, "Same inspector",
                            "inspection " + i.id + " was scored by " + i.inspectorId
                                    + "; another inspector decides the appeal");
                }
                if (a.status != AppealStatus.OPEN) {
                    throw ProblemException.conflict(Problems.APPEAL_STATUS, "appeal " + appealId + " is already "
                            + a.status);
                }
                BigDecimal finalScore = d.upheld() ? d.finalScore() : a.originalScore;
                if (d.upheld()) {
                    if (finalScore == null) {
                        throw ProblemException.invalidField("finalScore", "is required when the appeal is upheld");
                    }
                    if (finalScore.signum() < 0 || (i.maxScore != null && finalScore.compareTo(i.maxScore) > 0)) {
                        throw ProblemException.invalidField("finalScore", "must be 0 to " + i.maxScore);
                    }
                } else if (d.finalScore() != null && d.finalScore().compareTo(a.originalScore) != 0) {
                    throw ProblemException.invalidField("finalScore", "must be left out (or equal the original score "
                            + a.originalScore + ") when the appeal is not upheld");
                }
                Instant now = clock.instant();
                a.status = d.upheld() ? AppealStatus.UPHELD : AppealStatus.REJECTED;
                a.upheld = d.upheld();
                a.decidedBy = d.decidedBy();
                a.finalScore = finalScore;
                a.decisionReason = d.reason();
                a.decidedAt = now;
                i.finalScore = finalScore;
                i.status = InspectionStatus.REVIEWED;
                return out.get().publish(new AppealDecided(a.id.toString(), i.id.toString(), d.decidedBy(),
                        d.upheld(), a.originalScore, finalScore, d.reason(), now), i.province, i.complaintId, now)
                        .replaceWith(a);
            });
        })).invoke(() -> metrics.published(out.get().events()));
    }
}
