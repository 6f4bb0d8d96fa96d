package io.tousu.escalation.domain;

/** Where a clock stands. */
public enum ClockState {
    /** Counting down; the firing loop looks at it at {@code fireAt}. */
    RUNNING,
    /** Waiting for the customer; holds the time left. */
    PAUSED,
    /** Done: the thing it timed happened (or the complaint closed). */
    STOPPED,
    /** Ran out at the top of the escalation chain: nothing further to escalate, still open. */
    BREACHED;

    /** Whether the clock still counts as open (for metrics and overdue lists). */
    public boolean isOpen() {
        return this != STOPPED;
    }
}
