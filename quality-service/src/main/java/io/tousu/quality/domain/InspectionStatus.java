package io.tousu.quality.domain;

/** Where an inspection is in the inspector's work. */
public enum InspectionStatus {
    /** Sampled, waiting in the queue. */
    PENDING,
    /** An inspector claimed it. */
    CLAIMED,
    /** Scored; the agent may appeal within the window. */
    SCORED,
    /** The agent appealed; a second inspector decides. */
    APPEALED,
    /** The appeal was decided; the final score stands. */
    REVIEWED
}
