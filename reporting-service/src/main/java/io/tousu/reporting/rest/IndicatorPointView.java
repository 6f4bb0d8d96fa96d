package io.tousu.reporting.rest;

import io.tousu.reporting.domain.IndicatorPoint;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The indicators of one group in one period. */
@Schema(description = "The indicators of one group in one period, each beside the period before")
public record IndicatorPointView(
        @Schema(description = "Value of the group-by dimension; null for facts that do not know it yet",
                example = "Shenzhen") String group,
        @Schema(example = "2026-09") String period,
        @Schema(example = "2026-08") String previousPeriod,
        List<IndicatorView> indicators) {

    static IndicatorPointView of(IndicatorPoint p) {
        return new IndicatorPointView(p.group(), p.period(), p.previousPeriod(),
                p.indicators().stream().map(IndicatorView::of).toList());
    }
}
