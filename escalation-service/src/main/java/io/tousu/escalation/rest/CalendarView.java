package io.tousu.escalation.rest;

import io.tousu.escalation.domain.CalendarDefinition;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A business calendar as stored. */
@Schema(description = "A business calendar")
public record CalendarView(String code, String name, String zone, LocalTime workStart, LocalTime workEnd,
        List<DayOfWeek> workingDays, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, Instant updatedAt) {

    static CalendarView of(CalendarDefinition c) {
        return new CalendarView(c.code, c.name, c.zone, c.workStart, c.workEnd, List.copyOf(c.workingDays),
                List.copyOf(c.holidays), List.copyOf(c.makeUpWorkdays), c.updatedAt);
    }
}
