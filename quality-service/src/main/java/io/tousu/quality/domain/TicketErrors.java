package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventType;
import io.tousu.events.complaint.ComplaintCategoryChanged;
import io.tousu.events.quality.TicketErrorRecorded;
import io.tousu.platform.messaging.Outbox;
import io.tousu.platform.rest.ProblemException;
import io.tousu.quality.repository.ErrorCaseRepository;
import io.tousu.quality.repository.HistoryRepository;
import io.tousu.quality.repository.InspectionRepository;
import io.tousu.quality.repository.TicketErrorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Ticket errors (工单差错): recorded by inspectors, or automatically when the category of a resolved
 * complaint is changed (WRONG_CATEGORY, charged to the agent who resolved it) or a promise to the
 * customer is broken (PROMISE_BROKEN, charged to whoever made it). Each is published as
 * TicketErrorRecorded; a typical one can be published as a case with a lesson.
 */
@ApplicationScoped
public class TicketErrors {

    /** An inspector's finding; agent and team default to the inspection's, else the complaint's. */
    public record Finding(UUID complaintId, UUID inspectionId, ErrorType type, String agentId, String teamId,
            String description, String recordedBy) {
    }

    private final TicketErrorRepository errors;
    private final ErrorCaseRepository cases;
    private final HistoryRepository history;
    private final InspectionRepository inspections;
    private final Outbox outbox;
    private final QualityMetrics metrics;
    private final Clock clock;

    public TicketErrors(TicketErrorRepository errors, ErrorCaseRepository cases, HistoryRepository history,
            InspectionRepository inspections, Outbox outbox, QualityMetrics metrics, Clock clock) {
        this.errors = errors;
        this.cases = cases;
        this.history = history;
        this.inspections = inspections;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Uni<TicketError> record(Finding f) {
        return record(f, province -> true);
    }

    /**
     * Records the finding; a complaint whose province {@code visible} refuses is treated exactly like
     * an unknown one.
     */
    public Uni<TicketError> record(Finding f, Predicate<String> visible) {
        AtomicReference<Outgoing> out = new AtomicReference<>();
        return Panache.withTransaction(() -> history.events(f.complaintId()).flatMap(events -> {
            if (events.isEmpty() || !visible.test(ComplaintHistory.of(events).province())) {
                throw ProblemException.invalidField("complaintId", "quality has no event of complaint "
                        + f.complaintId());
            }
            ComplaintHistory h = ComplaintHistory.of(events);
            Uni<Inspection> inspection = f.inspectionId() == null ? Uni.createFrom().nullItem()
                    : inspections.findById(f.inspectionId());
            return inspection.flatMap(i -> {
                if (f.inspectionId() != null && (i == null || !i.complaintId.equals(f.complaintId()))) {
                    throw ProblemException.invalidField("inspectionId", "no inspection " + f.inspectionId()
                            + " of complaint " + f.complaintId());
                }
                TicketError e = error(f.complaintId(), h.province(), f.type(),
                        f.agentId() != null ? f.agentId() : i != null ? i.agentId : h.agentId(),
                        f.teamId() != null ? f.teamId() : i != null ? i.teamId : h.teamId(), f.description(),
                        f.recordedBy(), null);
                e.inspectionId = f.inspectionId();
                out.set(new Outgoing(outbox));
                return save(e, out.get()).replaceWith(e);
            });
        })).invoke(() -> metrics.published(out.get().events()));
    }

    /**
     * Records the errors the history reveals that have none yet (in the event's transaction; the
     * history may have arrived in any order): a WRONG_CATEGORY error for every category change after
     * the first resolution, charged to the resolver, and a PROMISE_BROKEN error for every promise
     * broken (marked broken in intake, or run out unkept on escalation's promise clock), charged to
     * whoever made it. Each is recorded once, however often its evidence is redelivered.
     */
    public Uni<Void> recordAutomatic(UUID complaintId, List<EventEnvelope> events, ComplaintHistory h,
            Outgoing out) {
        List<EventEnvelope> late = h.firstResolvedAt() == null ? List.of() : events.stream()
                .filter(e -> e.knownType().orElseThrow() == EventType.COMPLAINT_CATEGORY_CHANGED)
                .filter(e -> e.occurredAt().isAfter(h.firstResolvedAt())).toList();
        List<ComplaintHistory.Promise> broken = h.promises().stream().filter(p -> p.brokenAt() != null).toList();
        if (late.isEmpty() && broken.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EventEnvelope e : late) {
            ComplaintCategoryChanged c = e.payloadAs(ComplaintCategoryChanged.class);
            chain = chain.flatMap(x -> once(e.eventId().toString(), () -> error(complaintId, h.province(),
                    ErrorType.WRONG_CATEGORY, h.agentId(), h.teamId(), "category changed from " + c.fromCategory()
                            + " to " + c.toCategory() + " by " + c.changedBy() + " after resolution",
                    TicketError.SYSTEM, e.eventId().toString()), out));
        }
        for (ComplaintHistory.Promise p : broken) {
            String key = PROMISE_SOURCE + p.promiseId();
            chain = chain.flatMap(x -> once(key, () -> error(complaintId, h.province(), ErrorType.PROMISE_BROKEN,
                    p.madeBy() != null ? p.madeBy() : h.agentId(), h.teamId(),
                    (p.kind() != null ? p.kind() : "promise") + " due " + p.dueAt() + " not kept (broken at "
                            + p.brokenAt() + ")", TicketError.SYSTEM, key), out));
        }
        return chain;
    }

    /** The source key of the PROMISE_BROKEN error of a promise: one error per promise, whoever noticed it. */
    static final String PROMISE_SOURCE = "promise:";

    private Uni<Void> once(String sourceKey, Supplier<TicketError> error, Outgoing out) {
        return errors.bySource(sourceKey).flatMap(existing -> existing != null ? Uni.createFrom().voidItem()
                : save(error.get(), out));
    }

    /** Publishes a ticket error as a case (差错案例推送); an error becomes at most one case. */
    public Uni<ErrorCase> publishCase(UUID errorId, String title, String lesson, String publishedBy) {
        return publishCase(errorId, title, lesson, publishedBy, province -> true);
    }

    /** Publishes it; an error whose province {@code visible} refuses is treated exactly like an unknown one. */
    public Uni<ErrorCase> publishCase(UUID errorId, String title, String lesson, String publishedBy,
            Predicate<String> visible) {
        return Panache.withTransaction(() -> errors.findById(errorId).flatMap(e -> {
            if (e == null || !visible.test(e.province)) {
                throw ProblemException.invalidField("errorId", "no ticket error " + errorId);
            }
            return cases.forError(errorId);
        }).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict(Problems.CASE_PUBLISHED, "ticket error " + errorId
                        + " is already published as case " + existing.id);
            }
            ErrorCase c = new ErrorCase();
            c.id = UUID.randomUUID();
            c.errorId = errorId;
            c.title = title;
            c.lesson = lesson;
            c.publishedBy = publishedBy;
            c.publishedAt = clock.instant();
            return c.persist().replaceWith(c);
        }));
    }

    private TicketError error(UUID complaintId, String province, ErrorType type, String agentId, String teamId,
            String description, String recordedBy, String sourceKey) {
        TicketError e = new TicketError();
        e.id = UUID.randomUUID();
        e.complaintId = complaintId;
        e.province = province;
        e.errorType = type;
        e.agentId = agentId;
        e.teamId = teamId;
        e.description = description;
        e.recordedBy = recordedBy;
        e.recordedAt = clock.instant();
        e.sourceKey = sourceKey;
        return e;
    }

    private Uni<Void> save(TicketError e, Outgoing out) {
        Instant at = e.recordedAt;
        return e.persist().flatMap(x -> out.publish(new TicketErrorRecorded(e.id.toString(), e.errorType.name(),
                e.agentId, e.teamId, e.description, e.recordedBy, at), e.province, e.complaintId, at));
    }
}
