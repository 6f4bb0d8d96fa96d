package io.tousu.escalation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.CalendarDefinition;
import io.tousu.escalation.domain.CalendarMode;
import io.tousu.escalation.domain.SlaPolicy;
import io.tousu.escalation.domain.WorkingTime;
import jakarta.enterprise.context.ApplicationScoped;

/** Business calendars. */
@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarDefinition, String> {

    /** How the policy's clocks count time. */
    public Uni<WorkingTime> workingTime(SlaPolicy policy) {
        if (policy.calendarMode != CalendarMode.BUSINESS_HOURS) {
            return Uni.createFrom().item(WorkingTime.ALWAYS);
        }
        return findById(policy.calendarCode).map(CalendarDefinition::toCalendar);
    }
}
