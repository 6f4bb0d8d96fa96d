package io.tousu.intake.rest;

import io.tousu.intake.domain.Channel;
import io.tousu.intake.domain.NewComplaint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint submitted by a channel front end. */
@Schema(description = "A complaint as a channel front end submits it. Resubmitting the same channel + channelRef "
        + "returns the complaint already taken in.")
public record SubmitComplaintRequest(
        @Schema(description = "Channel the complaint came through", example = "HOTLINE", required = true)
        @NotNull(message = "is required; one of HOTLINE, APP, WEB, WECHAT, SMS, STORE, EMAIL, REGULATOR, MEDIA")
        Channel channel,

        @Schema(description = "The channel's own message id; makes resubmission idempotent", example = "IVR-20261122-0001",
                required = true)
        @NotBlank(message = "is required: the channel's own message id")
        @Size(max = 100, message = "must be at most 100 characters")
        String channelRef,

        @Schema(description = "Province code (two capital letters)", example = "GD", required = true)
        @NotBlank(message = "is required")
        @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter province code such as GD")
        String province,

        @Schema(description = "City, when known", example = "Shenzhen")
        @Size(max = 50, message = "must be at most 50 characters")
        String city,

        @Schema(description = "Customer's phone number, digits only (stored once, masked everywhere else)",
                example = "13812345678", required = true)
        @NotBlank(message = "is required")
        @Pattern(regexp = "[0-9]{7,15}", message = "must be 7 to 15 digits")
        String msisdn,

        @Schema(description = "Category code from the taxonomy (GET /api/v1/categories)", example = "BILLING_DISPUTE",
                required = true)
        @NotBlank(message = "is required; GET /api/v1/categories lists the taxonomy")
        @Size(max = 40, message = "must be at most 40 characters")
        String category,

        @Schema(description = "What the customer says, in their words", example = "本月被扣了两次月租费", required = true)
        @NotBlank(message = "is required")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String description) {

    NewComplaint toCommand() {
        return new NewComplaint(channel, channelRef.strip(), province, city, msisdn, category, description.strip());
    }
}
