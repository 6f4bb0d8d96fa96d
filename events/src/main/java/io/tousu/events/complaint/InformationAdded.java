package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * Information was added to the complaint (问题补充).
 *
 * @param source  CUSTOMER (through a channel or self-service) or AGENT
 * @param summary what was added, as text (phone numbers masked)
 * @param addedAt when it was added
 */
public record InformationAdded(String source, String summary, Instant addedAt) implements EventPayload {
}
