package io.tousu.intake.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.ComplaintCategoryChanged;
import io.tousu.events.complaint.ComplaintClosed;
import io.tousu.events.complaint.ComplaintFollowedUp;
import io.tousu.events.complaint.ComplaintHandedOff;
import io.tousu.events.complaint.ComplaintReopened;
import io.tousu.events.complaint.ComplaintResolved;
import io.tousu.events.complaint.ComplaintUrged;
import io.tousu.events.complaint.CustomerWaitEnded;
import io.tousu.events.complaint.CustomerWaitStarted;
import io.tousu.events.complaint.InformationAdded;
import io.tousu.events.complaint.NoteAdded;
import io.tousu.events.complaint.PromiseBroken;
import io.tousu.events.complaint.PromiseKept;
import io.tousu.events.complaint.PromiseMade;
import io.tousu.intake.config.IntakeConfig;
import io.tousu.intake.repository.ComplaintRepository;
import io.tousu.intake.repository.HistoryRepository;
import io.tousu.intake.repository.PromiseRepository;
import io.tousu.intake.repository.TaxonomyCache;
import io.tousu.platform.messaging.Outbox;
import io.tousu.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The complaint lifecycle: each action checks the state machine, changes the complaint, and writes
 * its history line and events in the same transaction. A stale {@code expectedVersion} or a
 * concurrent change of the same complaint fails with 409 instead of losing an update.
 */
@ApplicationScoped
public class ComplaintWorkflow {

    /** How far ahead a promise may be due. */
    static final Duration MAX_PROMISE_AHEAD = Duration.ofDays(30);

    private final ComplaintRepository complaints;
    private final TaxonomyCache taxonomy;
    private final HistoryRepository history;
    private final PromiseRepository promises;
    private final Outbox outbox;
    private final CompensationAuthority authority;
    private final PriorityRules priorityRules;
    private final IntakeConfig config;
    private final IntakeMetrics metrics;

    public ComplaintWorkflow(ComplaintRepository complaints, TaxonomyCache taxonomy, HistoryRepository history,
            PromiseRepository promises, Outbox outbox, CompensationAuthority authority, PriorityRules priorityRules,
            IntakeConfig config, IntakeMetrics metrics) {
        this.complaints = complaints;
        this.taxonomy = taxonomy;
        this.history = history;
        this.promises = promises;
        this.outbox = outbox;
        this.authority = authority;
        this.priorityRules = priorityRules;
        this.config = config;
        this.metrics = metrics;
    }

    // ---- ownership -------------------------------------------------------------------------------

    public Uni<Complaint> assign(UUID id, Long version, Actor actor, String ownerId, String ownerName, String teamId,
            Office office) {
        return act(id, version, Action.ASSIGN, actor, ch -> {
            Complaint c = ch.complaint();
            c.ownerId = ownerId;
            c.ownerName = ownerName;
            c.teamId = teamId;
            c.office = office;
            if (office == Office.FRONT) {
                c.frontOwnerId = ownerId;
                c.frontTeamId = teamId;
            }
            if (c.status == ComplaintStatus.RECEIVED || c.status == ComplaintStatus.REOPENED) {
                ch.moveTo(ComplaintStatus.ASSIGNED, "assigned to " + ownerId);
            }
            ch.detail("owner " + ownerId + " team " + teamId + " " + office)
                    .emit(new ComplaintAssigned(ownerId, ownerName, teamId, office.name(), actor.id(), ch.at()));
            return done();
        });
    }

    public Uni<Complaint> startWork(UUID id, Long version, Actor actor) {
        return act(id, version, Action.START_WORK, actor, ch -> {
            Complaint c = ch.complaint();
            if (c.firstContactAt == null) {
                c.firstContactAt = ch.at();
            }
            ch.moveTo(ComplaintStatus.IN_PROGRESS, "work started by " + actor.id());
            return done();
        });
    }

    public Uni<Complaint> handOff(UUID id, Long version, Actor actor, String toTeamId, String toOwnerId, String reason) {
        return act(id, version, Action.HAND_OFF, actor, ch -> {
            Complaint c = ch.complaint();
            if (c.office == Office.BACK) {
                throw ProblemException.conflict(ProblemTypes.ALREADY_WITH_BACK_OFFICE,
                        "the complaint is already with the back office (team " + c.teamId + ")");
            }
            String fromOwner = c.ownerId;
            c.ownerId = toOwnerId;
            c.ownerName = null;
            c.teamId = toTeamId;
            c.office = Office.BACK;
            c.handedOff = true;
            ch.moveTo(ComplaintStatus.PENDING_BACK_OFFICE, reason)
                    .detail("to back-office team " + toTeamId)
                    .emit(new ComplaintHandedOff(Office.FRONT.name(), Office.BACK.name(), fromOwner, toOwnerId,
                            toTeamId, reason, ch.at()));
            return done();
        });
    }

    public Uni<Complaint> handBack(UUID id, Long version, Actor actor, String reason) {
        return act(id, version, Action.HAND_BACK, actor, ch -> {
            Complaint c = ch.complaint();
            String fromOwner = c.ownerId;
            c.ownerId = c.frontOwnerId;
            c.teamId = c.frontTeamId;
            c.office = Office.FRONT;
            ch.moveTo(ComplaintStatus.ASSIGNED, reason)
                    .detail("back to front-office owner " + c.frontOwnerId)
                    .emit(new ComplaintHandedOff(Office.BACK.name(), Office.FRONT.name(), fromOwner, c.frontOwnerId,
                            c.frontTeamId, reason, ch.at()));
            return done();
        });
    }

    // ---- waiting for the customer -----------------------------------------------------------------

    public Uni<Complaint> waitForCustomer(UUID id, Long version, Actor actor, String reason) {
        return act(id, version, Action.WAIT_FOR_CUSTOMER, actor, ch -> {
            Complaint c = ch.complaint();
            c.statusBeforeWait = c.status;
            c.waitStartedAt = ch.at();
            ch.moveTo(ComplaintStatus.PENDING_CUSTOMER, reason).emit(new CustomerWaitStarted(reason, ch.at()));
            return done();
        });
    }

    public Uni<Complaint> resume(UUID id, Long version, Actor actor) {
        return act(id, version, Action.RESUME, actor, ch -> {
            Complaint c = ch.complaint();
            long waited = Duration.between(c.waitStartedAt, ch.at()).toSeconds();
            ch.moveTo(c.statusBeforeWait, "customer wait ended").emit(new CustomerWaitEnded(waited, ch.at()));
            c.statusBeforeWait = null;
            c.waitStartedAt = null;
            return done();
        });
    }

    // ---- promises ---------------------------------------------------------------------------------

    public Uni<Promise> makePromise(UUID id, Long version, Actor actor, PromiseKind kind, Instant dueAt) {
        Promise promise = new Promise();
        return act(id, version, Action.MAKE_PROMISE, actor, ch -> {
            if (!dueAt.isAfter(ch.at())) {
                throw ProblemException.invalidField("dueAt", "must be in the future");
            }
            if (dueAt.isAfter(ch.at().plus(MAX_PROMISE_AHEAD))) {
                throw ProblemException.invalidField("dueAt", "must be within " + MAX_PROMISE_AHEAD.toDays() + " days");
            }
            promise.id = UUID.randomUUID();
            promise.complaintId = id;
            promise.kind = kind;
            promise.dueAt = dueAt.truncatedTo(ChronoUnit.MICROS);
            promise.madeBy = actor.id();
            promise.madeAt = ch.at();
            ch.detail(kind + " due " + promise.dueAt)
                    .emit(new PromiseMade(promise.id.toString(), kind.name(), promise.dueAt, actor.id(), ch.at()));
            return promises.persist(promise).replaceWithVoid();
        }).replaceWith(promise);
    }

    public Uni<Complaint> keepPromise(UUID id, UUID promiseId, Long version, Actor actor) {
        return act(id, version, Action.KEEP_PROMISE, actor, ch -> openPromise(id, promiseId).map(p -> {
            p.keptAt = ch.at();
            ch.detail("promise " + promiseId + " kept").emit(new PromiseKept(promiseId.toString(), ch.at()));
            return null;
        }));
    }

    public Uni<Complaint> breakPromise(UUID id, UUID promiseId, Long version, Actor actor) {
        return act(id, version, Action.BREAK_PROMISE, actor, ch -> openPromise(id, promiseId).map(p -> {
            p.brokenAt = ch.at();
            ch.detail("promise " + promiseId + " broken")
                    .emit(new PromiseBroken(promiseId.toString(), p.dueAt, ch.at()));
            return null;
        }));
    }

    private Uni<Promise> openPromise(UUID complaintId, UUID promiseId) {
        return promises.findById(promiseId).map(p -> {
            if (p == null || !p.complaintId.equals(complaintId)) {
                throw ProblemException.notFound("no promise " + promiseId + " on complaint " + complaintId);
            }
            if (!"OPEN".equals(p.state())) {
                throw ProblemException.conflict(ProblemTypes.PROMISE_SETTLED, "the promise is already " + p.state());
            }
            return p;
        });
    }

    // ---- notes, information, urges, category --------------------------------------------------------

    public Uni<Complaint> addNote(UUID id, Long version, Actor actor, String text) {
        return act(id, version, Action.ADD_NOTE, actor, ch -> {
            ch.detail("note").emit(new NoteAdded(actor.id(), text, ch.at()));
            return done();
        });
    }

    public Uni<Complaint> addInformation(UUID id, Long version, Actor actor, String summary) {
        String source = actor.role() == ActorRole.CUSTOMER ? "CUSTOMER" : "AGENT";
        return act(id, version, Action.ADD_INFORMATION, actor, ch -> {
            ch.detail("information added by " + source).emit(new InformationAdded(source, summary, ch.at()));
            return done();
        });
    }

    /** A customer's suggestion from the tracking page: kept, and passed on as information. */
    public Uni<Complaint> addSuggestion(UUID id, String text) {
        return act(id, null, Action.LEAVE_SUGGESTION, Actor.CUSTOMER, ch -> {
            Suggestion s = new Suggestion();
            s.id = UUID.randomUUID();
            s.complaintId = id;
            s.text = text;
            s.leftAt = ch.at();
            ch.detail("suggestion left by the customer")
                    .emit(new InformationAdded("CUSTOMER_SUGGESTION", text, ch.at()));
            return s.persist().replaceWithVoid();
        });
    }

    /** The complaint and whether this urge was counted (repeated urges within the window count once). */
    public record UrgeOutcome(Complaint complaint, boolean counted) {
    }

    public Uni<UrgeOutcome> urge(UUID id, Actor actor, String channel) {
        Instant now = now();
        return Panache.withTransaction(() -> load(id, null).flatMap(c -> {
            Access.requireMayAct(c, actor, Action.URGE);
            Lifecycle.require(c.status, Action.URGE);
            if (c.lastUrgedAt != null && c.lastUrgedAt.isAfter(now.minus(config.tracking().urgeDedupWindow()))) {
                return Uni.createFrom().item(new UrgeOutcome(c, false));
            }
            Change ch = new Change(c, actor, Action.URGE, now);
            c.urgeCount++;
            c.lastUrgedAt = now;
            PriorityRules.Assessment assessment = priorityRules.assess(new PriorityRules.Inputs(c.channel,
                    c.customerTier, c.repeatOfIds().size(), c.urgeCount, c.description,
                    TicketNumbers.dayOf(c.receivedAt, config.zone())));
            if (assessment.priority().compareTo(c.priority) > 0) {
                ch.detail("priority " + c.priority + " -> " + assessment.priority());
                c.priority = assessment.priority();
            }
            c.priorityReasons = String.join("\n", assessment.reasons());
            ch.detail("urge " + c.urgeCount).emit(new ComplaintUrged(c.urgeCount, channel, now));
            return record(ch).replaceWith(new UrgeOutcome(c, true));
        })).invoke(o -> {
            if (o.counted()) {
                metrics.urged(o.complaint());
            }
        });
    }

    public Uni<Complaint> changeCategory(UUID id, Long version, Actor actor, String category, String subcategory) {
        return act(id, version, Action.CHANGE_CATEGORY, actor, ch -> validCategory(category, subcategory).map(ok -> {
            Complaint c = ch.complaint();
            ch.detail("category " + c.category + " -> " + category)
                    .emit(new ComplaintCategoryChanged(c.category, category, actor.id(), ch.at()));
            c.category = category;
            c.subcategory = subcategory;
            return null;
        }));
    }

    /** Fails with a field problem unless the category (and subcategory, when given) is active. */
    public Uni<Void> validCategory(String category, String subcategory) {
        return taxonomy.isActiveCategory(category).flatMap(known -> {
            if (!known) {
                throw ProblemException.invalidField("category", "unknown category '" + category
                        + "'; GET /api/v1/categories lists the taxonomy");
            }
            return subcategory == null ? Uni.createFrom().item(true)
                    : taxonomy.isActiveSubcategory(category, subcategory);
        }).map(known -> {
            if (!known) {
                throw ProblemException.invalidField("subcategory", "unknown subcategory '" + subcategory
                        + "' of category '" + category + "'");
            }
            return null;
        });
    }

    // ---- resolution, follow-up, reopen, close -------------------------------------------------------

    /** What the resolver decided. */
    public record Resolution(boolean substantiated, Responsibility responsibility, String staffId,
            String resolutionCode, String summary, BigDecimal compensationAmount) {
    }

    public Uni<Complaint> resolve(UUID id, Long version, Actor actor, Resolution r) {
        return act(id, version, Action.RESOLVE, actor, ch -> {
            Complaint c = ch.complaint();
            c.substantiated = r.substantiated();
            c.responsibility = r.responsibility();
            c.staffId = r.staffId();
            c.resolutionCode = r.resolutionCode();
            c.resolutionSummary = r.summary();
            c.compensationAmount = r.compensationAmount();
            c.resolvedBy = actor.id();
            if (authority.covers(actor.role(), r.compensationAmount())) {
                c.compensationApproved = false;
                markResolved(ch, "resolved by " + actor.id());
            } else {
                ch.moveTo(ComplaintStatus.PENDING_APPROVAL, "compensation " + r.compensationAmount()
                        + " above the " + actor.role() + " limit " + authority.limitOf(actor.role()));
            }
            return done();
        });
    }

    public Uni<Complaint> approveResolution(UUID id, Long version, Actor actor) {
        return act(id, version, Action.APPROVE_RESOLUTION, actor, ch -> {
            Complaint c = ch.complaint();
            if (!authority.covers(actor.role(), c.compensationAmount)) {
                throw new ProblemException(403, ProblemTypes.INSUFFICIENT_AUTHORITY, "Insufficient authority",
                        "compensation " + c.compensationAmount + " is above the " + actor.role() + " limit "
                                + authority.limitOf(actor.role()), List.of());
            }
            c.compensationApproved = true;
            markResolved(ch, "compensation approved by " + actor.id());
            return done();
        });
    }

    public Uni<Complaint> rejectResolution(UUID id, Long version, Actor actor, String reason) {
        return act(id, version, Action.REJECT_RESOLUTION, actor, ch -> {
            clearResolution(ch.complaint());
            ch.moveTo(ComplaintStatus.IN_PROGRESS, "resolution rejected: " + reason);
            return done();
        });
    }

    private void markResolved(Change ch, String reason) {
        Complaint c = ch.complaint();
        c.resolvedAt = ch.at();
        ch.moveTo(ComplaintStatus.RESOLVED, reason).emit(new ComplaintResolved(c.substantiated,
                c.responsibility.name(), c.staffId, c.resolutionCode, c.resolutionSummary, c.compensationAmount,
                c.compensationApproved, c.isFirstContactResolution(), c.handedOff, c.resolvedBy, ch.at()));
    }

    private static void clearResolution(Complaint c) {
        c.substantiated = null;
        c.responsibility = null;
        c.staffId = null;
        c.resolutionCode = null;
        c.resolutionSummary = null;
        c.compensationAmount = null;
        c.compensationApproved = false;
        c.resolvedBy = null;
        c.resolvedAt = null;
    }

    /** Follow-up visit (回访): resolved -> FOLLOWED_UP -> CLOSED; not resolved -> REOPENED. */
    public Uni<Complaint> followUp(UUID id, Long version, Actor actor, boolean satisfied, boolean resolved,
            String comment) {
        return act(id, version, Action.FOLLOW_UP, actor, ch -> {
            Complaint c = ch.complaint();
            c.followedUpAt = ch.at();
            c.satisfied = satisfied;
            ch.emit(new ComplaintFollowedUp(satisfied, resolved, comment, ch.at()));
            if (resolved) {
                ch.moveTo(ComplaintStatus.FOLLOWED_UP, satisfied ? "follow-up: satisfied" : "follow-up: resolved");
                close(ch, "closed after follow-up");
            } else {
                reopen(ch, "UNSATISFIED_FOLLOW_UP", "follow-up: not resolved");
            }
            return done();
        });
    }

    public Uni<Complaint> reopen(UUID id, Long version, Actor actor, String reason) {
        return act(id, version, Action.REOPEN, actor, ch -> {
            reopen(ch, "OTHER", reason);
            return done();
        });
    }

    /** Reopens a complaint within an already open transaction (used for repeat complaints). */
    Uni<Void> reopenForRepeat(Complaint earlier, Actor actor, String newTicketNo) {
        Change ch = new Change(earlier, actor, Action.REOPEN, now());
        reopen(ch, "REPEAT_COMPLAINT", "repeat complaint " + newTicketNo);
        return record(ch);
    }

    private static void reopen(Change ch, String reason, String detail) {
        Complaint c = ch.complaint();
        c.reopenCount++;
        c.closedAt = null;
        ch.moveTo(ComplaintStatus.REOPENED, detail).detail(detail)
                .emit(new ComplaintReopened(reason, c.reopenCount, ch.at()));
    }

    public Uni<Complaint> close(UUID id, Long version, Actor actor, String reason) {
        return act(id, version, Action.CLOSE, actor, ch -> {
            if (ch.complaint().status == ComplaintStatus.RECEIVED && actor.role() != ActorRole.SUPERVISOR
                    && actor.role() != ActorRole.ADMIN) {
                throw new ProblemException(403, ProblemTypes.INSUFFICIENT_AUTHORITY, "Insufficient authority",
                        "only a supervisor may close a complaint nobody has worked", List.of());
            }
            close(ch, reason);
            return done();
        });
    }

    private static void close(Change ch, String reason) {
        ch.complaint().closedAt = ch.at();
        ch.moveTo(ComplaintStatus.CLOSED, reason).emit(new ComplaintClosed(ch.at()));
    }

    // ---- the mechanism --------------------------------------------------------------------------------

    /** Loads, checks version and state machine, applies the mutation, writes history and events. */
    private Uni<Complaint> act(UUID id, Long version, Action action, Actor actor, Function<Change, Uni<Void>> mutation) {
        Instant now = now();
        AtomicReference<Change> applied = new AtomicReference<>();
        return Panache.withTransaction(() -> load(id, version).flatMap(c -> {
            Access.requireMayAct(c, actor, action);
            Lifecycle.require(c.status, action);
            Change ch = new Change(c, actor, action, now);
            applied.set(ch);
            return mutation.apply(ch).flatMap(ignored -> record(ch)).replaceWith(c);
        })).invoke(() -> countMoves(applied.get()));
    }

    private Uni<Complaint> load(UUID id, Long version) {
        return complaints.findById(id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("no complaint " + id);
            }
            if (version != null && c.version != version) {
                throw ProblemException.conflict(ProblemTypes.STALE_VERSION, "the complaint is at version " + c.version
                        + ", not " + version + "; reload it and try again");
            }
            return c;
        });
    }

    /** Appends the history line and the events of a change to the current transaction. */
    Uni<Void> record(Change ch) {
        Complaint c = ch.complaint();
        c.updatedAt = ch.at();
        Uni<Void> chain = history.persist(ch.historyEntry()).replaceWithVoid();
        for (EventEnvelope envelope : ch.envelopes()) {
            chain = chain.flatMap(ignored -> outbox.append(envelope));
        }
        return chain;
    }

    private void countMoves(Change ch) {
        ch.moves().forEach(m -> metrics.transition(ch.complaint(), m[0], m[1]));
    }

    static Uni<Void> done() {
        return Uni.createFrom().voidItem();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
