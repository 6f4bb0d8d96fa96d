package io.tousu.escalation.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.SortedSet;

/** A stored business calendar; {@link #toCalendar()} gives the arithmetic. */
@Entity
@Table(name = "business_calendars")
public class CalendarDefinition extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String zone;

    @Column(name = "work_start", nullable = false)
    public LocalTime workStart;

    @Column(name = "work_end", nullable = false)
    public LocalTime workEnd;

    @Convert(converter = TextSetConverters.Weekdays.class)
    @Column(name = "working_days", nullable = false)
    public SortedSet<DayOfWeek> workingDays;

    @Convert(converter = TextSetConverters.Dates.class)
    @Column(nullable = false)
    public SortedSet<LocalDate> holidays;

    @Convert(converter = TextSetConverters.Dates.class)
    @Column(name = "make_up_workdays", nullable = false)
    public SortedSet<LocalDate> makeUpWorkdays;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public BusinessCalendar toCalendar() {
        return new BusinessCalendar(code, ZoneId.of(zone), workStart, workEnd, Set.copyOf(workingDays),
                Set.copyOf(holidays), Set.copyOf(makeUpWorkdays));
    }
}
