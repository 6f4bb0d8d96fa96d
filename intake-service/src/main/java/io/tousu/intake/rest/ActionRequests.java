package io.tousu.intake.rest;

import io.tousu.intake.domain.ComplaintWorkflow;
import io.tousu.intake.domain.Office;
import io.tousu.intake.domain.PromiseKind;
import io.tousu.intake.domain.Responsibility;
import io.tousu.platform.rest.ProblemException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the lifecycle actions; the caller's token says who performs them. */
public final class ActionRequests {

    private ActionRequests() {
    }

    /** An action with a reason. */
    public record WithReason(
            @Schema(description = "Why", example = "needs the billing system team", required = true)
            @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
            String reason) {
    }

    /** A text: a note or information about the complaint. */
    public record WithText(
            @Schema(description = "The text", required = true)
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
            String text) {
    }

    /** Assignment to a named owner. */
    public record Assign(
            @Schema(description = "The owner's staff id", example = "A2048", required = true)
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
            String ownerId,
            @Schema(description = "The owner's display name", example = "Wang Fang")
            @Size(max = 100, message = "must be at most 100 characters")
            String ownerName,
            @Schema(description = "The owner's team", example = "GZ-FRONT-3", required = true)
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
            String teamId,
            @Schema(description = "FRONT or BACK office", example = "FRONT", required = true)
            @NotNull(message = "is required; FRONT or BACK")
            Office office) {
    }

    /** Hand-off to the back office. */
    public record HandOff(
            @Schema(description = "The back-office team", example = "GD-BILLING", required = true)
            @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
            String toTeamId,
            @Schema(description = "A named back-office owner, when known")
            @Size(max = 64, message = "must be at most 64 characters")
            String toOwnerId,
            @Schema(description = "Why the back office is needed", required = true)
            @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
            String reason) {
    }

    /** A promise to the customer. */
    public record MakePromise(
            @Schema(description = "CALL_BACK or PROGRESS_NOTICE", example = "CALL_BACK", required = true)
            @NotNull(message = "is required; CALL_BACK or PROGRESS_NOTICE")
            PromiseKind kind,
            @Schema(description = "When it is due (UTC), within 30 days", example = "2026-11-23T02:00:00Z", required = true)
            @NotNull(message = "is required")
            Instant dueAt) {
    }

    /** A category change. */
    public record ChangeCategory(
            @NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters")
            String category,
            @Size(max = 40, message = "must be at most 40 characters")
            String subcategory) {
    }

    /** A resolution. */
    public record Resolve(
            @Schema(description = "Whether the complaint was found justified (有理投诉)", required = true)
            @NotNull(message = "is required: true or false")
            Boolean substantiated,
            @Schema(description = "Where responsibility lies; NONE when not substantiated", example = "STAFF",
                    required = true)
            @NotNull(message = "is required; one of STAFF, PROCESS, SYSTEM, PARTNER, NETWORK, NONE")
            Responsibility responsibility,
            @Schema(description = "The staff member responsible, required when responsibility is STAFF")
            @Size(max = 64, message = "must be at most 64 characters")
            String staffId,
            @Schema(description = "Resolution code", example = "REFUND", required = true)
            @NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters")
            @Pattern(regexp = "[A-Z0-9_]+", message = "must be upper-case letters, digits and '_'")
            String resolutionCode,
            @Schema(description = "What was done for the customer", required = true)
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
            String summary,
            @Schema(description = "Refund or compensation in yuan, when granted", example = "50.00")
            @DecimalMin(value = "0.00", message = "must not be negative")
            @DecimalMax(value = "1000000.00", message = "must be at most 1,000,000")
            @Digits(integer = 7, fraction = 2, message = "must have at most 2 decimal places")
            BigDecimal compensationAmount) {

        /** The resolution, after the checks that span fields. */
        ComplaintWorkflow.Resolution toResolution() {
            if (responsibility == Responsibility.STAFF && (staffId == null || staffId.isBlank())) {
                throw ProblemException.invalidField("staffId", "is required when responsibility is STAFF");
            }
            if (!substantiated && responsibility != Responsibility.NONE) {
                throw ProblemException.invalidField("responsibility",
                        "must be NONE for an unsubstantiated complaint");
            }
            return new ComplaintWorkflow.Resolution(substantiated, responsibility,
                    responsibility == Responsibility.STAFF ? staffId : null, resolutionCode, summary.strip(),
                    compensationAmount);
        }
    }

    /** The follow-up visit's result. */
    public record FollowUp(
            @Schema(description = "Whether the customer is satisfied", required = true)
            @NotNull(message = "is required: true or false")
            Boolean satisfied,
            @Schema(description = "Whether the problem is solved; false reopens the complaint", required = true)
            @NotNull(message = "is required: true or false")
            Boolean resolved,
            @Size(max = 1000, message = "must be at most 1000 characters")
            String comment) {
    }

    /** An urge passed on by a channel or an agent. */
    public record Urge(
            @Schema(description = "Channel the customer urged through", example = "HOTLINE")
            @Size(max = 20, message = "must be at most 20 characters")
            String channel) {
    }
}
