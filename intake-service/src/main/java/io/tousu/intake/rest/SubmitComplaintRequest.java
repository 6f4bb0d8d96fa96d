package io.tousu.intake.rest;

import io.tousu.intake.domain.Channel;
import io.tousu.intake.domain.ContactPreference;
import io.tousu.intake.domain.NewComplaint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
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

        @Schema(description = "The customer", required = true)
        @NotNull(message = "is required: at least the customer's phone number")
        @Valid
        CustomerRequest customer,

        @Schema(description = "Category code from the taxonomy (GET /api/v1/categories)", example = "BILLING_DISPUTE",
                required = true)
        @NotBlank(message = "is required; GET /api/v1/categories lists the taxonomy")
        @Size(max = 40, message = "must be at most 40 characters")
        String category,

        @Schema(description = "Subcategory code of the category, when known", example = "DOUBLE_CHARGE")
        @Size(max = 40, message = "must be at most 40 characters")
        String subcategory,

        @Schema(description = "What the customer says, in their words", example = "本月被扣了两次月租费", required = true)
        @NotBlank(message = "is required")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String description,

        @Schema(description = "References to attachments kept by the channel (at most 10)")
        @Size(max = 10, message = "must list at most 10 attachments")
        List<@Valid @NotNull(message = "must not be null") AttachmentRequest> attachments,

        @Schema(description = "How the customer prefers to be contacted", example = "PHONE")
        ContactPreference contactPreference,

        @Schema(description = "When the customer can be reached, in their words", example = "weekdays after 18:00")
        @Size(max = 50, message = "must be at most 50 characters")
        String contactWindow) {

    /** The customer a complaint is about. */
    @Schema(description = "The customer")
    public record CustomerRequest(
            @Schema(description = "Phone number, digits only (stored once, masked everywhere else)",
                    example = "13812345678", required = true)
            @NotBlank(message = "is required")
            @Pattern(regexp = "[0-9]{7,15}", message = "must be 7 to 15 digits")
            String msisdn,

            @Schema(description = "The operator's customer id, when known", example = "C0012345")
            @Size(max = 64, message = "must be at most 64 characters")
            @Pattern(regexp = "[A-Za-z0-9_-]*", message = "may contain letters, digits, '_' and '-' only")
            String customerId,

            @Schema(description = "Customer tier or brand, e.g. GOTONE (全球通), GOLD", example = "GOTONE")
            @Size(max = 30, message = "must be at most 30 characters")
            @Pattern(regexp = "[A-Za-z0-9_-]*", message = "may contain letters, digits, '_' and '-' only")
            String tier) {
    }

    /** A reference to a file the channel keeps. */
    @Schema(description = "A reference to an attachment kept by the channel")
    public record AttachmentRequest(
            @Schema(description = "File name", example = "bill-2026-11.png", required = true)
            @NotBlank(message = "is required")
            @Size(max = 200, message = "must be at most 200 characters")
            String name,

            @Schema(description = "Where the channel keeps it (URL or storage key)", example = "app-store://att/88231",
                    required = true)
            @NotBlank(message = "is required")
            @Size(max = 500, message = "must be at most 500 characters")
            String reference) {
    }

    NewComplaint toCommand() {
        return new NewComplaint(channel, channelRef.strip(), province, city, customer.msisdn(), customer.customerId(),
                customer.tier(), category, subcategory, description.strip(),
                attachments == null ? List.of()
                        : attachments.stream().map(a -> new NewComplaint.Attachment(a.name(), a.reference())).toList(),
                contactPreference, contactWindow);
    }
}
