package io.tousu.reporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Period length of an indicator series; periods are named by their local date or month. */
public enum Granularity {
    /** Calendar days in the province's zone, named {@code 2026-09-03}. */
    DAY,
    /** Calendar months in the province's zone, named {@code 2026-09}. */
    MONTH;

    /** The first day of the period named {@code text}, or empty when it is not a period of this length. */
    public Optional<LocalDate> parse(String text) {
        try {
            return Optional.of(this == DAY ? LocalDate.parse(text) : YearMonth.parse(text).atDay(1));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The name of the period starting on {@code start}. */
    public String label(LocalDate start) {
        return this == DAY ? start.toString() : YearMonth.from(start).toString();
    }

    /** The start of the period {@code n} periods after (or, negative, before) the one starting on {@code start}. */
    public LocalDate plus(LocalDate start, long n) {
        return this == DAY ? start.plusDays(n) : start.plusMonths(n);
    }

    /** The start of the period holding {@code day}. */
    public LocalDate periodOf(LocalDate day) {
        return this == DAY ? day : day.withDayOfMonth(1);
    }

    /** The format that describes a period name in an error message. */
    public String format() {
        return this == DAY ? "YYYY-MM-DD" : "YYYY-MM";
    }
}
