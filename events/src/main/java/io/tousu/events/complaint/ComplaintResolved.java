package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The complaint was resolved; a follow-up visit (回访) comes next. The key indicators are counted
 * from this event.
 *
 * @param substantiated        whether the complaint was found justified (有理投诉)
 * @param responsibility       where responsibility lies: STAFF (人员), PROCESS (流程), SYSTEM (系统),
 *                             PARTNER (third party or SP, 第三方), NETWORK, or NONE
 * @param staffId              the staff member responsible when {@code responsibility} is STAFF, else null
 * @param resolutionCode       code of the fix from the resolution taxonomy, e.g. {@code REFUND}
 * @param summary              free text: what was done for the customer
 * @param compensationAmount   refund or compensation granted, in yuan (CNY); null when none
 * @param compensationApproved true when the amount exceeded the resolver's own authority (授权) and
 *                             was approved by someone with a higher limit; false otherwise
 * @param firstContact         resolved at first contact: no hand-off, reopen or repeat before it
 * @param handedOff            whether the complaint was handed off at least once before resolution
 * @param resolvedBy           the agent who resolved it
 * @param resolvedAt           when it was resolved
 */
public record ComplaintResolved(boolean substantiated, String responsibility, String staffId, String resolutionCode,
        String summary, BigDecimal compensationAmount, boolean compensationApproved, boolean firstContact,
        boolean handedOff, String resolvedBy, Instant resolvedAt) implements EventPayload {
}
