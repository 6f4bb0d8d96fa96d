package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.events.quality.InspectionScored;
import io.tousu.platform.messaging.Outbox;
import io.tousu.platform.rest.ProblemException;
import io.tousu.quality.config.QualityConfig;
import io.tousu.quality.repository.HistoryRepository;
import io.tousu.quality.repository.InspectionRepository;
import io.tousu.quality.repository.ScorecardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** The inspector's work on an inspection: look at it with the automatic items pre-filled, claim it, score it. */
@ApplicationScoped
public class InspectionWork {

    /** An inspection, the scorecard it is (or was) scored with and the automatic items from the history. */
    public record Detail(Inspection inspection, Scorecard scorecard, Map<AutoCheck, AutomaticItems.Outcome> automatic) {
    }

    /** What the inspector sends to score. */
    public record Scoring(String inspectorId, List<ScoreCheck.Given> items, String comment) {
    }

    private final InspectionRepository inspections;
    private final ScorecardRepository scorecards;
    private final HistoryRepository history;
    private final Outbox outbox;
    private final QualityMetrics metrics;
    private final AutomaticItems automaticItems;
    private final Clock clock;

    public InspectionWork(InspectionRepository inspections, ScorecardRepository scorecards, HistoryRepository history,
            Outbox outbox, QualityMetrics metrics, QualityConfig config, Clock clock) {
        this.inspections = inspections;
        this.scorecards = scorecards;
        this.history = history;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.automaticItems = new AutomaticItems(config.timeliness().firstResponse(),
                config.timeliness().handOffAnswer());
    }

    public Uni<Detail> detail(UUID id) {
        return detail(id, province -> true);
    }

    /** The inspection; 404 as for an unknown id when {@code visible} refuses its province. */
    public Uni<Detail> detail(UUID id, Predicate<String> visible) {
        return Panache.withSession(() -> load(id, visible).flatMap(this::detailOf));
    }

    private Uni<Detail> detailOf(Inspection i) {
        Uni<Scorecard> card = i.scorecardId != null ? scorecards.version(i.scorecardId, i.scorecardVersion)
                : scorecards.forCategory(i.category);
        return card.flatMap(c -> history.events(i.complaintId).map(events -> new Detail(i, c,
                automaticItems.evaluate(ComplaintHistory.of(events), clock.instant()))));
    }

    /** Claims a pending inspection for the inspector; claiming one's own claim again changes nothing. */
    public Uni<Inspection> claim(UUID id, String inspectorId) {
        return claim(id, inspectorId, province -> true);
    }

    /** Claims it; 404 as for an unknown id when {@code visible} refuses its province. */
    public Uni<Inspection> claim(UUID id, String inspectorId, Predicate<String> visible) {
        return Panache.withTransaction(() -> load(id, visible).map(i -> {
            if (i.status == InspectionStatus.CLAIMED && inspectorId.equals(i.inspectorId)) {
                return i;
            }
            if (i.status == InspectionStatus.CLAIMED) {
                throw ProblemException.conflict(Problems.ALREADY_CLAIMED, "inspection " + id
                        + " is claimed by " + i.inspectorId);
            }
            if (i.status != InspectionStatus.PENDING) {
                throw ProblemException.conflict(Problems.WRONG_STATUS, "inspection " + id + " is " + i.status);
            }
            i.status = InspectionStatus.CLAIMED;
            i.inspectorId = inspectorId;
            i.claimedAt = clock.instant();
            return i;
        }));
    }

    /** Scores a claimed inspection with the scorecard in use for its category; publishes InspectionScored. */
    public Uni<Detail> score(UUID id, Scoring s) {
        return score(id, s, province -> true);
    }

    /** Scores it; 404 as for an unknown id when {@code visible} refuses its province. */
    public Uni<Detail> score(UUID id, Scoring s, Predicate<String> visible) {
        AtomicReference<Outgoing> out = new AtomicReference<>();
        return Panache.withTransaction(() -> load(id, visible).flatMap(i -> {
            if (i.status != InspectionStatus.CLAIMED || !s.inspectorId().equals(i.inspectorId)) {
                throw ProblemException.conflict(i.status == InspectionStatus.PENDING || i.status
                        == InspectionStatus.CLAIMED ? Problems.ALREADY_CLAIMED : Problems.WRONG_STATUS,
                        "inspection " + id + " is " + i.status + (i.inspectorId != null ? " by " + i.inspectorId : "")
                                + "; only the inspector who claimed it scores it");
            }
            return scorecards.forCategory(i.category).flatMap(card -> {
                if (card == null) {
                    throw new IllegalStateException("no default scorecard; seeded by V3 and never retired");
                }
                return history.events(i.complaintId).flatMap(events -> {
                    Instant now = clock.instant();
                    Map<AutoCheck, AutomaticItems.Outcome> auto = automaticItems.evaluate(ComplaintHistory.of(events),
                            now);
                    ScoreCheck.Completed answers = ScoreCheck.complete(card.items, s.items(), auto);
                    ScoreCalculator.Result r = ScoreCalculator.score(card.items, answers.answers(),
                            answers.automatic(), card.passMark);
                    i.scorecardId = card.scorecardId;
                    i.scorecardVersion = card.version;
                    i.rawScore = r.rawScore();
                    i.score = r.score();
                    i.maxScore = r.maxScore();
                    i.criticalFailed = r.criticalFailed();
                    i.passed = r.passed();
                    i.itemScores = r.items();
                    i.comment = s.comment();
                    i.scoredAt = now;
                    i.status = InspectionStatus.SCORED;
                    out.set(new Outgoing(outbox));
                    if (i.isCalibration()) {
                        // a calibration score does not count toward the agent: nothing is published
                        return Uni.createFrom().item(new Detail(i, card, auto));
                    }
                    return out.get().publish(new InspectionScored(i.id.toString(), s.inspectorId(), i.agentId,
                            card.scorecardId.toString(), card.version, r.score(), r.maxScore(), r.criticalFailed(),
                            now), i.province, i.complaintId, now).replaceWith(new Detail(i, card, auto));
                });
            });
        })).invoke(() -> metrics.published(out.get().events()));
    }

    /** The scored inspections of a complaint (calibration ones included) and the spread of their scores. */
    public record Calibration(UUID complaintId, List<Inspection> inspections, Spread spread) {
    }

    /**
     * Opens a calibration inspection of the sampled inspection {@code id}, claimed by {@code inspectorId}, who
     * then scores it as usual; it does not count toward the agent (no quota, no InspectionScored, no appeal).
     */
    public Uni<Inspection> calibrate(UUID id, String inspectorId, Predicate<String> visible) {
        return Panache.withTransaction(() -> load(id, visible).flatMap(original -> {
            if (original.isCalibration()) {
                throw ProblemException.conflict(Problems.CALIBRATION, "inspection " + id
                        + " is itself a calibration inspection; calibrate " + original.calibrationOf);
            }
            if (inspectorId.equals(original.inspectorId)) {
                throw ProblemException.conflict(Problems.CALIBRATION, "inspector " + inspectorId
                        + " already inspects " + id + "; calibration needs another inspector");
            }
            return inspections.count("calibrationOf = ?1 and inspectorId = ?2", id, inspectorId).flatMap(n -> {
                if (n > 0) {
                    throw ProblemException.conflict(Problems.CALIBRATION, "inspector " + inspectorId
                            + " already has a calibration inspection of " + id);
                }
                Instant now = clock.instant();
                Inspection c = new Inspection();
                c.id = UUID.randomUUID();
                c.calibrationOf = original.id;
                c.complaintId = original.complaintId;
                c.round = original.round;
                c.ticketNo = original.ticketNo;
                c.province = original.province;
                c.channel = original.channel;
                c.category = original.category;
                c.agentId = original.agentId;
                c.teamId = original.teamId;
                c.reason = "CALIBRATION";
                c.reasons = "";
                c.highRisk = original.highRisk;
                c.sampledAt = now;
                c.sampleMonth = original.sampleMonth;
                c.status = InspectionStatus.CLAIMED;
                c.inspectorId = inspectorId;
                c.claimedAt = now;
                return c.persist().replaceWith(c);
            });
        }));
    }

    /** The scored inspections of the complaint that {@code visible} allows; 404 when there is none at all. */
    public Uni<Calibration> calibration(UUID complaintId, Integer round, Predicate<String> visible) {
        return Panache.withSession(() -> inspections.ofComplaint(complaintId)).map(all -> {
            List<Inspection> seen = all.stream().filter(i -> visible.test(i.province))
                    .filter(i -> round == null || i.round == round).toList();
            if (seen.isEmpty()) {
                throw ProblemException.notFound("no inspection of complaint " + complaintId
                        + (round == null ? "" : " in round " + round));
            }
            List<Inspection> scored = seen.stream().filter(i -> i.score != null).toList();
            return new Calibration(complaintId, scored, Spread.of(scored.stream().map(i -> i.score).toList()));
        });
    }

    private Uni<Inspection> load(UUID id, Predicate<String> visible) {
        return inspections.findById(id).map(i -> {
            if (i == null || !visible.test(i.province)) {
                throw ProblemException.notFound("no inspection " + id);
            }
            return i;
        });
    }
}
