package io.tousu.quality.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. */
@Schema(description = "One page of a list")
public record PageView<T>(List<T> items,
        @Schema(description = "Page number, from 0") int page,
        @Schema(description = "Page size asked for") int size,
        @Schema(description = "Items over all pages") long total) {
}
