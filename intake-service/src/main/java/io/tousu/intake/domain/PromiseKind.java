package io.tousu.intake.domain;

/** What was promised to the customer. */
public enum PromiseKind {
    CALL_BACK, PROGRESS_NOTICE
}
