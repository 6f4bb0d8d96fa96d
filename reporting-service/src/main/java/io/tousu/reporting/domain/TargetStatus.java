package io.tousu.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Status of a SMART target from a straight line drawn from the baseline (on the baseline date) to the
 * target value (on the deadline). Whether higher or lower is better follows from the direction of the
 * target: 5% -> 3% is a reduction. Before the deadline a target is {@link #ON_TRACK} when the current
 * figure is at least as good as the line at today's date, else {@link #AT_RISK}; from the deadline on it
 * is {@link #ON_TRACK} when the target value is reached, else {@link #MISSED}. Without a current figure
 * (no data yet) a target is {@link #AT_RISK} before its deadline and {@link #MISSED} after.
 */
public enum TargetStatus {
    ON_TRACK, AT_RISK, MISSED;

    /** The value the straight line expects on {@code day} (clamped to the line's ends), 2 places HALF_UP. */
    public static BigDecimal expected(BigDecimal baseline, LocalDate baselineDate, BigDecimal target,
            LocalDate deadline, LocalDate day) {
        long total = ChronoUnit.DAYS.between(baselineDate, deadline);
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(baselineDate, day)));
        BigDecimal fraction = BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
        return baseline.add(target.subtract(baseline).multiply(fraction)).setScale(IndicatorMath.SCALE,
                RoundingMode.HALF_UP);
    }

    /** The status of a target on {@code today} given the current figure (null when unknown). */
    public static TargetStatus of(BigDecimal baseline, LocalDate baselineDate, BigDecimal target, LocalDate deadline,
            BigDecimal current, LocalDate today) {
        boolean pastDeadline = !today.isBefore(deadline);
        if (current == null) {
            return pastDeadline ? MISSED : AT_RISK;
        }
        if (pastDeadline) {
            return atLeastAsGood(current, target, baseline, target) ? ON_TRACK : MISSED;
        }
        BigDecimal expected = expected(baseline, baselineDate, target, deadline, today);
        return atLeastAsGood(current, expected, baseline, target) ? ON_TRACK : AT_RISK;
    }

    /** Whether {@code value} is as good as {@code reference} for a target from baseline towards target. */
    private static boolean atLeastAsGood(BigDecimal value, BigDecimal reference, BigDecimal baseline,
            BigDecimal target) {
        int direction = target.compareTo(baseline);
        return direction >= 0 ? value.compareTo(reference) >= 0 : value.compareTo(reference) <= 0;
    }
}
