package io.tousu.quality.domain;

/** Where an appeal (复核) is. */
public enum AppealStatus {
    /** Filed by the agent, waiting for a second inspector. */
    OPEN,
    /** Decided for the agent: the final score replaced the original. */
    UPHELD,
    /** Decided against the agent: the original score stands. */
    REJECTED
}
