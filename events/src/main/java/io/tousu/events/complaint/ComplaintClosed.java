package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * The complaint is closed: its loop (闭环) is complete and all its clocks stop.
 *
 * @param closedAt when it was closed
 */
public record ComplaintClosed(Instant closedAt) implements EventPayload {
}
