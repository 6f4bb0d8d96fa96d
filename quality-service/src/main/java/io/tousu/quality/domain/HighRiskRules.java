package io.tousu.quality.domain;

import io.tousu.events.complaint.ComplaintReceived;
import java.util.ArrayList;
import java.util.List;

/**
 * Which complaints must always be inspected, as far as intake already tells: regulator-forwarded
 * complaints, repeat complaints and suspected malicious ones. (Compensation, escalation and reopening
 * add reasons later in the lifecycle.)
 */
public final class HighRiskRules {

    private HighRiskRules() {
    }

    /** The reasons a received complaint is high-risk; empty when it is not. */
    public static List<String> atIntake(ComplaintReceived received) {
        List<String> reasons = new ArrayList<>();
        if ("REGULATOR".equals(received.channel())) {
            reasons.add("REGULATOR_CHANNEL");
        }
        if (received.repeatOf() != null && !received.repeatOf().isEmpty()) {
            reasons.add("REPEAT_COMPLAINT");
        }
        if (received.suspectedMalicious()) {
            reasons.add("SUSPECTED_MALICIOUS");
        }
        return List.copyOf(reasons);
    }
}
