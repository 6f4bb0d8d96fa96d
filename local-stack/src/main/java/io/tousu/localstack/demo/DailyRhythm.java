package io.tousu.localstack.demo;

import java.time.LocalTime;

/**
 * How many complaints a provincial centre takes per hour of the day: few at night, a morning peak
 * from 9 to 11, a lunch dip, an afternoon peak and a busy evening after work.
 */
final class DailyRhythm {

    /** Relative weight of each hour 0-23; the busiest hours are 1.0. */
    private static final double[] HOURLY = {
        0.10, 0.06, 0.04, 0.03, 0.03, 0.05, 0.12, 0.30, 0.60, 0.90, 1.00, 0.95,
        0.70, 0.75, 0.90, 0.95, 0.90, 0.80, 0.75, 0.80, 0.70, 0.50, 0.30, 0.18};

    private final double peakPerHour;

    /** A rhythm whose busiest hours bring {@code peakPerHour} complaints. */
    DailyRhythm(double peakPerHour) {
        if (!(peakPerHour > 0)) {
            throw new IllegalArgumentException("the peak must be positive");
        }
        this.peakPerHour = peakPerHour;
    }

    /** Complaints per simulated hour at {@code time}, interpolated between the hours. */
    double perHour(LocalTime time) {
        int hour = time.getHour();
        double within = (time.getMinute() * 60 + time.getSecond()) / 3600.0;
        double weight = HOURLY[hour] + (HOURLY[(hour + 1) % 24] - HOURLY[hour]) * within;
        return peakPerHour * weight;
    }

    /** Complaints in a whole simulated day. */
    double perDay() {
        double sum = 0;
        for (double weight : HOURLY) {
            sum += weight;
        }
        return sum * peakPerHour;
    }
}
