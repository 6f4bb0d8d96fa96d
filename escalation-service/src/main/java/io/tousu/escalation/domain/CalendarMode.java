package io.tousu.escalation.domain;

/** How a policy's clocks count time. */
public enum CalendarMode {
    /** Every hour counts (24x7). */
    ALWAYS,
    /** Only the working hours of the policy's business calendar count. */
    BUSINESS_HOURS
}
