package io.tousu.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void rangeAndPopulationStandardDeviation() {
        Spread s = Spread.of(List.of(d("2"), d("4"), d("4"), d("4"), d("5"), d("5"), d("7"), d("9")));
        assertThat(s.count()).isEqualTo(8);
        assertThat(s.min()).isEqualByComparingTo("2");
        assertThat(s.max()).isEqualByComparingTo("9");
        assertThat(s.range()).isEqualByComparingTo("7");
        assertThat(s.mean()).isEqualByComparingTo("5");
        assertThat(s.standardDeviation()).isEqualByComparingTo("2");
    }

    @Test
    void oneScoreHasNoSpreadAndNoneHasNothing() {
        Spread one = Spread.of(List.of(d("82.50")));
        assertThat(one.range()).isEqualByComparingTo("0");
        assertThat(one.standardDeviation()).isEqualByComparingTo("0");
        Spread none = Spread.of(List.of());
        assertThat(none.count()).isZero();
        assertThat(none.standardDeviation()).isNull();
    }
}
