package io.tousu.escalation.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a policy promises, before it is stored: targets, warning, calendar and escalation chain.
 * {@link #inconsistencies()} lists what makes no sense together; a policy is only stored without any.
 *
 * @param warnBeforePercent share of a target to warn ahead (1..99), or null with {@code warnBefore}
 * @param warnBefore        time to warn ahead, or null with {@code warnBeforePercent}
 * @param calendarCode      the business calendar of BUSINESS_HOURS mode; null for ALWAYS
 */
public record PolicyTerms(Duration firstResponse, Duration nextUpdate, Duration resolution, Integer warnBeforePercent,
        Duration warnBefore, CalendarMode calendarMode, String calendarCode, List<EscalationStep> chain) {

    /** A field and why it does not fit with the rest of the policy. */
    public record Inconsistency(String field, String reason) {
    }

    public List<Inconsistency> inconsistencies() {
        List<Inconsistency> found = new ArrayList<>();
        positive(found, "firstResponse", firstResponse);
        positive(found, "nextUpdate", nextUpdate);
        positive(found, "resolution", resolution);
        if ((warnBeforePercent == null) == (warnBefore == null)) {
            found.add(new Inconsistency("warnBefore", "give exactly one of warnBefore (a duration) and "
                    + "warnBeforePercent"));
        } else if (warnBeforePercent != null && (warnBeforePercent < 1 || warnBeforePercent > 99)) {
            found.add(new Inconsistency("warnBeforePercent", "must be 1 to 99: 0 never warns, 100 or more warns "
                    + "before the clock starts, a negative share warns after the breach"));
        } else if (warnBefore != null) {
            warnBeforeFits(found);
        }
        if (calendarMode == CalendarMode.BUSINESS_HOURS && calendarCode == null) {
            found.add(new Inconsistency("calendar", "is required in BUSINESS_HOURS mode"));
        }
        if (calendarMode == CalendarMode.ALWAYS && calendarCode != null) {
            found.add(new Inconsistency("calendar", "must be left out in ALWAYS (24x7) mode"));
        }
        chainFits(found);
        return found;
    }

    private void warnBeforeFits(List<Inconsistency> found) {
        if (warnBefore.isNegative() || warnBefore.isZero()) {
            found.add(new Inconsistency("warnBefore", "must be positive: a warning at or after the deadline "
                    + "is no warning"));
            return;
        }
        Duration shortest = shortestTarget();
        if (shortest != null && warnBefore.compareTo(shortest) >= 0) {
            found.add(new Inconsistency("warnBefore", warnBefore + " is not shorter than the shortest target ("
                    + shortest + "): that clock would warn when it starts"));
        }
    }

    private void chainFits(List<Inconsistency> found) {
        if (chain == null || chain.isEmpty()) {
            found.add(new Inconsistency("chain", "needs at least one level: a breach must escalate to someone"));
            return;
        }
        for (int i = 0; i < chain.size(); i++) {
            EscalationStep step = chain.get(i);
            String field = "chain[" + i + "]";
            if (step.level() == null) {
                found.add(new Inconsistency(field + ".level", "is required"));
                continue;
            }
            if (i > 0 && chain.get(i - 1).level() != null && step.level().compareTo(chain.get(i - 1).level()) <= 0) {
                found.add(new Inconsistency(field + ".level", "levels must go up the ladder TEAM_LEAD, MANAGER, "
                        + "CENTRE_DIRECTOR, PROVINCE, each at most once; " + step.level() + " comes after "
                        + chain.get(i - 1).level()));
            }
            boolean last = i == chain.size() - 1;
            if (!last && (step.deadline() == null || step.deadline().isNegative() || step.deadline().isZero())) {
                found.add(new Inconsistency(field + ".deadline", "is required and positive: how long "
                        + step.level() + " has before the complaint goes to the next level"));
            }
            if (last && step.deadline() != null) {
                found.add(new Inconsistency(field + ".deadline", "must be left out: the last level has nobody "
                        + "above it to escalate to"));
            }
        }
    }

    private Duration shortestTarget() {
        return Stream.of(firstResponse, nextUpdate, resolution)
                .filter(d -> d != null && !d.isNegative() && !d.isZero())
                .min(Duration::compareTo).orElse(null);
    }

    private static void positive(List<Inconsistency> found, String field, Duration d) {
        if (d == null) {
            found.add(new Inconsistency(field, "is required: an ISO-8601 duration such as PT4H"));
        } else if (d.isNegative() || d.isZero()) {
            found.add(new Inconsistency(field, "must be a positive duration"));
        }
    }
}
