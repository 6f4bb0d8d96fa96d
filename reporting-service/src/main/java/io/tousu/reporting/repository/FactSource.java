package io.tousu.reporting.repository;

import io.tousu.reporting.domain.Dimension;
import io.tousu.reporting.domain.Measure;
import java.util.Arrays;
import java.util.List;

/**
 * Where each measure is counted: a read-model table, the event time that places a row in a period,
 * and the condition a row must meet. Every SQL fragment here is a constant; values are always bound.
 * Quality rows join the complaint facts for the complaint's city, channel and category.
 */
enum FactSource {

    RECEIVED("complaint_facts f", "f.received_at", "f.province", "f.complaint_id", "f.team_id", "f.owner_id"),
    RESOLVED("complaint_facts f", "f.resolved_at", "f.province", "f.complaint_id", "f.team_id", "f.owner_id"),
    FOLLOWED_UP("complaint_facts f", "f.followed_up_at", "f.province", "f.complaint_id", "f.team_id", "f.owner_id"),
    TICKET_ERRORS("ticket_errors x left join complaint_facts f on f.complaint_id = x.complaint_id", "x.recorded_at",
            "x.province", "x.complaint_id", "x.team_id", "x.agent_id"),
    RISK_HITS("risk_hits x left join complaint_facts f on f.complaint_id = x.complaint_id", "x.recorded_at",
            "x.province", "x.complaint_id", "x.team_id", "x.agent_id"),
    INSPECTIONS("inspections x left join complaint_facts f on f.complaint_id = x.complaint_id", "x.scored_at",
            "x.province", "x.complaint_id", "f.team_id", "x.agent_id");

    final String from;
    final String time;
    final String province;
    final String complaintId;
    private final String team;
    private final String agent;

    FactSource(String from, String time, String province, String complaintId, String team, String agent) {
        this.from = from;
        this.time = time;
        this.province = province;
        this.complaintId = complaintId;
        this.team = team;
        this.agent = agent;
    }

    /** The column of a dimension in this source. */
    String column(Dimension dimension) {
        return switch (dimension) {
            case PROVINCE -> province;
            case CITY -> "f.city";
            case CHANNEL -> "f.channel";
            case CATEGORY -> "f.category";
            case TEAM -> team;
            case AGENT -> agent;
        };
    }

    /** The source a measure is counted in; not defined for the reported measures (calls, customers). */
    static FactSource of(Measure measure) {
        return switch (measure) {
            case COMPLAINTS, REPEATS, REGULATOR -> RECEIVED;
            case RESOLVED, SUBSTANTIATED, STAFF_SUBSTANTIATED, FIRST_CONTACT, ON_TIME -> RESOLVED;
            case FOLLOWED_UP, SATISFIED -> FOLLOWED_UP;
            case TICKET_ERRORS -> TICKET_ERRORS;
            case RISK_HITS -> RISK_HITS;
            case AUDITED -> INSPECTIONS;
            case MANUAL_CALLS, CUSTOMERS -> throw new IllegalArgumentException(measure + " is reported, not a complaint fact");
        };
    }

    /**
     * The condition a row of the measure's source must meet. First contact: the resolver said so and
     * no hand-off, reopen or repeat is known. On time: no RESOLUTION clock ran out before the
     * (latest) resolution.
     */
    static String condition(Measure measure) {
        return switch (measure) {
            case REPEATS -> "f.repeat";
            case REGULATOR -> "f.channel = 'REGULATOR'";
            case SUBSTANTIATED -> "f.substantiated";
            case STAFF_SUBSTANTIATED -> "f.substantiated and f.responsibility = 'STAFF'";
            case FIRST_CONTACT -> "f.first_contact and not f.handed_off and f.reopen_count = 0 and not f.repeat";
            case ON_TIME -> "(f.resolution_breach_due_at is null or f.resolved_at < f.resolution_breach_due_at)";
            case SATISFIED -> "f.satisfied";
            default -> "true";
        };
    }

    /** The measures counted in this source. */
    List<Measure> measures() {
        return Arrays.stream(Measure.values()).filter(Measure::hasComplaints).filter(m -> of(m) == this).toList();
    }

    /**
     * Whether this source's measures are kept per hour in {@code fact_hour_counts} (V6): those of
     * the complaint facts' own event times.
     */
    boolean hasHourCounts() {
        return this == RECEIVED || this == RESOLVED || this == FOLLOWED_UP;
    }

    /** The column of {@code fact_hour_counts} holding a measure of {@link #hasHourCounts() such a source}. */
    static String hourCountColumn(Measure measure) {
        return switch (measure) {
            case COMPLAINTS -> "complaints";
            case REPEATS -> "repeats";
            case REGULATOR -> "regulator";
            case RESOLVED -> "resolved";
            case SUBSTANTIATED -> "substantiated";
            case STAFF_SUBSTANTIATED -> "staff_substantiated";
            case FIRST_CONTACT -> "first_contact";
            case ON_TIME -> "on_time";
            case FOLLOWED_UP -> "followed_up";
            case SATISFIED -> "satisfied";
            default -> throw new IllegalArgumentException(measure + " has no hour counts");
        };
    }
}
