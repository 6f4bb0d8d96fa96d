package io.tousu.quality.rest;

import io.tousu.quality.domain.InspectionWork;
import io.tousu.quality.domain.ScoreCheck;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the inspector's actions. */
public final class InspectionRequests {

    /** Staff ids: letters, digits, dot, underscore, dash. */
    static final String STAFF_ID = "[A-Za-z0-9._-]{1,64}";
    static final String STAFF_ID_MESSAGE = "must be a staff id of 1 to 64 letters, digits, '.', '_' or '-'";

    private InspectionRequests() {
    }

    /** Score a claimed inspection. */
    @Schema(description = "The inspector's answers; the inspector is the token's subject. Automatic items may be left "
            + "out (the value computed from the history is used) or answered differently with an overrideReason.")
    public record Score(
            @Schema(description = "Ignored (the inspector is the token's subject); accepted so that older clients "
                    + "are not refused", deprecated = true, example = "qa-07")
            @Pattern(regexp = STAFF_ID, message = STAFF_ID_MESSAGE) String inspectorId,
            @Schema(required = true) @NotNull(message = "is required")
            List<@Valid @NotNull(message = "must not be null") Item> items,
            @Schema(description = "Free text for the agent") @Size(max = 2000, message = "must be at most 2000 characters")
            String comment) {

        /** The scoring by {@code inspector}, the caller. */
        InspectionWork.Scoring toScoring(String inspector) {
            return new InspectionWork.Scoring(inspector, items.stream().map(i -> new ScoreCheck.Given(i.code(),
                    i.passed(), i.points(), i.overrideReason())).toList(), comment);
        }
    }

    /** One item's answer. */
    @Schema(description = "The answer to one scorecard item")
    public record Item(
            @Schema(description = "Item code", example = "IDENTITY_VERIFIED", required = true)
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String code,
            @Schema(description = "For YES_NO items") Boolean passed,
            @Schema(description = "For POINTS items: 0 to the item's maxPoints") Integer points,
            @Schema(description = "Why an automatic item is answered against the history")
            @Size(max = 500, message = "must be at most 500 characters") String overrideReason) {
    }
}
