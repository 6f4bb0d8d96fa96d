package io.tousu.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MonthDayRangeTest {

    @Test
    void containsItsEndsInclusive() {
        MonthDayRange r = MonthDayRange.parse("03-08/03-20");
        assertThat(r.contains(LocalDate.of(2026, 3, 8))).isTrue();
        assertThat(r.contains(LocalDate.of(2026, 3, 20))).isTrue();
        assertThat(r.contains(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(r.toString()).isEqualTo("03-08/03-20");
    }

    @Test
    void wrapsOverNewYear() {
        MonthDayRange r = MonthDayRange.parse("12-25/01-05");
        assertThat(r.contains(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(r.contains(LocalDate.of(2027, 1, 3))).isTrue();
        assertThat(r.contains(LocalDate.of(2026, 6, 1))).isFalse();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> MonthDayRange.parse("March")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MonthDayRange.parse("13-01/13-05")).isInstanceOf(IllegalArgumentException.class);
    }
}
