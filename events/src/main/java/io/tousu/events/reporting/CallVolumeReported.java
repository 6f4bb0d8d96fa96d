package io.tousu.events.reporting;

import io.tousu.events.EventPayload;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The call centre reported its manual call volume (人工接入话务量) for one day and city, the
 * denominator of "valid complaints per 10k calls". A later report for the same day and city
 * replaces the earlier one. Not about one complaint: the envelope's complaint id is null.
 *
 * @param date        the day counted, in the province's zone
 * @param city        city code or name
 * @param manualCalls calls handled by a person (not the IVR alone) that day
 * @param reportedAt  when the call centre reported it
 */
public record CallVolumeReported(LocalDate date, String city, long manualCalls, Instant reportedAt)
        implements EventPayload {
}
