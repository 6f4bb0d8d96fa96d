package io.tousu.reporting.rest;

import io.tousu.reporting.domain.RankingEntry;
import io.tousu.reporting.domain.WeeklyReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The weekly management report (报告机制) of a province. */
@Schema(description = "The weekly management report (报告机制) of one province: an ISO week against the week before")
public record WeeklyReportView(
        @Schema(example = "GD") String province,
        @Schema(description = "ISO week in the province's zone", example = "2026-W41") String week,
        @Schema(description = "The week compared with", example = "2026-W40") String previousWeek,
        @Schema(description = "Monday of the week", example = "2026-10-05") LocalDate firstDay,
        @Schema(description = "Sunday of the week", example = "2026-10-11") LocalDate lastDay,
        @Schema(example = "Asia/Shanghai") String zone,
        @Schema(description = "Counts of the week beside the week before") List<CountView> volumes,
        @Schema(description = "Every indicator of the monthly table, for the week beside the week before")
        List<IndicatorView> indicators,
        @Schema(description = "The five most complained-of categories of the week") List<CategoryView> topCategories,
        @Schema(description = "Hot-spot episodes open at any time in the week") List<HotSpotView> hotSpots,
        @Schema(description = "Best teams of the week, best first (ranking as GET /api/v1/rankings)")
        List<RankingEntry> bestTeams,
        @Schema(description = "Worst teams of the week, worst first") List<RankingEntry> worstTeams) {

    /** A count of the week beside the week before. */
    public record CountView(
            @Schema(description = "COMPLAINTS, RESOLVED, SUBSTANTIATED, STAFF_SUBSTANTIATED, TICKET_ERRORS, REGULATOR, "
                    + "OVERDUE (resolution deadline passed in the week) or ESCALATED (complaints that reached a new "
                    + "escalation level in the week)") String code,
            String nameZh, String nameEn, long current, long previous,
            @Schema(description = "Week-over-week change in percent; null when the week before was zero")
            BigDecimal change) {
    }

    /** A category's complaints received in the week. */
    public record CategoryView(String category, long current, long previous, BigDecimal change) {
    }

    static WeeklyReportView of(WeeklyReport r) {
        return new WeeklyReportView(r.province(), r.week(), r.previousWeek(), r.firstDay(), r.lastDay(),
                r.zone().getId(),
                r.volumes().stream().map(c -> new CountView(c.code(), c.nameZh(), c.nameEn(), c.current(),
                        c.previous(), c.change())).toList(),
                r.indicators().stream().map(IndicatorView::of).toList(),
                r.topCategories().stream().map(c -> new CategoryView(c.category(), c.current(), c.previous(),
                        c.change())).toList(),
                r.hotSpots().stream().map(HotSpotView::of).toList(), r.bestTeams(), r.worstTeams());
    }
}
