package io.tousu.escalation.rest;

import io.tousu.escalation.domain.CalendarMode;
import io.tousu.escalation.domain.EscalationLevel;
import io.tousu.escalation.domain.EscalationStep;
import io.tousu.escalation.domain.PolicyTerms;
import io.tousu.escalation.domain.SlaPolicy;
import io.tousu.platform.rest.FieldViolation;
import io.tousu.platform.rest.Problem;
import io.tousu.platform.rest.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An SLA policy as an administrator writes it. */
@Schema(description = "An SLA policy. Leave a selector field out to match any value; the most specific matching "
        + "policy wins. Durations are ISO-8601 (PT30M, PT4H, P3D).")
public record PolicyRequest(
        @Schema(example = "Regulator appeals", required = true)
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,

        @Schema(description = "Province code; absent matches every province", example = "GD")
        @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter province code such as GD") String province,

        @Schema(description = "Channel; absent matches every channel", example = "REGULATOR")
        @Pattern(regexp = "HOTLINE|APP|WEB|WECHAT|SMS|STORE|EMAIL|REGULATOR|MEDIA",
                message = "must be one of HOTLINE, APP, WEB, WECHAT, SMS, STORE, EMAIL, REGULATOR, MEDIA")
        String channel,

        @Schema(description = "Category code; absent matches every category", example = "BILLING_DISPUTE")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be a category code such as BILLING_DISPUTE")
        String category,

        @Schema(description = "Priority; absent matches every priority", example = "URGENT")
        @Pattern(regexp = "LOW|NORMAL|HIGH|URGENT", message = "must be one of LOW, NORMAL, HIGH, URGENT")
        String priority,

        @Schema(description = "Time to first contact with the customer", example = "PT30M", required = true)
        String firstResponse,

        @Schema(description = "Longest time between updates to the customer", example = "PT4H", required = true)
        String nextUpdate,

        @Schema(description = "Time to resolve", example = "PT24H", required = true)
        String resolution,

        @Schema(description = "Warn this share (1-99) of a target ahead; give this or warnBefore", example = "25")
        Integer warnBeforePercent,

        @Schema(description = "Warn this long ahead; give this or warnBeforePercent", example = "PT1H")
        String warnBefore,

        @Schema(description = "ALWAYS (24x7) or BUSINESS_HOURS (working hours of `calendar`)", required = true)
        @NotNull(message = "is required: ALWAYS or BUSINESS_HOURS") CalendarMode calendarMode,

        @Schema(description = "Business calendar code, in BUSINESS_HOURS mode only", example = "CN")
        @Size(max = 32, message = "must be at most 32 characters") String calendar,

        @Schema(description = "Escalation levels, in order up the ladder; every level but the last has a deadline",
                required = true)
        List<@Valid @NotNull(message = "must not be null") StepRequest> chain) {

    /** One level of the chain. */
    @Schema(description = "One escalation level and the time it has before the next one is told")
    public record StepRequest(
            @Schema(description = "TEAM_LEAD, MANAGER, CENTRE_DIRECTOR or PROVINCE", required = true)
            @NotNull(message = "is required: TEAM_LEAD, MANAGER, CENTRE_DIRECTOR or PROVINCE") EscalationLevel level,
            @Schema(description = "Time this level has; absent on the last level", example = "PT8H") String deadline) {
    }

    /** The policy, or a 400 listing every unreadable or inconsistent field. */
    SlaPolicy toPolicy() {
        List<FieldViolation> violations = new ArrayList<>();
        List<EscalationStep> steps = new ArrayList<>();
        if (chain != null) {
            for (int i = 0; i < chain.size(); i++) {
                steps.add(new EscalationStep(chain.get(i).level(),
                        duration(violations, "chain[" + i + "].deadline", chain.get(i).deadline())));
            }
        }
        PolicyTerms terms = new PolicyTerms(duration(violations, "firstResponse", firstResponse),
                duration(violations, "nextUpdate", nextUpdate), duration(violations, "resolution", resolution),
                warnBeforePercent, duration(violations, "warnBefore", warnBefore), calendarMode, calendar,
                chain == null ? null : steps);
        if (violations.isEmpty()) {
            terms.inconsistencies().forEach(i -> violations.add(new FieldViolation(i.field(), i.reason())));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, Problem.VALIDATION_TYPE, "The request has invalid fields",
                    violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                            : violations.size() + " fields are invalid", violations);
        }
        SlaPolicy p = new SlaPolicy();
        p.name = name;
        p.province = province;
        p.channel = channel;
        p.category = category;
        p.priority = priority;
        p.firstResponseSeconds = terms.firstResponse().toSeconds();
        p.nextUpdateSeconds = terms.nextUpdate().toSeconds();
        p.resolutionSeconds = terms.resolution().toSeconds();
        p.warnBeforePercent = warnBeforePercent;
        p.warnBeforeSeconds = terms.warnBefore() == null ? null : terms.warnBefore().toSeconds();
        p.calendarMode = calendarMode;
        p.calendarCode = calendar;
        p.chain = List.copyOf(steps);
        return p;
    }

    private static Duration duration(List<FieldViolation> violations, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "'" + text + "' is not an ISO-8601 duration such as PT4H"));
            return null;
        }
    }
}
