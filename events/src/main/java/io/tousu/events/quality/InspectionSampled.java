package io.tousu.events.quality;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * A handled complaint was sampled for quality inspection (质检).
 *
 * @param inspectionId identifies the inspection in the later scored and appeal events
 * @param agentId      the agent whose handling is inspected
 * @param reason       why it was sampled: REGULATOR, COMPENSATION, REPEAT, ESCALATED or RANDOM
 * @param highRisk     whether it was sampled as high-risk (always inspected) rather than at random
 * @param sampledAt    when it was sampled
 */
public record InspectionSampled(String inspectionId, String agentId, String reason, boolean highRisk,
        Instant sampledAt) implements EventPayload {
}
