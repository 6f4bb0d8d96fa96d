package io.tousu.escalation.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * A province's working calendar: working hours on working days, in the province's zone. A day
 * works when it is a make-up working day (调休上班), or when it is a usual working weekday and not
 * a public holiday. Chinese calendars move weekends around holidays, so both lists matter.
 *
 * @param code           the calendar's code, e.g. {@code CN}
 * @param zone           the province's time zone
 * @param workStart      start of the working day (inclusive)
 * @param workEnd        end of the working day (exclusive), after {@code workStart}
 * @param workingDays    the usual working weekdays
 * @param holidays       days off although they are usual working days (or weekends inside a holiday)
 * @param makeUpWorkdays days worked although they are usual days off
 */
public record BusinessCalendar(String code, ZoneId zone, LocalTime workStart, LocalTime workEnd,
        Set<DayOfWeek> workingDays, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) implements WorkingTime {

    /** No calendar in use has a gap of working days longer than this; a longer search is a broken calendar. */
    private static final int MAX_DAYS_SEARCHED = 3 * 366;

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        if (!workStart.isBefore(workEnd)) {
            throw new IllegalArgumentException("the working day must start before it ends");
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one working weekday");
        }
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(holidays);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    /** Whether people work on this (local) day. */
    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    @Override
    public Instant plus(Instant from, Duration work) {
        Duration left = work.isNegative() ? Duration.ZERO : work;
        ZonedDateTime t = from.atZone(zone);
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
            LocalDate day = t.toLocalDate();
            ZonedDateTime open = day.atTime(workStart).atZone(zone);
            ZonedDateTime close = day.atTime(workEnd).atZone(zone);
            if (isWorkingDay(day) && t.isBefore(close)) {
                ZonedDateTime start = t.isBefore(open) ? open : t;
                Duration today = Duration.between(start, close);
                if (left.compareTo(today) <= 0) {
                    return start.plus(left).toInstant();
                }
                left = left.minus(today);
            }
            t = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("calendar " + code + " has no working time within " + MAX_DAYS_SEARCHED
                + " days of " + from);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime end = to.atZone(zone);
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant open = day.atTime(workStart).atZone(zone).toInstant();
            Instant close = day.atTime(workEnd).atZone(zone).toInstant();
            Instant a = from.isAfter(open) ? from : open;
            Instant b = to.isBefore(close) ? to : close;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }
}
