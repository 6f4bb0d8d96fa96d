package io.tousu.reporting.domain;

import java.time.LocalDate;

/**
 * A stored manual-call report of one day.
 *
 * @param day         the local day counted
 * @param city        the city, or the empty string for a province-wide report
 * @param manualCalls calls handled by a person that day
 */
public record DailyCalls(LocalDate day, String city, long manualCalls) {

    /** The city value of a province-wide report. */
    public static final String WHOLE_PROVINCE = "";

    public boolean provinceWide() {
        return WHOLE_PROVINCE.equals(city);
    }
}
