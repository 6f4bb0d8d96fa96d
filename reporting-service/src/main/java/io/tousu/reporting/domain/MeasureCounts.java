package io.tousu.reporting.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/** The measures of one scope (province, city, team, ...) and one period; absent measures are zero. */
public final class MeasureCounts {

    private final EnumMap<Measure, Long> counts = new EnumMap<>(Measure.class);
    private final EnumSet<Measure> known = EnumSet.noneOf(Measure.class);

    /** Counts with the given values; a reported measure (calls, customers) is known only when given. */
    public static MeasureCounts of(Map<Measure, Long> values) {
        MeasureCounts c = new MeasureCounts();
        values.forEach(c::add);
        return c;
    }

    /** Adds to a measure (a reported measure becomes known). */
    public MeasureCounts add(Measure measure, long value) {
        counts.merge(measure, value, Long::sum);
        if (measure.reported()) {
            known.add(measure);
        }
        return this;
    }

    public long get(Measure measure) {
        return counts.getOrDefault(measure, 0L);
    }

    /**
     * Whether manual calls apply to this scope at all: a team or an agent has no call volume of its
     * own, so valid complaints per 10k calls is not defined for it (as opposed to zero calls).
     */
    public boolean callsKnown() {
        return known(Measure.MANUAL_CALLS);
    }

    /**
     * Whether a reported measure applies to this scope: only a whole province has a customer base, and
     * only where the operator reported one.
     */
    public boolean known(Measure reported) {
        return known.contains(reported);
    }
}
