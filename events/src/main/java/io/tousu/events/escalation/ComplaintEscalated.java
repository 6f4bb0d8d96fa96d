package io.tousu.events.escalation;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * The complaint went up one or more escalation levels (逐级升级). Levels count from 0 (the owner
 * alone): 1 TEAM_LEAD, 2 MANAGER, 3 CENTRE_DIRECTOR, 4 PROVINCE.
 *
 * @param fromLevel    the level before
 * @param toLevel      the level now
 * @param levelName    the name of {@code toLevel}: TEAM_LEAD, MANAGER, CENTRE_DIRECTOR or PROVINCE
 * @param reason       BREACH (a deadline passed), URGE, REPEAT (a repeat complaint),
 *                     BROKEN_PROMISE or RISK (regulator-appeal risk)
 * @param nextDeadline when the complaint escalates again unless resolved; null at the top level
 * @param escalatedAt  when it escalated
 */
public record ComplaintEscalated(int fromLevel, int toLevel, String levelName, String reason, Instant nextDeadline,
        Instant escalatedAt) implements EventPayload {
}
