package io.tousu.escalation.rest;

import io.tousu.escalation.domain.CalendarDefinition;
import io.tousu.platform.rest.FieldViolation;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A business calendar as an administrator writes it. */
@Schema(description = "A business calendar: working hours on working days in the province's zone, public holidays "
        + "and make-up working days (调休上班)")
public record CalendarRequest(
        @Schema(example = "Guangdong office hours", required = true)
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,

        @Schema(description = "IANA time zone", example = "Asia/Shanghai", required = true)
        @NotBlank(message = "is required, e.g. Asia/Shanghai") String zone,

        @Schema(description = "Start of the working day", example = "09:00", required = true)
        @NotNull(message = "is required, e.g. 09:00") LocalTime workStart,

        @Schema(description = "End of the working day", example = "18:00", required = true)
        @NotNull(message = "is required, e.g. 18:00") LocalTime workEnd,

        @Schema(description = "The usual working weekdays", example = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\","
                + "\"THURSDAY\",\"FRIDAY\"]", required = true)
        @NotEmpty(message = "needs at least one weekday") Set<@NotNull(message = "must not be null") DayOfWeek> workingDays,

        @Schema(description = "Days off: public holidays, including the weekdays moved into a holiday",
                example = "[\"2026-10-01\",\"2026-10-02\"]")
        Set<@NotNull(message = "must not be null") LocalDate> holidays,

        @Schema(description = "Days worked although they are usual days off (调休上班)", example = "[\"2026-10-10\"]")
        Set<@NotNull(message = "must not be null") LocalDate> makeUpWorkdays) {

    /** The calendar under {@code code}, or a 400 listing every inconsistent field. */
    CalendarDefinition toDefinition(String code) {
        List<FieldViolation> violations = new ArrayList<>();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            violations.add(new FieldViolation("zone", "'" + zone + "' is not a time zone such as Asia/Shanghai"));
        }
        if (!workStart.isBefore(workEnd)) {
            violations.add(new FieldViolation("workEnd", "must be after workStart (" + workStart + ")"));
        }
        TreeSet<LocalDate> off = new TreeSet<>(holidays == null ? Set.of() : holidays);
        TreeSet<LocalDate> worked = new TreeSet<>(makeUpWorkdays == null ? Set.of() : makeUpWorkdays);
        off.stream().filter(worked::contains).findFirst().ifPresent(d -> violations.add(
                new FieldViolation("makeUpWorkdays", d + " is also listed as a holiday")));
        worked.stream().filter(d -> workingDays.contains(d.getDayOfWeek())).findFirst().ifPresent(d -> violations.add(
                new FieldViolation("makeUpWorkdays", d + " is a " + d.getDayOfWeek()
                        + ", already a working day: a make-up day is a usual day off that is worked")));
        if (!violations.isEmpty()) {
            throw new ProblemException(400, Problem.VALIDATION_TYPE, "The request has invalid fields",
                    violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                            : violations.size() + " fields are invalid", violations);
        }
        CalendarDefinition c = new CalendarDefinition();
        c.code = code;
        c.name = name;
        c.zone = zone;
        c.workStart = workStart;
        c.workEnd = workEnd;
        c.workingDays = new TreeSet<>(workingDays);
        c.holidays = off;
        c.makeUpWorkdays = worked;
        return c;
    }
}
