package io.tousu.intake.domain;

/** The stages of the closed loop (see DOMAIN.md). */
public enum ComplaintStatus {
    RECEIVED, ASSIGNED, IN_PROGRESS, PENDING_BACK_OFFICE, PENDING_CUSTOMER, RESOLVED, FOLLOWED_UP, CLOSED, REOPENED
}
