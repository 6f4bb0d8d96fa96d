package io.tousu.quality.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which complaints are always inspected, and why: forwarded by the regulator, compensation granted,
 * a repeat complaint, escalated, reopened, or substantiated against a staff member. The codes are
 * the {@code reason} of InspectionSampled.
 */
public final class HighRiskRules {

    public static final String REGULATOR = "REGULATOR";
    public static final String COMPENSATION = "COMPENSATION";
    public static final String REPEAT = "REPEAT";
    public static final String ESCALATED = "ESCALATED";
    public static final String REOPENED = "REOPENED";
    public static final String STAFF_SUBSTANTIATED = "STAFF_SUBSTANTIATED";

    private HighRiskRules() {
    }

    /** The reasons the complaint is high-risk, in a fixed order; empty when it is not. */
    public static List<String> reasons(ComplaintHistory h) {
        List<String> reasons = new ArrayList<>();
        if ("REGULATOR".equals(h.channel())) {
            reasons.add(REGULATOR);
        }
        if (h.compensation().signum() > 0) {
            reasons.add(COMPENSATION);
        }
        if (h.repeat()) {
            reasons.add(REPEAT);
        }
        if (h.escalationLevel() > 0) {
            reasons.add(ESCALATED);
        }
        if (h.reopenCount() > 0) {
            reasons.add(REOPENED);
        }
        if (h.resolution() != null && h.resolution().substantiated()
                && "STAFF".equals(h.resolution().responsibility())) {
            reasons.add(STAFF_SUBSTANTIATED);
        }
        return List.copyOf(reasons);
    }
}
