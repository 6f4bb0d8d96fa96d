package io.tousu.escalation.domain;

/** Where a complaint stands, as far as its clocks are concerned. */
public enum ComplaintPhase {
    OPEN, RESOLVED, CLOSED
}
