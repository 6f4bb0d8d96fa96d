package io.tousu.intake.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

/** An inclusive range of days of the year, such as {@code 03-08/03-20}; may wrap over New Year. */
public record MonthDayRange(MonthDay from, MonthDay to) {

    /** Parses {@code MM-dd/MM-dd}. */
    public static MonthDayRange parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a month-day range MM-dd/MM-dd: " + text);
        }
        try {
            return new MonthDayRange(MonthDay.parse("--" + parts[0].strip()), MonthDay.parse("--" + parts[1].strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a month-day range MM-dd/MM-dd: " + text, e);
        }
    }

    public boolean contains(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return from.isAfter(to)
                ? !day.isBefore(from) || !day.isAfter(to)
                : !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public String toString() {
        return String.format("%02d-%02d/%02d-%02d", from.getMonthValue(), from.getDayOfMonth(), to.getMonthValue(),
                to.getDayOfMonth());
    }
}
