package io.tousu.intake.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.config.IntakeConfig;
import io.tousu.intake.repository.ComplaintRepository;
import io.tousu.intake.repository.HistoryRepository;
import io.tousu.intake.repository.PromiseRepository;
import io.tousu.intake.repository.TrackingFailureRepository;
import io.tousu.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Customer self-service (transparency): a customer reaches their complaint with the ticket number
 * AND a verification (the last four digits of the phone number), never the number alone. A wrong
 * verification and an unknown ticket look the same (404); failed look-ups are counted per ticket
 * and per client address and, past either limit, refused (429) for a while.
 */
@ApplicationScoped
public class CustomerTracking {

    /** What the customer sees: stages in plain words, the next step, and what they can do. */
    public record TrackingView(String ticketNo, Stage currentStage, List<StageReached> stages, NextStep nextStep,
            int urgeCount, boolean canUrge, boolean followUpPending) {
    }

    /** A stage reached, and when. */
    public record StageReached(Stage stage, String labelZh, String labelEn, Instant at) {
    }

    /** What happens next, in both languages, and by when if a promise says so. */
    public record NextStep(String zh, String en, Instant dueAt) {
    }

    private final ComplaintRepository complaints;
    private final HistoryRepository history;
    private final PromiseRepository promises;
    private final TrackingFailureRepository failures;
    private final ComplaintWorkflow workflow;
    private final IntakeConfig config;

    public CustomerTracking(ComplaintRepository complaints, HistoryRepository history, PromiseRepository promises,
            TrackingFailureRepository failures, ComplaintWorkflow workflow, IntakeConfig config) {
        this.complaints = complaints;
        this.history = history;
        this.promises = promises;
        this.failures = failures;
        this.workflow = workflow;
        this.config = config;
    }

    public Uni<TrackingView> view(String ticketNo, String verification, String client) {
        return verified(ticketNo, verification, client).flatMap(this::viewOf);
    }

    public Uni<TrackingView> urge(String ticketNo, String verification, String client) {
        return verified(ticketNo, verification, client)
                .flatMap(c -> workflow.urge(c.id, Actor.CUSTOMER, "SELF_SERVICE"))
                .flatMap(o -> viewOf(o.complaint()));
    }

    public Uni<TrackingView> addInformation(String ticketNo, String verification, String text, String client) {
        return verified(ticketNo, verification, client)
                .flatMap(c -> workflow.addInformation(c.id, null, Actor.CUSTOMER, text))
                .flatMap(this::viewOf);
    }

    public Uni<TrackingView> suggest(String ticketNo, String verification, String text, String client) {
        return verified(ticketNo, verification, client)
                .flatMap(c -> workflow.addSuggestion(c.id, text))
                .flatMap(this::viewOf);
    }

    public Uni<TrackingView> answerFollowUp(String ticketNo, String verification, boolean satisfied, boolean resolved,
            String comment, String client) {
        return verified(ticketNo, verification, client)
                .flatMap(c -> workflow.followUp(c.id, null, Actor.CUSTOMER, satisfied, resolved, comment))
                .flatMap(this::viewOf);
    }

    /** The complaint when ticket and verification match; else 404 (and the failure counts), or 429. */
    private Uni<Complaint> verified(String ticketNo, String verification, String client) {
        Instant now = ComplaintWorkflow.now();
        return Panache.withSession(() -> failures.countSince(ticketNo, client,
                        now.minus(config.tracking().failureWindow()))
                .flatMap(failed -> {
                    if (failed.ofTicket() >= config.tracking().maxFailures()
                            || failed.fromClient() >= config.tracking().maxFailuresPerClient()) {
                        throw ProblemException.tooManyAttempts(ProblemTypes.TOO_MANY_ATTEMPTS,
                                "too many failed attempts; try again in "
                                        + config.tracking().failureWindow().toMinutes() + " minutes");
                    }
                    return complaints.findByTicketNo(ticketNo);
                }))
                .flatMap(c -> {
                    if (c != null && matches(c.msisdn, verification)) {
                        return Uni.createFrom().item(c);
                    }
                    return Panache.withTransaction(() -> failures.record(ticketNo, client, now)).map(ignored -> {
                        throw ProblemException.notFound(
                                "no complaint with this ticket number and verification; check both and try again");
                    });
                });
    }

    /** Compares the last four digits in constant time. */
    static boolean matches(String msisdn, String verification) {
        if (verification == null || verification.length() != 4 || msisdn.length() < 4) {
            return false;
        }
        byte[] expected = msisdn.substring(msisdn.length() - 4).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, verification.getBytes(StandardCharsets.US_ASCII));
    }

    private Uni<TrackingView> viewOf(Complaint c) {
        UUID id = c.id;
        return Panache.withSession(() -> history.forComplaint(id).flatMap(h -> promises.forComplaint(id)
                .map(p -> build(c, h, p))));
    }

    private TrackingView build(Complaint c, List<HistoryEntry> entries, List<Promise> promiseList) {
        List<StageReached> stages = new ArrayList<>();
        for (HistoryEntry h : entries) {
            if (h.toStatus == null) {
                continue;
            }
            Stage stage = Stage.of(h.toStatus);
            if (stages.isEmpty() || stages.get(stages.size() - 1).stage() != stage) {
                stages.add(new StageReached(stage, stage.zh(), stage.en(), h.at));
            }
        }
        Stage current = Stage.of(c.status);
        Instant dueAt = promiseList.stream().filter(p -> "OPEN".equals(p.state())).map(p -> p.dueAt)
                .min(Comparator.naturalOrder()).orElse(null);
        boolean recentlyUrged = c.lastUrgedAt != null
                && c.lastUrgedAt.isAfter(ComplaintWorkflow.now().minus(config.tracking().urgeDedupWindow()));
        return new TrackingView(c.ticketNo, current, stages,
                new NextStep(current.nextZh(), current.nextEn(), c.status.isOpen() ? dueAt : null), c.urgeCount,
                c.status.isOpen() && !recentlyUrged, c.status == ComplaintStatus.RESOLVED);
    }
}
