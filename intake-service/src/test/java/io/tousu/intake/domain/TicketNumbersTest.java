package io.tousu.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TicketNumbersTest {

    @Test
    void formatsProvinceDateAndSixDigitSequence() {
        assertThat(TicketNumbers.format("GD", LocalDate.of(2026, 11, 22), 123)).isEqualTo("GD20261122000123");
    }

    @Test
    void padsMonthDayAndSequenceWithZeros() {
        assertThat(TicketNumbers.format("BJ", LocalDate.of(2027, 1, 5), 1)).isEqualTo("BJ20270105000001");
        assertThat(TicketNumbers.format("SH", LocalDate.of(2026, 12, 31), 999_999)).isEqualTo("SH20261231999999");
    }

    @Test
    void dayIsTheProvinceLocalDate() {
        // 23:30 UTC on the 21st is already the 22nd in Shanghai
        assertThat(TicketNumbers.dayOf(Instant.parse("2026-11-21T23:30:00Z"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void sequenceMustFitSixDigits() {
        assertThatThrownBy(() -> TicketNumbers.format("GD", LocalDate.of(2026, 1, 1), 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketNumbers.format("GD", LocalDate.of(2026, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
