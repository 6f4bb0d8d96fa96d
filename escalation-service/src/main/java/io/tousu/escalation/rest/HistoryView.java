package io.tousu.escalation.rest;

import io.tousu.escalation.domain.ClockHistoryEntry;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a complaint's clock and escalation history. */
@Schema(description = "One line of a complaint's clock and escalation history")
public record HistoryView(Instant at,
        @Schema(description = "The clock concerned (PROMISE:<id> for promises); absent for escalations and risk")
        String clock,
        @Schema(description = "ARMED, PAUSED, RESUMED, STOPPED, RESTARTED, RECOMPUTED (new targets), POLICY_CHANGED "
                + "(another policy chosen, e.g. after a change of category), WARNED, BREACHED, ESCALATED or RISK_RAISED")
        String action,
        @Schema(description = "The complaint's escalation level after the change (0 = owner only)") int level,
        String detail) {

    static HistoryView of(ClockHistoryEntry e) {
        return new HistoryView(e.at, e.clock, e.action, e.level, e.detail);
    }
}
