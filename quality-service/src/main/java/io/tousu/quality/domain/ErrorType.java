package io.tousu.quality.domain;

/** Kinds of ticket error (工单差错); they count against ticket accuracy in reporting. */
public enum ErrorType {
    WRONG_CATEGORY, WRONG_RESPONSIBILITY, MISSING_INFORMATION, WRONG_HANDLING, PROCESS_NOT_FOLLOWED,
    /** A promised call-back or progress notice passed its due time unkept; recorded automatically. */
    PROMISE_BROKEN
}
