package io.tousu.events.quality;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * A ticket error (工单差错) was found in the complaint; it counts against ticket accuracy.
 *
 * @param errorId     identifies the error
 * @param errorType   WRONG_CATEGORY, WRONG_RESPONSIBILITY, MISSING_INFORMATION, WRONG_HANDLING,
 *                    PROCESS_NOT_FOLLOWED or PROMISE_BROKEN
 * @param agentId     the agent who made the error
 * @param teamId      that agent's team
 * @param description free text: what was wrong
 * @param recordedBy  the inspector, or {@code SYSTEM} for an automatic check
 * @param recordedAt  when it was recorded
 */
public record TicketErrorRecorded(String errorId, String errorType, String agentId, String teamId,
        String description, String recordedBy, Instant recordedAt) implements EventPayload {
}
