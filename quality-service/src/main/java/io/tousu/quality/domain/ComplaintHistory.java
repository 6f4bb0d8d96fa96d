package io.tousu.quality.domain;

import io.tousu.events.EventEnvelope;
import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.ComplaintCategoryChanged;
import io.tousu.events.complaint.ComplaintClosed;
import io.tousu.events.complaint.ComplaintFollowedUp;
import io.tousu.events.complaint.ComplaintHandedOff;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintReopened;
import io.tousu.events.complaint.ComplaintResolved;
import io.tousu.events.complaint.ComplaintStatusChanged;
import io.tousu.events.complaint.PromiseBroken;
import io.tousu.events.complaint.PromiseKept;
import io.tousu.events.complaint.PromiseMade;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.SlaBreached;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What quality knows of one complaint, folded from its events in time order: channel and category,
 * the owner and team, hand-offs and whether the back office answered, promises and their keeping,
 * first contact, the resolution, follow-up, reopens, category changes after resolution, SLA
 * breaches and escalations. Fold the events sorted by {@code occurredAt}; a duplicate must not be folded twice.
 */
public final class ComplaintHistory {

    private static final Set<String> CONTACT_STATUSES = Set.of("IN_PROGRESS", "PENDING_CUSTOMER");

    /** A hand-off; {@code answeredAt} is set when the receiving side handed it back or resolved it. */
    public record HandOff(String fromOffice, String toOffice, String toTeamId, Instant at, Instant answeredAt) {
    }

    /** A promise to the customer and how it ended (both null while it is open). */
    public record Promise(String promiseId, String kind, String madeBy, Instant dueAt, Instant keptAt,
            Instant brokenAt) {
    }

    private String province;
    private String ticketNo;
    private String channel;
    private String category;
    private String subcategory;
    private boolean repeat;
    private Instant receivedAt;
    private String ownerId;
    private String teamId;
    private Instant firstContactAt;
    private final List<HandOff> handOffs = new ArrayList<>();
    private final Map<String, Promise> promises = new LinkedHashMap<>();
    private ComplaintResolved resolution;
    private Instant firstResolvedAt;
    private Instant reopenedAt;
    private int reopenCount;
    private Instant followedUpAt;
    private Instant closedAt;
    private int categoryChangesAfterResolution;
    private String categoryChangedBy;
    private int escalationLevel;
    private final List<String> slaBreaches = new ArrayList<>();

    /** The history of the given events, already in time order. */
    public static ComplaintHistory of(List<EventEnvelope> ordered) {
        ComplaintHistory history = new ComplaintHistory();
        ordered.forEach(history::apply);
        return history;
    }

    /** Folds one more event (the latest in time); events this history does not use change nothing. */
    public void apply(EventEnvelope event) {
        if (province == null) {
            province = event.province();
        }
        switch (event.knownType().orElseThrow()) {
            case COMPLAINT_RECEIVED -> received(event.payloadAs(ComplaintReceived.class));
            case COMPLAINT_ASSIGNED -> assigned(event.payloadAs(ComplaintAssigned.class));
            case COMPLAINT_HANDED_OFF -> handedOff(event.payloadAs(ComplaintHandedOff.class));
            case COMPLAINT_STATUS_CHANGED -> statusChanged(event.payloadAs(ComplaintStatusChanged.class));
            case COMPLAINT_CATEGORY_CHANGED -> categoryChanged(event.payloadAs(ComplaintCategoryChanged.class));
            case PROMISE_MADE -> promiseMade(event.payloadAs(PromiseMade.class));
            case PROMISE_KEPT -> promiseKept(event.payloadAs(PromiseKept.class));
            case PROMISE_BROKEN -> promiseBroken(event.payloadAs(PromiseBroken.class));
            case COMPLAINT_RESOLVED -> resolved(event.payloadAs(ComplaintResolved.class));
            case COMPLAINT_FOLLOWED_UP -> followedUp(event.payloadAs(ComplaintFollowedUp.class));
            case COMPLAINT_REOPENED -> reopened(event.payloadAs(ComplaintReopened.class));
            case COMPLAINT_CLOSED -> closedAt = event.payloadAs(ComplaintClosed.class).closedAt();
            case COMPLAINT_ESCALATED -> escalationLevel = Math.max(escalationLevel,
                    event.payloadAs(ComplaintEscalated.class).toLevel());
            case SLA_BREACHED -> breached(event.payloadAs(SlaBreached.class));
            default -> {
            }
        }
    }

    private void received(ComplaintReceived r) {
        ticketNo = r.ticketNo();
        channel = r.channel();
        if (category == null) {
            category = r.category();
            subcategory = r.subcategory();
        }
        repeat = r.repeatOf() != null && !r.repeatOf().isEmpty();
        receivedAt = r.receivedAt();
    }

    private void assigned(ComplaintAssigned a) {
        ownerId = a.ownerId();
        teamId = a.teamId();
    }

    private void handedOff(ComplaintHandedOff h) {
        answerOpenHandOff(h.handedOffAt());
        handOffs.add(new HandOff(h.fromOffice(), h.toOffice(), h.toTeamId(), h.handedOffAt(), null));
        ownerId = h.toOwnerId();
        teamId = h.toTeamId();
    }

    private void answerOpenHandOff(Instant at) {
        if (!handOffs.isEmpty()) {
            HandOff last = handOffs.get(handOffs.size() - 1);
            if (last.answeredAt() == null && "BACK".equals(last.toOffice())) {
                handOffs.set(handOffs.size() - 1, new HandOff(last.fromOffice(), last.toOffice(), last.toTeamId(),
                        last.at(), at));
            }
        }
    }

    private void statusChanged(ComplaintStatusChanged s) {
        if (CONTACT_STATUSES.contains(s.toStatus())) {
            firstContact(s.changedAt());
        }
    }

    private void firstContact(Instant at) {
        if (firstContactAt == null || at.isBefore(firstContactAt)) {
            firstContactAt = at;
        }
    }

    private void categoryChanged(ComplaintCategoryChanged c) {
        if (!java.util.Objects.equals(category, c.toCategory())) {
            subcategory = null;
        }
        category = c.toCategory();
        if (isResolved() || closedAt != null) {
            categoryChangesAfterResolution++;
            categoryChangedBy = c.changedBy();
        }
    }

    private void promiseMade(PromiseMade p) {
        firstContact(p.madeAt());
        promises.merge(p.promiseId(), new Promise(p.promiseId(), p.kind(), p.madeBy(), p.dueAt(), null, null),
                (old, made) -> new Promise(p.promiseId(), p.kind(), p.madeBy(), p.dueAt(), old.keptAt(),
                        old.brokenAt()));
    }

    private void promiseKept(PromiseKept p) {
        Promise old = promises.get(p.promiseId());
        promises.put(p.promiseId(), old == null ? new Promise(p.promiseId(), null, null, null, p.keptAt(), null)
                : new Promise(old.promiseId(), old.kind(), old.madeBy(), old.dueAt(), p.keptAt(), old.brokenAt()));
    }

    private void promiseBroken(PromiseBroken p) {
        Promise old = promises.get(p.promiseId());
        promises.put(p.promiseId(), old == null ? new Promise(p.promiseId(), null, null, p.dueAt(), null,
                p.detectedAt()) : new Promise(old.promiseId(), old.kind(), old.madeBy(), old.dueAt(), old.keptAt(),
                p.detectedAt()));
    }

    /**
     * An SLA clock ran out. A PROMISE clock running out is escalation's word that a promise passed its
     * due time unkept (nobody has to mark it broken in intake): the open promise due then is broken at
     * the breach. The breach names the due time, not the promise.
     */
    private void breached(SlaBreached b) {
        slaBreaches.add(b.clock());
        if (!"PROMISE".equals(b.clock()) || b.dueAt() == null) {
            return;
        }
        Promise due = null;
        for (Promise p : promises.values()) {
            boolean open = p.brokenAt() == null && (p.keptAt() == null || p.keptAt().isAfter(b.dueAt()));
            if (open && b.dueAt().equals(p.dueAt())) {
                due = p;
                break;
            }
        }
        if (due != null) {
            promises.put(due.promiseId(), new Promise(due.promiseId(), due.kind(), due.madeBy(), due.dueAt(),
                    due.keptAt(), b.breachedAt() != null ? b.breachedAt() : b.dueAt()));
        }
    }

    private void resolved(ComplaintResolved r) {
        firstContact(r.resolvedAt());
        answerOpenHandOff(r.resolvedAt());
        resolution = r;
        if (firstResolvedAt == null) {
            firstResolvedAt = r.resolvedAt();
        }
    }

    private void followedUp(ComplaintFollowedUp f) {
        followedUpAt = f.followedUpAt();
    }

    private void reopened(ComplaintReopened r) {
        reopenCount = Math.max(reopenCount + 1, r.reopenCount());
        reopenedAt = r.reopenedAt();
        closedAt = null;
    }

    /** Resolved and not reopened since. */
    public boolean isResolved() {
        return resolution != null && (reopenedAt == null || resolution.resolvedAt().isAfter(reopenedAt));
    }

    /** Resolved (now) or closed. */
    public boolean isFinished() {
        return isResolved() || closedAt != null;
    }

    /** When it was (last) resolved, else when it was closed; null while open. */
    public Instant finishedAt() {
        return isResolved() ? resolution.resolvedAt() : closedAt;
    }

    /** The resolution round: 0 until the first reopen, then the number of reopens. */
    public int round() {
        return reopenCount;
    }

    /** The agent whose handling is inspected: who resolved it, else the owner. */
    public String agentId() {
        if (resolution != null && resolution.resolvedBy() != null) {
            return resolution.resolvedBy();
        }
        return ownerId;
    }

    /** Compensation granted at the latest resolution, or zero. */
    public BigDecimal compensation() {
        return resolution == null || resolution.compensationAmount() == null ? BigDecimal.ZERO
                : resolution.compensationAmount();
    }

    public String province() {
        return province;
    }

    public String ticketNo() {
        return ticketNo;
    }

    public String channel() {
        return channel;
    }

    public String category() {
        return category;
    }

    /** The subcategory given at intake (null when none, or when the category was changed before receipt arrived). */
    public String subcategory() {
        return subcategory;
    }

    public boolean repeat() {
        return repeat;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String ownerId() {
        return ownerId;
    }

    public String teamId() {
        return teamId;
    }

    public Instant firstContactAt() {
        return firstContactAt;
    }

    public List<HandOff> handOffs() {
        return List.copyOf(handOffs);
    }

    public List<Promise> promises() {
        return List.copyOf(promises.values());
    }

    /** The latest resolution (also after a reopen), or null. */
    public ComplaintResolved resolution() {
        return resolution;
    }

    public Instant firstResolvedAt() {
        return firstResolvedAt;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public Instant followedUpAt() {
        return followedUpAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public int categoryChangesAfterResolution() {
        return categoryChangesAfterResolution;
    }

    public String categoryChangedBy() {
        return categoryChangedBy;
    }

    public int escalationLevel() {
        return escalationLevel;
    }

    public List<String> slaBreaches() {
        return List.copyOf(slaBreaches);
    }
}
