package io.tousu.escalation.domain;

/** The SLA clocks a complaint can have. */
public enum ClockKind {
    FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION, PROMISE
}
