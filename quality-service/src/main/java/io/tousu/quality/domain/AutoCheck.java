package io.tousu.quality.domain;

/** Scorecard items computed from the complaint's event history (see {@link AutomaticItems}). */
public enum AutoCheck {
    /** Every promise made to the customer was kept (none broken). */
    PROMISE_KEPT,
    /** First contact within the first-response limit and no first-response SLA breach. */
    FIRST_RESPONSE_IN_TIME,
    /** The category was not changed after resolution (a change is a WRONG_CATEGORY ticket error). */
    CATEGORY_KEPT,
    /** Every hand-off to the back office was answered within the hand-off limit. */
    HAND_OFF_ANSWERED_IN_TIME,
    /** The follow-up visit (回访) took place. */
    FOLLOW_UP_DONE
}
