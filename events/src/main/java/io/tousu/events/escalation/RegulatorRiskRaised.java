package io.tousu.events.escalation;

import io.tousu.events.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * The complaint is likely to go over the operator's head to the regulator (越级申诉) and needs
 * early attention.
 *
 * @param score    risk from 0 (none) to 100 (certain)
 * @param reasons  codes of the signals that made up the score, e.g. {@code REPEAT}, {@code URGED},
 *                 {@code SENSITIVE_WORDS}
 * @param raisedAt when the risk was raised
 */
public record RegulatorRiskRaised(int score, List<String> reasons, Instant raisedAt) implements EventPayload {
}
