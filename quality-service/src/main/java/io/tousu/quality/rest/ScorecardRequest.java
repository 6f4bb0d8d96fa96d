package io.tousu.quality.rest;

import io.tousu.quality.domain.AutoCheck;
import io.tousu.quality.domain.ItemKind;
import io.tousu.quality.domain.ScorecardAdmin;
import io.tousu.quality.domain.ScorecardItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scorecard as an administrator writes it. */
@Schema(description = "A scorecard: weighted items summing to 100. Leave category out for the default scorecard.")
public record ScorecardRequest(
        @Schema(example = "Billing dispute", required = true)
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,

        @Schema(description = "Category code it scores; absent for the default", example = "BILLING_DISPUTE")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be a category code such as BILLING_DISPUTE")
        String category,

        @Schema(description = "Score (of 100) needed to pass", example = "80", required = true)
        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 to 100")
        @Max(value = 100, message = "must be 0 to 100") Integer passMark,

        @Schema(required = true) @NotNull(message = "is required") @Size(min = 1, max = 50,
                message = "must have 1 to 50 items") List<@Valid @NotNull(message = "must not be null") Item> items,

        @Schema(description = "Who makes the change", example = "qa-lead-1", required = true)
        @NotNull(message = "is required")
        @Pattern(regexp = InspectionRequests.STAFF_ID, message = InspectionRequests.STAFF_ID_MESSAGE) String changedBy) {

    /** One item. */
    @Schema(description = "One checklist item")
    public record Item(
            @Schema(example = "IDENTITY_VERIFIED", required = true) @NotNull(message = "is required")
            @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}", message = "must be an upper-case code such as IDENTITY_VERIFIED")
            String code,
            @Schema(example = "Customer identity verified", required = true)
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String label,
            @Schema(description = "YES_NO or POINTS", required = true) @NotNull(message = "is required: YES_NO or POINTS")
            ItemKind kind,
            @Schema(description = "Points of the 100 this item is worth", example = "10", required = true)
            @NotNull(message = "is required") Integer weight,
            @Schema(description = "Top of the scale of a POINTS item (1-100); absent for YES_NO", example = "5")
            Integer maxPoints,
            @Schema(description = "A failed critical item fails the inspection (score 0)") boolean critical,
            @Schema(description = "Pre-filled from the history: PROMISE_KEPT, FIRST_RESPONSE_IN_TIME, CATEGORY_KEPT, "
                    + "HAND_OFF_ANSWERED_IN_TIME or FOLLOW_UP_DONE") AutoCheck automatic) {
    }

    ScorecardAdmin.Definition toDefinition() {
        return new ScorecardAdmin.Definition(name, category, passMark, items.stream().map(i -> new ScorecardItem(
                i.code(), i.label(), i.kind(), i.weight(), i.maxPoints(), i.critical(), i.automatic())).toList(),
                changedBy);
    }
}
