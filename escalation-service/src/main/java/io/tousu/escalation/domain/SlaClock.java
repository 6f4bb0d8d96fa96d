package io.tousu.escalation.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A durable SLA clock of one complaint. The firing loop looks at a running clock at {@link #fireAt}:
 * the warning time until the owner was warned, then the due time. Customer waits pause it with the
 * counted time left; resuming continues from there. {@link #lastChangeAt} is the time of the latest
 * complaint event applied to it, so an event older than that (arriving late) cannot undo it.
 */
@Entity
@Table(name = "sla_clocks")
public class SlaClock extends PanacheEntityBase {

    /**
     * From the column's sequence, 50 ids a call (V3), so that the new clocks of a batch are inserted
     * by a few batched statements instead of one round trip each.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_ids")
    @SequenceGenerator(name = "sla_clock_ids", sequenceName = "sla_clocks_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockKind kind;

    /** Which one of several clocks of a kind: the promise id for PROMISE, empty otherwise. */
    @Column(nullable = false)
    public String ref;

    @Column(nullable = false)
    public String province;

    @Column(nullable = false)
    public String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockState state;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** When it runs out (pauses included); while paused, the due time it had when paused. */
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** When the owner is to be warned; null when no warning is due (already warned, or none for this deadline). */
    @Column(name = "warn_at")
    public Instant warnAt;

    /** Next instant the firing loop acts on; null unless running. */
    @Column(name = "fire_at")
    public Instant fireAt;

    /** Counted time left, while paused. */
    @Column(name = "remaining_seconds")
    public Long remainingSeconds;

    @Column(name = "warn_before_seconds", nullable = false)
    public long warnBeforeSeconds;

    /** The business calendar counting its time; null for 24x7. */
    @Column(name = "calendar_code")
    public String calendarCode;

    /** When it first ran out; later deadlines of the same clock are the escalation levels' deadlines. */
    @Column(name = "first_breached_at")
    public Instant firstBreachedAt;

    @Column(name = "last_change_at", nullable = false)
    public Instant lastChangeAt;

    /** A running clock due {@code target} of counted time after {@code start}, warned {@code warnBefore} ahead. */
    public static SlaClock arm(TrackedComplaint complaint, ClockKind kind, String ref, Instant start, Duration target,
            Duration warnBefore, String calendarCode, WorkingTime time) {
        SlaClock c = new SlaClock();
        c.complaintId = complaint.complaintId;
        c.kind = kind;
        c.ref = ref;
        c.province = complaint.province;
        c.category = complaint.category;
        c.calendarCode = calendarCode;
        c.warnBeforeSeconds = warnBefore.toSeconds();
        c.restart(start, target, time);
        return c;
    }

    /** Whether an event that happened at {@code at} may still change this clock (it is not older than the last change). */
    public boolean accepts(Instant at) {
        return lastChangeAt == null || !at.isBefore(lastChangeAt);
    }

    /** Starts over from {@code at} with the full {@code target}, un-warned and un-breached. */
    public void restart(Instant at, Duration target, WorkingTime time) {
        state = ClockState.RUNNING;
        startedAt = at;
        firstBreachedAt = null;
        remainingSeconds = null;
        lastChangeAt = at;
        schedule(at, target, true, time);
    }

    /** Stops for good (until restarted). */
    public void stop(Instant at) {
        state = ClockState.STOPPED;
        fireAt = null;
        warnAt = null;
        remainingSeconds = null;
        lastChangeAt = at;
    }

    /** Pauses a running clock at {@code at}, keeping the counted time left; false when it was not running. */
    public boolean pause(Instant at, WorkingTime time) {
        if (state != ClockState.RUNNING) {
            return false;
        }
        state = ClockState.PAUSED;
        remainingSeconds = time.between(at, dueAt).toSeconds();
        fireAt = null;
        lastChangeAt = at;
        return true;
    }

    /** Resumes a paused clock at {@code at} with the time it had left; false when it was not paused. */
    public boolean resume(Instant at, WorkingTime time) {
        if (state != ClockState.PAUSED) {
            return false;
        }
        state = ClockState.RUNNING;
        Duration left = Duration.ofSeconds(remainingSeconds);
        remainingSeconds = null;
        lastChangeAt = at;
        schedule(at, left, warnAt != null, time);
        return true;
    }

    /** The owner was warned: the next thing to look at is the due time. */
    public void warned() {
        warnAt = null;
        fireAt = dueAt;
    }

    /** Ran out; the next escalation level has {@code deadline} from {@code at} (no warning for level deadlines). */
    public void nextDeadline(Instant at, Duration deadline, WorkingTime time) {
        if (firstBreachedAt == null) {
            firstBreachedAt = dueAt;
        }
        schedule(at, deadline, false, time);
    }

    /** Ran out with nobody left to escalate to: stays open as BREACHED but never fires again. */
    public void exhausted() {
        if (firstBreachedAt == null) {
            firstBreachedAt = dueAt;
        }
        state = ClockState.BREACHED;
        fireAt = null;
        warnAt = null;
    }

    /**
     * Its policy changed: the target grows or shrinks by {@code delta} of counted time (the time
     * already used and the pauses stay as they were), under the new warning and calendar. Clocks
     * already breached keep their escalation deadlines; false when nothing was changed.
     */
    public boolean retarget(Instant now, Duration delta, Duration warnBefore, String calendarCode, WorkingTime time) {
        return retarget(now, delta, warnBefore, calendarCode, time, time);
    }

    /**
     * As {@link #retarget(Instant, Duration, Duration, String, WorkingTime)}, when the calendar may
     * change too: the time left is counted by the calendar it ran under ({@code before}), the new due
     * time by the one it runs under from now on ({@code after}). Counted from its start, the clock
     * keeps the time it has used and its pauses; only the target differs, by {@code delta}.
     */
    public boolean retarget(Instant now, Duration delta, Duration warnBefore, String calendarCode, WorkingTime before,
            WorkingTime after) {
        if (firstBreachedAt != null || (state != ClockState.RUNNING && state != ClockState.PAUSED)) {
            return false;
        }
        this.calendarCode = calendarCode;
        warnBeforeSeconds = warnBefore.toSeconds();
        if (state == ClockState.PAUSED) {
            remainingSeconds = Math.max(0, remainingSeconds + delta.toSeconds());
        } else {
            Duration left = before.between(now, dueAt).plus(delta);
            schedule(now, left.isNegative() ? Duration.ZERO : left, warnAt != null, after);
        }
        return true;
    }

    /** Whether the owner is still to be warned before the due time. */
    public boolean warningDue(Instant now) {
        return warnAt != null && now.isBefore(dueAt);
    }

    private void schedule(Instant from, Duration left, boolean warn, WorkingTime time) {
        dueAt = time.plus(from, left);
        Duration warnBefore = Duration.ofSeconds(warnBeforeSeconds);
        if (!warn || warnBefore.isZero()) {
            warnAt = null;
        } else {
            warnAt = left.compareTo(warnBefore) > 0 ? time.plus(from, left.minus(warnBefore)) : from;
        }
        fireAt = warnAt != null ? warnAt : dueAt;
    }
}
