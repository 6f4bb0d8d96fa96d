package io.tousu.quality.domain;

import io.tousu.quality.domain.ComplaintHistory.HandOff;
import io.tousu.quality.domain.ComplaintHistory.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Computes the automatic scorecard items from a complaint's history. A check that does not apply
 * (no promise made, no hand-off) passes. The inspector sees the values pre-filled and may override
 * them with a reason.
 */
public final class AutomaticItems {

    /** The value of one check and the evidence behind it. */
    public record Outcome(boolean passed, boolean applicable, String evidence) {
    }

    private final Duration firstResponseLimit;
    private final Duration handOffAnswerLimit;

    public AutomaticItems(Duration firstResponseLimit, Duration handOffAnswerLimit) {
        this.firstResponseLimit = firstResponseLimit;
        this.handOffAnswerLimit = handOffAnswerLimit;
    }

    /** Every check, as of {@code now} (an unanswered hand-off is late once its limit has passed). */
    public Map<AutoCheck, Outcome> evaluate(ComplaintHistory h, Instant now) {
        Map<AutoCheck, Outcome> outcomes = new EnumMap<>(AutoCheck.class);
        outcomes.put(AutoCheck.PROMISE_KEPT, promiseKept(h));
        outcomes.put(AutoCheck.FIRST_RESPONSE_IN_TIME, firstResponse(h));
        outcomes.put(AutoCheck.CATEGORY_KEPT, h.categoryChangesAfterResolution() == 0
                ? new Outcome(true, true, "category not changed after resolution")
                : new Outcome(false, true, "category changed " + h.categoryChangesAfterResolution()
                        + " time(s) after resolution, last by " + h.categoryChangedBy()));
        outcomes.put(AutoCheck.HAND_OFF_ANSWERED_IN_TIME, handOffs(h, now));
        outcomes.put(AutoCheck.FOLLOW_UP_DONE, h.followedUpAt() != null
                ? new Outcome(true, true, "followed up at " + h.followedUpAt())
                : new Outcome(false, true, "no follow-up visit recorded"));
        return outcomes;
    }

    private static Outcome promiseKept(ComplaintHistory h) {
        if (h.promises().isEmpty()) {
            return new Outcome(true, false, "no promise made");
        }
        long broken = h.promises().stream().filter(p -> p.brokenAt() != null).count();
        long kept = h.promises().stream().filter(p -> p.keptAt() != null).count();
        if (broken > 0) {
            Promise first = h.promises().stream().filter(p -> p.brokenAt() != null).findFirst().orElseThrow();
            return new Outcome(false, true, broken + " of " + h.promises().size() + " promise(s) broken, e.g. "
                    + first.kind() + " due " + first.dueAt());
        }
        return new Outcome(true, true, kept + " of " + h.promises().size() + " promise(s) kept, none broken");
    }

    private Outcome firstResponse(ComplaintHistory h) {
        if (h.slaBreaches().contains("FIRST_RESPONSE")) {
            return new Outcome(false, true, "the first-response SLA was breached");
        }
        if (h.receivedAt() == null || h.firstContactAt() == null) {
            return new Outcome(true, false, "receipt or first contact not known");
        }
        Duration took = Duration.between(h.receivedAt(), h.firstContactAt());
        boolean inTime = took.compareTo(firstResponseLimit) <= 0;
        return new Outcome(inTime, true, "first contact " + took + " after receipt (limit " + firstResponseLimit + ")");
    }

    private Outcome handOffs(ComplaintHistory h, Instant now) {
        long toBack = h.handOffs().stream().filter(x -> "BACK".equals(x.toOffice())).count();
        if (toBack == 0) {
            return new Outcome(true, false, "not handed off to the back office");
        }
        for (HandOff x : h.handOffs()) {
            if (!"BACK".equals(x.toOffice())) {
                continue;
            }
            Instant answered = x.answeredAt() != null ? x.answeredAt() : now;
            Duration took = Duration.between(x.at(), answered);
            if (took.compareTo(handOffAnswerLimit) > 0) {
                return new Outcome(false, true, "hand-off to team " + x.toTeamId() + " at " + x.at()
                        + (x.answeredAt() != null ? " answered after " + took : " unanswered for " + took)
                        + " (limit " + handOffAnswerLimit + ")");
            }
        }
        return new Outcome(true, true, toBack + " hand-off(s) to the back office answered within " + handOffAnswerLimit);
    }
}
