package io.tousu.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The weekly management report of a province (报告机制): an ISO week in the province's zone against
 * the week before.
 *
 * @param province      province code
 * @param week          the ISO week, {@code 2026-W41}
 * @param previousWeek  the week before, {@code 2026-W40}
 * @param firstDay      Monday of the week
 * @param lastDay       Sunday of the week
 * @param zone          the province's zone
 * @param volumes       counts of the week beside the week before
 * @param indicators    every indicator of the monthly table, for the week beside the week before
 * @param topCategories the most complained-of categories of the week, most first (at most five)
 * @param hotSpots      hot-spot episodes open at any time in the week
 * @param bestTeams     the best teams of the week (see {@link Rankings})
 * @param worstTeams    the worst teams of the week, worst first
 */
public record WeeklyReport(String province, String week, String previousWeek, LocalDate firstDay, LocalDate lastDay,
        ZoneId zone, List<Count> volumes, List<IndicatorComparison> indicators, List<CategoryLine> topCategories,
        List<HotSpot> hotSpots, List<RankingEntry> bestTeams, List<RankingEntry> worstTeams) {

    /** How many categories the report lists. */
    public static final int TOP_CATEGORIES = 5;
    /** How many best and worst teams the report lists. */
    public static final int TEAMS = 3;

    /**
     * A count of the week beside the week before.
     *
     * @param code     COMPLAINTS, RESOLVED, SUBSTANTIATED, STAFF_SUBSTANTIATED, TICKET_ERRORS, REGULATOR,
     *                 OVERDUE or ESCALATED
     * @param nameZh   Chinese name
     * @param nameEn   English name
     * @param current  this week
     * @param previous the week before
     */
    public record Count(String code, String nameZh, String nameEn, long current, long previous) {

        /** Week-over-week change in percent of the week before; null when that was zero. */
        public BigDecimal change() {
            return IndicatorMath.change(BigDecimal.valueOf(previous), BigDecimal.valueOf(current));
        }
    }

    /**
     * A category's complaints received in the week.
     *
     * @param category the category code
     * @param current  this week
     * @param previous the week before
     */
    public record CategoryLine(String category, long current, long previous) {

        public BigDecimal change() {
            return IndicatorMath.change(BigDecimal.valueOf(previous), BigDecimal.valueOf(current));
        }
    }
}
