package io.tousu.reporting.rest;

import io.tousu.reporting.domain.Dimension;
import io.tousu.reporting.domain.Granularity;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Indicators grouped by a dimension, per period. */
@Schema(description = "Indicators grouped by a dimension, per day or month, each with the period before")
public record IndicatorSeriesView(
        @Schema(example = "GD") String province,
        @Schema(example = "CITY") Dimension groupBy,
        @Schema(example = "MONTH") Granularity granularity,
        @Schema(description = "Filters applied, by dimension") Map<Dimension, String> filters,
        @Schema(description = "Groups in order, each with its periods in order") List<IndicatorPointView> points) {
}
