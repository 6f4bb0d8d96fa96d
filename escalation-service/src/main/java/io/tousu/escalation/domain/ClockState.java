package io.tousu.escalation.domain;

/** Where a clock stands. */
public enum ClockState {
    RUNNING, PAUSED, STOPPED, BREACHED
}
