package io.tousu.events.quality;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * A rule of the risk library (风险地雷库) was hit by the handling of the complaint.
 *
 * @param hitId      identifies the hit
 * @param ruleId     the rule that was hit
 * @param ruleCode   the rule's readable code, stable across versions of the rule
 * @param minefield  the rule's group (雷区), e.g. OPERATIONAL_VIOLATION, INFORMATION_SECURITY,
 *                   SERVICE_RED_LINE, PROCESS_ERROR
 * @param severity   LOW, MEDIUM, HIGH or CRITICAL
 * @param agentId    the agent whose action hit the rule, when one did
 * @param teamId     that agent's team
 * @param evidence   free text: what in the history hit the rule (phone numbers masked)
 * @param recordedAt when the hit was recorded
 */
public record RiskHitRecorded(String hitId, String ruleId, String ruleCode, String minefield, String severity,
        String agentId, String teamId, String evidence, Instant recordedAt) implements EventPayload {
}
