package io.tousu.reporting.rest;

import io.tousu.reporting.domain.HotSpot;
import io.tousu.reporting.domain.HotSpotDimension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hot-spot episode. */
@Schema(description = "A hot-spot episode (服务风险预警): complaints of a category or city far above their own baseline")
public record HotSpotView(
        UUID id,
        @Schema(example = "GD") String province,
        @Schema(description = "CATEGORY or REGION (a city)") HotSpotDimension dimension,
        @Schema(description = "The category code or city", example = "DATA_USAGE_DISPUTE") String key,
        @Schema(description = "OPEN or ENDED") String status,
        @Schema(description = "When it was raised") Instant detectedAt,
        @Schema(description = "Start of the window that raised it") Instant windowStart,
        @Schema(description = "End of the window that raised it (exclusive)") Instant windowEnd,
        @Schema(description = "Complaints in that window", example = "36") long count,
        @Schema(description = "Complaints expected in that window from the same time of the previous days",
                example = "6.00") BigDecimal baseline,
        @Schema(description = "count / baseline, 2 places", example = "6.00") BigDecimal ratio,
        @Schema(description = "The most complaints of any window during the episode") long peakCount,
        @Schema(description = "Complaints in the latest window evaluated") long lastCount,
        @Schema(description = "When it ended; null while open") Instant endedAt) {

    static HotSpotView of(HotSpot s) {
        return new HotSpotView(s.id, s.province, s.dimension, s.key, s.endedAt == null ? "OPEN" : "ENDED",
                s.detectedAt, s.windowStart, s.windowEnd, s.count, s.baseline,
                BigDecimal.valueOf(s.count).divide(s.baseline, 2, RoundingMode.HALF_UP), s.peakCount, s.lastCount,
                s.endedAt);
    }
}
