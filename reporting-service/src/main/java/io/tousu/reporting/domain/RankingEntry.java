package io.tousu.reporting.domain;

import java.math.BigDecimal;

/**
 * One agent or team in a ranking.
 *
 * @param rank               1 is best; members equal on every ranking key share a rank (1, 2, 2, 4)
 * @param member             the agent or team id
 * @param complaints         complaints received that the member owns (ticket volume)
 * @param resolved           complaints the member resolved in the period
 * @param ticketErrors       ticket errors (工单差错) recorded against the member
 * @param substantiated      resolved complaints found substantiated (有理投诉)
 * @param staffSubstantiated substantiated complaints with staff responsibility (人员投诉成立)
 * @param errorRate          ticket errors / complaints × 100, 2 places; null without ticket volume
 */
public record RankingEntry(int rank, String member, long complaints, long resolved, long ticketErrors,
        long substantiated, long staffSubstantiated, BigDecimal errorRate) {
}
