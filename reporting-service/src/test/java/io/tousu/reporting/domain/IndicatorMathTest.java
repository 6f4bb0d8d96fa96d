package io.tousu.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndicatorMathTest {

    @Test
    void ticketAccuracyOfTheSeedsJanuary() {
        // 10,000 tickets with 128 errors
        assertThat(IndicatorMath.percent(10_000 - 128, 10_000)).isEqualByComparingTo("98.72").hasScaleOf(2);
    }

    @Test
    void ticketAccuracyOfTheSeedsSeptember() {
        assertThat(IndicatorMath.percent(10_000 - 112, 10_000)).isEqualTo(new BigDecimal("98.88"));
    }

    @Test
    void validComplaintsPer10kCallsOfTheSeeds() {
        assertThat(IndicatorMath.per10k(37, 1_000_000)).isEqualTo(new BigDecimal("0.37"));
        assertThat(IndicatorMath.per10k(17, 1_000_000)).isEqualTo(new BigDecimal("0.17"));
    }

    @Test
    void monthOverMonthChangeIsOfThePublishedFiguresRoundedHalfUp() {
        // (0.17 - 0.37) / 0.37 = -0.540540... -> -54.05%
        assertThat(IndicatorMath.change(new BigDecimal("0.37"), new BigDecimal("0.17")))
                .isEqualTo(new BigDecimal("-54.05"));
        // (98.88 - 98.72) / 98.72 = 0.16207... -> 0.16%
        assertThat(IndicatorMath.change(new BigDecimal("98.72"), new BigDecimal("98.88")))
                .isEqualTo(new BigDecimal("0.16"));
        assertThat(IndicatorMath.difference(new BigDecimal("98.72"), new BigDecimal("98.88")))
                .isEqualTo(new BigDecimal("0.16"));
    }

    @Test
    void riskAnomalyRateOfTheSeedsAudits() {
        // 8 hits in 5,760 audits = 0.1388...% -> 0.14%
        assertThat(IndicatorMath.percent(8, 5_760)).isEqualTo(new BigDecimal("0.14"));
    }

    @Test
    void halfUpRoundsTheHalfAwayFromZero() {
        assertThat(IndicatorMath.percent(1, 8)).isEqualTo(new BigDecimal("12.50"));
        assertThat(IndicatorMath.percent(1, 800)).isEqualTo(new BigDecimal("0.13")); // 0.125
        assertThat(IndicatorMath.change(new BigDecimal("8"), new BigDecimal("7.99")))
                .isEqualTo(new BigDecimal("-0.13")); // -0.125
    }

    @Test
    void aZeroDenominatorIsUndefinedNotZero() {
        assertThat(IndicatorMath.percent(0, 0)).isNull();
        assertThat(IndicatorMath.per10k(3, 0)).isNull();
        assertThat(IndicatorMath.change(BigDecimal.ZERO.setScale(2), new BigDecimal("1.00"))).isNull();
        assertThat(IndicatorMath.change(null, new BigDecimal("1.00"))).isNull();
        assertThat(IndicatorMath.difference(new BigDecimal("1.00"), null)).isNull();
    }
}
