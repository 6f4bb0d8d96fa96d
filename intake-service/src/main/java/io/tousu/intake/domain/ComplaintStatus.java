package io.tousu.intake.domain;

/**
 * The stages of the closed loop (see DOMAIN.md). PENDING_APPROVAL: a resolution whose compensation
 * is above the resolver's authority waits for someone with a higher limit.
 */
public enum ComplaintStatus {
    RECEIVED, ASSIGNED, IN_PROGRESS, PENDING_BACK_OFFICE, PENDING_CUSTOMER, PENDING_APPROVAL, RESOLVED, FOLLOWED_UP,
    CLOSED, REOPENED;

    /** True while the complaint is still being worked (not yet resolved). */
    public boolean isOpen() {
        return this != RESOLVED && this != FOLLOWED_UP && this != CLOSED;
    }
}
