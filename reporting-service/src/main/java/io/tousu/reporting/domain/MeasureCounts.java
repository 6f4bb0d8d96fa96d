package io.tousu.reporting.domain;

import java.util.EnumMap;
import java.util.Map;

/** The measures of one scope (province, city, team, ...) and one period; absent measures are zero. */
public final class MeasureCounts {

    private final EnumMap<Measure, Long> counts = new EnumMap<>(Measure.class);
    private boolean callsKnown;

    /** Counts with the given values; manual calls are known only when {@code MANUAL_CALLS} is given. */
    public static MeasureCounts of(Map<Measure, Long> values) {
        MeasureCounts c = new MeasureCounts();
        values.forEach(c::add);
        return c;
    }

    /** Adds to a measure (manual calls become known). */
    public MeasureCounts add(Measure measure, long value) {
        counts.merge(measure, value, Long::sum);
        if (measure == Measure.MANUAL_CALLS) {
            callsKnown = true;
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
        return callsKnown;
    }
}
