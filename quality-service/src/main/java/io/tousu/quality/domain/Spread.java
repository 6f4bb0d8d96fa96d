package io.tousu.quality.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How far inspectors' scores of the same complaint lie apart: range (max - min) and the population
 * standard deviation (square root of the mean squared distance from the mean), both to 2 decimals.
 */
public record Spread(int count, BigDecimal min, BigDecimal max, BigDecimal mean, BigDecimal range,
        BigDecimal standardDeviation) {

    /** The spread of the scores; all nulls but the count when there is none. */
    public static Spread of(List<BigDecimal> scores) {
        if (scores.isEmpty()) {
            return new Spread(0, null, null, null, null, null);
        }
        double[] v = scores.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double squares = 0;
        for (double x : v) {
            squares += (x - mean) * (x - mean);
        }
        BigDecimal min = scores.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = scores.stream().max(BigDecimal::compareTo).orElseThrow();
        return new Spread(v.length, min, max, round(mean), max.subtract(min).setScale(2, RoundingMode.HALF_UP),
                round(Math.sqrt(squares / v.length)));
    }

    private static BigDecimal round(double d) {
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
    }
}
