package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * A complaint got its (new) named owner (专人负责). There is one owner at a time; this event
 * replaces the previous one.
 *
 * @param ownerId    the agent who now owns the complaint
 * @param ownerName  the owner's display name, for notices and reports
 * @param teamId     the owner's team
 * @param office     FRONT (一线/前台) or BACK (后台)
 * @param assignedBy who assigned it: a supervisor's id, or {@code SYSTEM} for automatic routing
 * @param assignedAt when the assignment took effect
 */
public record ComplaintAssigned(String ownerId, String ownerName, String teamId, String office, String assignedBy,
        Instant assignedAt) implements EventPayload {
}
