package io.tousu.intake.domain;

/**
 * Who performs an action. Until token authentication lands (security issue) the caller names
 * itself; the history records it either way.
 *
 * @param id   staff id, channel name, or {@code customer}
 * @param name display name, when known
 * @param role the role acting
 */
public record Actor(String id, String name, ActorRole role) {

    public static final Actor CUSTOMER = new Actor("customer", null, ActorRole.CUSTOMER);
}
