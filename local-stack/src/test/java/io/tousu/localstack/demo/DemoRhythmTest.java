package io.tousu.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DemoRhythmTest {

    private final DailyRhythm rhythm = new DailyRhythm(90);

    @Test
    void daytimeIsBusierThanNight() {
        assertThat(rhythm.perHour(LocalTime.of(10, 0))).isCloseTo(90, within(1e-9));
        assertThat(rhythm.perHour(LocalTime.of(3, 0))).isLessThan(rhythm.perHour(LocalTime.of(10, 0)) / 10);
        assertThat(rhythm.perHour(LocalTime.of(15, 0))).isGreaterThan(rhythm.perHour(LocalTime.of(12, 30)));
        assertThat(rhythm.perHour(LocalTime.of(20, 0))).isGreaterThan(rhythm.perHour(LocalTime.of(23, 30)));
    }

    @Test
    void hoursBlendIntoEachOther() {
        double nine = rhythm.perHour(LocalTime.of(9, 0));
        double ten = rhythm.perHour(LocalTime.of(10, 0));
        assertThat(rhythm.perHour(LocalTime.of(9, 30))).isCloseTo((nine + ten) / 2, within(1e-9));
        assertThat(rhythm.perHour(LocalTime.of(23, 59, 59))).isCloseTo(rhythm.perHour(LocalTime.MIDNIGHT),
                within(0.1));
    }

    @Test
    void aDayAddsUpToTheHours() {
        assertThat(rhythm.perDay()).isBetween(90 * 12.0, 90 * 14.0);
        assertThatThrownBy(() -> new DailyRhythm(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRealRateFollowsTheSpeedButIsCapped() {
        LocalTime peak = LocalTime.of(10, 0);
        assertThat(DemoTraffic.realRate(rhythm, peak, 60)).isCloseTo(1.5, within(1e-9));
        assertThat(DemoTraffic.realRate(rhythm, peak, 1)).isCloseTo(0.025, within(1e-9));
        assertThat(DemoTraffic.realRate(rhythm, peak, 3600)).isEqualTo(DemoTraffic.MAX_REAL_RATE);
        assertThat(DemoTraffic.realRate(rhythm, LocalTime.of(3, 0), 60))
                .isLessThan(DemoTraffic.realRate(rhythm, peak, 60));
    }
}
