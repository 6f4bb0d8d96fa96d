package io.tousu.escalation.domain;

import java.time.Duration;

/**
 * One rung of a policy's escalation chain.
 *
 * @param level    who is told when the complaint reaches this rung
 * @param deadline how long that level has before the complaint escalates again; null on the last rung
 */
public record EscalationStep(EscalationLevel level, Duration deadline) {
}
