package io.tousu.quality.rest;

import io.tousu.quality.domain.Scorecard;
import io.tousu.quality.domain.ScorecardItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a scorecard. */
@Schema(description = "One version of a scorecard")
public record ScorecardView(UUID id, int version, String name,
        @Schema(description = "The category it scores; null for the default scorecard") String category,
        @Schema(description = "Score (of 100) needed to pass") int passMark,
        List<ScorecardItem> items,
        @Schema(description = "Whether this is the newest version") boolean current,
        @Schema(description = "Whether it is in use (false once retired)") boolean active,
        String changedBy, Instant changedAt) {

    static ScorecardView of(Scorecard s) {
        return new ScorecardView(s.scorecardId, s.version, s.name, s.category, s.passMark, s.items, s.current,
                s.active, s.changedBy, s.changedAt);
    }
}
