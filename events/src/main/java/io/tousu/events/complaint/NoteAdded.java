package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * Staff added an internal note to the complaint's history; the customer does not see it.
 *
 * @param authorId who wrote the note
 * @param text     the note (phone numbers masked)
 * @param addedAt  when it was added
 */
public record NoteAdded(String authorId, String text, Instant addedAt) implements EventPayload {
}
