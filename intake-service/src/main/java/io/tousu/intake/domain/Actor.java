package io.tousu.intake.domain;

/**
 * Who performs an action, from the caller's token (or the customer, or intake itself).
 *
 * @param id       staff id (token subject), channel name, or {@code customer}
 * @param role     the role that acts: the strongest the token holds
 * @param team     the caller's team, when the token names one
 * @param province the province the caller is limited to; null for national callers and the customer
 */
public record Actor(String id, ActorRole role, String team, String province) {

    public static final Actor CUSTOMER = new Actor("customer", ActorRole.CUSTOMER, null, null);

    /** Supervisors and administrators act on any complaint of their province. */
    public boolean actsOnAnyComplaint() {
        return role == ActorRole.SUPERVISOR || role == ActorRole.ADMIN || role == ActorRole.CHANNEL
                || role == ActorRole.CUSTOMER || role == ActorRole.SYSTEM;
    }
}
