package io.tousu.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimal arithmetic of the indicators. Every figure is computed from whole counts in
 * {@link BigDecimal} and rounded once, {@link RoundingMode#HALF_UP} to {@value #SCALE} places; a
 * figure whose denominator is zero is undefined ({@code null}), never 0 or 100.
 */
public final class IndicatorMath {

    /** Decimal places of every rate, per-10k figure and change. */
    public static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private IndicatorMath() {
    }

    /** {@code part / whole × 100}, e.g. 9,872 of 10,000 -> 98.72; null when {@code whole} is 0. */
    public static BigDecimal percent(long part, long whole) {
        return ratio(part, whole, HUNDRED);
    }

    /** {@code count / calls × 10,000}, e.g. 37 over 1,000,000 calls -> 0.37; null when {@code calls} is 0. */
    public static BigDecimal per10k(long count, long calls) {
        return ratio(count, calls, TEN_THOUSAND);
    }

    /**
     * Month-over-month change (环比) in percent of the previous figure: {@code (current − previous) /
     * previous × 100}, computed from the figures as published (already rounded), so a reader of the
     * table can reproduce it: 0.37 -> 0.17 is −54.05. Null when either figure is undefined or the
     * previous one is zero.
     */
    public static BigDecimal change(BigDecimal previous, BigDecimal current) {
        if (previous == null || current == null || previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).multiply(HUNDRED).divide(previous.abs(), SCALE, RoundingMode.HALF_UP);
    }

    /** {@code current − previous} in the indicator's own unit (percentage points for rates); null when undefined. */
    public static BigDecimal difference(BigDecimal previous, BigDecimal current) {
        return previous == null || current == null ? null : current.subtract(previous);
    }

    private static BigDecimal ratio(long part, long whole, BigDecimal factor) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(factor).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
    }
}
