package io.tousu.reporting.domain;

/**
 * A count the indicators are computed from. Each is counted in the period of its own event time:
 * complaints by when they were received, resolutions by when they were resolved, follow-ups by the
 * visit, ticket errors, risk hits and audits by when quality recorded them, calls by the day reported.
 */
public enum Measure {
    /** Complaints (tickets) received. */
    COMPLAINTS,
    /** Complaints received that repeat an earlier one of the same customer and category. */
    REPEATS,
    /** Complaints received through the regulator channel (越级申诉). */
    REGULATOR,
    /** Complaints resolved. */
    RESOLVED,
    /** Complaints resolved as substantiated (有理投诉). */
    SUBSTANTIATED,
    /** Substantiated complaints with staff responsibility (人员投诉成立). */
    STAFF_SUBSTANTIATED,
    /** Resolved complaints without hand-off, reopen or repeat. */
    FIRST_CONTACT,
    /** Resolved complaints whose resolution clock never ran out before the resolution. */
    ON_TIME,
    /** Follow-up visits answered. */
    FOLLOWED_UP,
    /** Follow-up visits where the customer was satisfied. */
    SATISFIED,
    /** Ticket errors recorded. */
    TICKET_ERRORS,
    /** Tickets audited (inspections scored). */
    AUDITED,
    /** Risk-rule hits recorded. */
    RISK_HITS,
    /** Manual calls (人工接入话务量); not made of complaints, so it has no drill-down. */
    MANUAL_CALLS,
    /**
     * Customers of the province in the month (客户规模), as reported by the operator; the denominator of
     * regulator complaints per 10k customers. Not made of complaints either.
     */
    CUSTOMERS;

    /** Whether the measure counts complaints (or their errors, hits, audits) that a drill-down can list. */
    public boolean hasComplaints() {
        return !reported();
    }

    /**
     * Whether the figure is reported by the centre (calls, customers) rather than counted from events:
     * a scope without a report of its own has no such figure at all, as opposed to zero.
     */
    public boolean reported() {
        return this == MANUAL_CALLS || this == CUSTOMERS;
    }
}
