package io.tousu.intake.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes a complaint's priority and explains it: each rule that raised it adds a reason.
 * Regulator-forwarded complaints are always URGENT; media complaints HIGH.
 */
public final class PriorityRules {

    /** The outcome: the priority and the reasons, in the order the rules fired. */
    public record Assessment(Priority priority, List<String> reasons) {
    }

    private PriorityRules() {
    }

    public static Assessment assess(Channel channel) {
        List<String> reasons = new ArrayList<>();
        Priority priority = Priority.NORMAL;
        if (channel == Channel.REGULATOR) {
            priority = Priority.URGENT;
            reasons.add("channel REGULATOR: forwarded by the regulator");
        } else if (channel == Channel.MEDIA) {
            priority = Priority.HIGH;
            reasons.add("channel MEDIA: public exposure");
        }
        return new Assessment(priority, List.copyOf(reasons));
    }
}
