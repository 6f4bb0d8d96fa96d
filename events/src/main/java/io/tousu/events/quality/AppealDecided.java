package io.tousu.events.quality;

import io.tousu.events.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An agent's appeal (复核) against an inspection score was decided; {@code finalScore} replaces the
 * score of the {@link InspectionScored}.
 *
 * @param appealId      identifies the appeal
 * @param inspectionId  the inspection appealed against
 * @param decidedBy     who decided the appeal
 * @param upheld        true when the agent was right and the score changed
 * @param originalScore the score appealed against
 * @param finalScore    the score that stands; equal to {@code originalScore} when not upheld
 * @param reason        free text: why it was decided so
 * @param decidedAt     when it was decided
 */
public record AppealDecided(String appealId, String inspectionId, String decidedBy, boolean upheld,
        BigDecimal originalScore, BigDecimal finalScore, String reason, Instant decidedAt) implements EventPayload {
}
