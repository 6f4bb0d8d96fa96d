package io.tousu.reporting.rest;

import io.tousu.reporting.domain.MonthlyTable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The monthly key-indicator monitoring table (关键投诉指标监控表). */
@Schema(description = "The monthly key-indicator monitoring table (关键投诉指标监控表) of one province")
public record MonthlyTableView(
        @Schema(example = "GD") String province,
        @Schema(example = "2026-09") String month,
        @Schema(description = "The month compared with (环比)", example = "2026-08") String previousMonth,
        @Schema(description = "The zone whose calendar bounds the months", example = "Asia/Shanghai") String zone,
        @Schema(description = "How figures are rounded and compared") String rounding,
        @Schema(description = "The six key indicators first, then the others") List<IndicatorView> indicators) {

    static final String ROUNDING = "figures HALF_UP to 2 places from exact counts; change = (value - previous) / "
            + "previous x 100 of the rounded figures, HALF_UP to 2 places";

    static MonthlyTableView of(MonthlyTable t) {
        return new MonthlyTableView(t.province(), t.month().toString(), t.previousMonth().toString(),
                t.zone().getId(), ROUNDING, t.rows().stream().map(IndicatorView::of).toList());
    }
}
