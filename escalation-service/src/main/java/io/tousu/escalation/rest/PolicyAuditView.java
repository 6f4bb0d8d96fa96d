package io.tousu.escalation.rest;

import io.tousu.escalation.domain.PolicyAuditEntry;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audited change of a policy. */
@Schema(description = "One audited change of a policy")
public record PolicyAuditView(Instant at,
        @Schema(description = "CREATED or UPDATED") String action,
        @Schema(description = "Every field of the policy after the change") String snapshot,
        @Schema(description = "Open clocks recomputed with the change") int recomputedClocks) {

    static PolicyAuditView of(PolicyAuditEntry e) {
        return new PolicyAuditView(e.at, e.action, e.snapshot, e.recomputedClocks);
    }
}
