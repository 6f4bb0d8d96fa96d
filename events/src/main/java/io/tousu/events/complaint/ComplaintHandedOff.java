package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * The complaint moved between front and back office (落单), or between teams of one office. The
 * new owner is {@code toOwnerId}; a hand-off means the complaint was not a first-contact resolution.
 *
 * @param fromOffice  FRONT or BACK: the office that gave it away
 * @param toOffice    FRONT or BACK: the office that took it over
 * @param fromOwnerId the previous owner
 * @param toOwnerId   the new owner; null while it waits in the receiving team's queue
 * @param toTeamId    the receiving team
 * @param reason      free text: why the complaint was handed off
 * @param handedOffAt when the hand-off took effect
 */
public record ComplaintHandedOff(String fromOffice, String toOffice, String fromOwnerId, String toOwnerId,
        String toTeamId, String reason, Instant handedOffAt) implements EventPayload {
}
