package io.tousu.reporting.domain;

import static io.tousu.reporting.domain.TargetStatus.AT_RISK;
import static io.tousu.reporting.domain.TargetStatus.MISSED;
import static io.tousu.reporting.domain.TargetStatus.ON_TRACK;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TargetStatusTest {

    // complaint rate 5% -> 3% from 1 July to 31 December 2026 (183 days)
    private static final BigDecimal FIVE = new BigDecimal("5.00");
    private static final BigDecimal THREE = new BigDecimal("3.00");
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);
    private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 1); // 92 days in

    private static TargetStatus reduction(String current, LocalDate today) {
        return TargetStatus.of(FIVE, JULY, THREE, DEADLINE, current == null ? null : new BigDecimal(current), today);
    }

    @Test
    void theStraightLineFromBaselineToTarget() {
        // 5 − 2 × 92 / 183 = 3.9945.. -> 3.99
        assertThat(TargetStatus.expected(FIVE, JULY, THREE, DEADLINE, OCTOBER)).isEqualByComparingTo("3.99");
        assertThat(TargetStatus.expected(FIVE, JULY, THREE, DEADLINE, JULY)).isEqualByComparingTo("5.00");
        assertThat(TargetStatus.expected(FIVE, JULY, THREE, DEADLINE, DEADLINE)).isEqualByComparingTo("3.00");
        // before the baseline and after the deadline the line stays at its ends
        assertThat(TargetStatus.expected(FIVE, JULY, THREE, DEADLINE, JULY.minusDays(5))).isEqualByComparingTo("5.00");
        assertThat(TargetStatus.expected(FIVE, JULY, THREE, DEADLINE, DEADLINE.plusDays(5))).isEqualByComparingTo("3.00");
    }

    @Test
    void aReductionIsOnTrackAtOrBelowTheLineAndAtRiskAbove() {
        assertThat(reduction("3.90", OCTOBER)).isEqualTo(ON_TRACK);
        assertThat(reduction("3.99", OCTOBER)).isEqualTo(ON_TRACK);
        assertThat(reduction("4.00", OCTOBER)).isEqualTo(AT_RISK);
        assertThat(reduction("5.20", OCTOBER)).isEqualTo(AT_RISK);
    }

    @Test
    void anIncreaseIsOnTrackAtOrAboveTheLine() {
        // satisfaction 90 -> 95 over 10 days: 92.50 on day 5
        LocalDate start = LocalDate.of(2026, 1, 1);
        LocalDate end = LocalDate.of(2026, 1, 11);
        LocalDate day5 = LocalDate.of(2026, 1, 6);
        BigDecimal ninety = new BigDecimal("90");
        BigDecimal ninetyFive = new BigDecimal("95");
        assertThat(TargetStatus.of(ninety, start, ninetyFive, end, new BigDecimal("92.50"), day5)).isEqualTo(ON_TRACK);
        assertThat(TargetStatus.of(ninety, start, ninetyFive, end, new BigDecimal("92.49"), day5)).isEqualTo(AT_RISK);
        assertThat(TargetStatus.of(ninety, start, ninetyFive, end, new BigDecimal("96"), day5)).isEqualTo(ON_TRACK);
        assertThat(TargetStatus.of(ninety, start, ninetyFive, end, new BigDecimal("94.99"), end)).isEqualTo(MISSED);
        assertThat(TargetStatus.of(ninety, start, ninetyFive, end, new BigDecimal("95.00"), end)).isEqualTo(ON_TRACK);
    }

    @Test
    void fromTheDeadlineOnATargetIsReachedOrMissed() {
        assertThat(reduction("3.00", DEADLINE)).isEqualTo(ON_TRACK);
        assertThat(reduction("2.50", DEADLINE.plusMonths(1))).isEqualTo(ON_TRACK);
        assertThat(reduction("3.01", DEADLINE)).isEqualTo(MISSED);
        // the day before, the line expects 5 − 2 × 182 / 183 = 3.01
        assertThat(reduction("3.01", DEADLINE.minusDays(1))).isEqualTo(ON_TRACK);
        assertThat(reduction("3.05", DEADLINE.minusDays(1))).isEqualTo(AT_RISK);
    }

    @Test
    void withoutAFigureAtRiskThenMissed() {
        assertThat(reduction(null, OCTOBER)).isEqualTo(AT_RISK);
        assertThat(reduction(null, DEADLINE)).isEqualTo(MISSED);
    }
}
