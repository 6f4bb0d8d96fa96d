package io.tousu.escalation.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.ClockHistoryEntry.Action;
import io.tousu.escalation.repository.CalendarRepository;
import io.tousu.escalation.repository.HistoryRepository;
import io.tousu.escalation.repository.PolicyAuditRepository;
import io.tousu.escalation.repository.PolicyRepository;
import io.tousu.escalation.repository.SlaClockRepository;
import io.tousu.escalation.repository.TrackedComplaintRepository;
import io.tousu.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates and changes SLA policies. A change applies to clocks armed afterwards; on request it
 * also recomputes the open clocks of the policy's open complaints (their targets move by the
 * difference, time used and pauses stay). Every change is audited with the policy as it became.
 */
@ApplicationScoped
public class PolicyAdmin {

    /** A changed policy and how many open clocks were recomputed. */
    public record Change(SlaPolicy policy, int recomputedClocks) {
    }

    static final String DUPLICATE = "https://tousu.io/problems/duplicate-policy";
    static final String CATCH_ALL = "https://tousu.io/problems/catch-all-policy";

    private final PolicyRepository policies;
    private final CalendarRepository calendars;
    private final TrackedComplaintRepository complaints;
    private final SlaClockRepository clocks;
    private final HistoryRepository history;
    private final PolicyAuditRepository audit;
    private final Clock clock;

    public PolicyAdmin(PolicyRepository policies, CalendarRepository calendars, TrackedComplaintRepository complaints,
            SlaClockRepository clocks, HistoryRepository history, PolicyAuditRepository audit, Clock clock) {
        this.policies = policies;
        this.calendars = calendars;
        this.complaints = complaints;
        this.clocks = clocks;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<SlaPolicy> create(SlaPolicy policy) {
        policy.updatedAt = clock.instant();
        return Panache.withTransaction(() -> checkCalendar(policy)
                .flatMap(ok -> checkUnique(policy, null))
                .flatMap(ok -> policies.persistAndFlush(policy))
                .flatMap(saved -> audit(saved, "CREATED", 0).replaceWith(saved)));
    }

    public Uni<Change> update(long id, SlaPolicy changed, boolean recompute) {
        return update(id, changed, recompute, existing -> {
        });
    }

    /**
     * Changes policy {@code id}; {@code mayChange} sees the stored policy inside the transaction,
     * before anything changes, and refuses by throwing (the caller's province check).
     */
    public Uni<Change> update(long id, SlaPolicy changed, boolean recompute,
            java.util.function.Consumer<SlaPolicy> mayChange) {
        Instant now = clock.instant();
        changed.updatedAt = now;
        return Panache.withTransaction(() -> policies.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(existing -> {
                    if (existing == null) {
                        throw ProblemException.notFound("no SLA policy " + id);
                    }
                    mayChange.accept(existing);
                    return checkCalendar(changed).flatMap(ok -> checkUnique(changed, id))
                            .flatMap(ok -> keepCatchAll(existing, changed))
                            .flatMap(ok -> {
                                Map<ClockKind, Duration> before = targets(existing);
                                existing.copyFrom(changed);
                                return (recompute ? recompute(existing, before, now) : Uni.createFrom().item(0))
                                        .flatMap(n -> audit(existing, "UPDATED", n).replaceWith(new Change(existing, n)));
                            });
                }));
    }

    private Uni<Void> checkCalendar(SlaPolicy policy) {
        if (policy.calendarCode == null) {
            return Uni.createFrom().voidItem();
        }
        return calendars.findById(policy.calendarCode).map(found -> {
            if (found == null) {
                throw ProblemException.invalidField("calendar", "unknown calendar '" + policy.calendarCode
                        + "'; GET /api/v1/calendars lists them, PUT /api/v1/calendars/{code} adds one");
            }
            return null;
        });
    }

    private Uni<Void> checkUnique(SlaPolicy policy, Long id) {
        return policies.all().map(all -> {
            all.stream().filter(p -> !p.id.equals(id) && p.sameSelector(policy)).findFirst().ifPresent(p -> {
                throw ProblemException.conflict(DUPLICATE, "policy " + p.id + " (" + p.name
                        + ") already has this province, channel, category and priority; change that one instead");
            });
            return null;
        });
    }

    private Uni<Void> keepCatchAll(SlaPolicy existing, SlaPolicy changed) {
        if (!existing.isCatchAll() || changed.isCatchAll()) {
            return Uni.createFrom().voidItem();
        }
        return policies.all().map(all -> {
            if (all.stream().noneMatch(p -> !p.id.equals(existing.id) && p.isCatchAll())) {
                throw ProblemException.conflict(CATCH_ALL, "policy " + existing.id + " is the only one without a "
                        + "selector; complaints no other policy matches would get no clocks");
            }
            return null;
        });
    }

    private Uni<Integer> recompute(SlaPolicy policy, Map<ClockKind, Duration> before, Instant now) {
        return calendars.workingTime(policy).flatMap(time -> complaints
                .find("policyId = ?1 and phase = ?2", policy.id, ComplaintPhase.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .flatMap(open -> Multi.createFrom().iterable(open).onItem()
                        .transformToUniAndConcatenate(c -> recompute(c, policy, before, time, now))
                        .collect().with(Collectors.summingInt(n -> n))));
    }

    private Uni<Integer> recompute(TrackedComplaint complaint, SlaPolicy policy, Map<ClockKind, Duration> before,
            WorkingTime time, Instant now) {
        String calendarCode = policy.calendarMode == CalendarMode.BUSINESS_HOURS ? policy.calendarCode : null;
        return clocks.forComplaint(complaint.complaintId).flatMap(list -> {
            List<ClockHistoryEntry> lines = new ArrayList<>();
            for (SlaClock c : list) {
                Duration target = policy.target(c.kind);
                if (c.kind != ClockKind.PROMISE && c.retarget(now, target.minus(before.get(c.kind)),
                        policy.warnBefore(target), calendarCode, time)) {
                    lines.add(ClockHistoryEntry.of(complaint, c, Action.RECOMPUTED, now,
                            "policy " + policy.id + " changed, due " + c.dueAt));
                }
            }
            return Multi.createFrom().iterable(lines).onItem().transformToUniAndConcatenate(history::persist)
                    .collect().asList().map(List::size);
        });
    }

    private Uni<PolicyAuditEntry> audit(SlaPolicy policy, String action, int recomputed) {
        PolicyAuditEntry entry = new PolicyAuditEntry();
        entry.policyId = policy.id;
        entry.action = action;
        entry.snapshot = policy.describe();
        entry.recomputedClocks = recomputed;
        entry.at = policy.updatedAt;
        return audit.persist(entry);
    }

    private static Map<ClockKind, Duration> targets(SlaPolicy p) {
        Map<ClockKind, Duration> targets = new EnumMap<>(ClockKind.class);
        for (ClockKind kind : ClockKind.values()) {
            targets.put(kind, p.target(kind));
        }
        return targets;
    }
}
