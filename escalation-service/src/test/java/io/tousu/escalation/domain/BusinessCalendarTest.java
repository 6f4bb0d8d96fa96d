package io.tousu.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /**
     * National Day 2026 as the State Council General Office's notice on the 2026 holidays has it
     * (国务院办公厅关于2026年部分节假日安排的通知, November 2025): 1-7 October off (Thu 1 Oct to Wed 7 Oct),
     * with Sunday 20 September and Saturday 10 October as make-up working days; Mid-Autumn 25-27 Sep off.
     */
    static final BusinessCalendar CN_2026 = new BusinessCalendar("CN", SHANGHAI, LocalTime.of(9, 0),
            LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            Set.copyOf(Stream.concat(Stream.iterate(LocalDate.of(2026, 10, 1), d -> d.plusDays(1)).limit(7),
                    Stream.iterate(LocalDate.of(2026, 9, 25), d -> d.plusDays(1)).limit(3)).toList()),
            Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void goldenWeekIsSkippedAndTheMakeUpSaturdayCounts() {
        // Wed 30 Sep 16:00 + 4 working hours: 2 h that day, nothing 1-7 Oct, Thu 8 Oct 09:00 + 2 h
        assertThat(CN_2026.plus(local("2026-09-30T16:00"), Duration.ofHours(4))).isEqualTo(local("2026-10-08T11:00"));
        // Fri 9 Oct 17:00 + 3 h: 1 h Friday, then Saturday 10 Oct is a make-up working day
        assertThat(CN_2026.plus(local("2026-10-09T17:00"), Duration.ofHours(3))).isEqualTo(local("2026-10-10T11:00"));
        // a normal Saturday does not count: Sat 17 Oct is skipped to Mon 19 Oct
        assertThat(CN_2026.plus(local("2026-10-16T17:00"), Duration.ofHours(3))).isEqualTo(local("2026-10-19T11:00"));
    }

    @Test
    void makeUpSundayBeforeTheHolidayCounts() {
        // Sat 19 Sep 10:00 + 1 h: Saturday off, Sunday 20 Sep works
        assertThat(CN_2026.plus(local("2026-09-19T10:00"), Duration.ofHours(1))).isEqualTo(local("2026-09-20T10:00"));
        assertThat(CN_2026.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(CN_2026.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(CN_2026.isWorkingDay(LocalDate.of(2026, 9, 25))).isFalse();
    }

    @Test
    void workingTimeBetweenCountsOnlyOfficeHoursOfWorkingDays() {
        // Wed 30 Sep 09:00 to Sat 10 Oct 18:00: 30 Sep (9 h), 8 Oct, 9 Oct, 10 Oct (9 h each)
        assertThat(CN_2026.between(local("2026-09-30T09:00"), local("2026-10-10T18:00"))).isEqualTo(Duration.ofHours(36));
        assertThat(CN_2026.between(local("2026-10-02T09:00"), local("2026-10-06T18:00"))).isZero();
        assertThat(CN_2026.between(local("2026-10-08T10:00"), local("2026-10-08T09:00"))).isZero();
    }

    @Test
    void startOutsideOfficeHoursCountsFromTheNextOpening() {
        assertThat(CN_2026.plus(local("2026-10-08T07:30"), Duration.ofMinutes(30))).isEqualTo(local("2026-10-08T09:30"));
        assertThat(CN_2026.plus(local("2026-10-08T20:00"), Duration.ofMinutes(30))).isEqualTo(local("2026-10-09T09:30"));
        // exactly the rest of a day ends at closing time, not at the next opening
        assertThat(CN_2026.plus(local("2026-10-08T17:00"), Duration.ofHours(1))).isEqualTo(local("2026-10-08T18:00"));
    }

    @Test
    void plusAndBetweenAgree() {
        Instant from = local("2026-09-18T15:20");
        Instant due = CN_2026.plus(from, Duration.ofHours(20));
        assertThat(CN_2026.between(from, due)).isEqualTo(Duration.ofHours(20));
    }
}
