package io.tousu.escalation.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the policy of a complaint: among the policies whose every non-null selector field equals
 * the complaint's, the one with the most fields set wins. Ties between equally specific policies
 * go by the weight of the fields: channel, then priority, then category, then province (a
 * regulator-channel policy beats a priority policy, which beats a category policy).
 */
public final class PolicySelector {

    private PolicySelector() {
    }

    public static Optional<SlaPolicy> select(List<SlaPolicy> policies, String province, String channel,
            String category, String priority) {
        return policies.stream()
                .filter(p -> matches(p.province, province) && matches(p.channel, channel)
                        && matches(p.category, category) && matches(p.priority, priority))
                .max(Comparator.comparingInt(PolicySelector::specificity));
    }

    /**
     * Fields set count first (x16), then the weights 8 channel, 4 priority, 2 category, 1 province:
     * every set of fields gets its own number, so two matching policies (whose selectors differ, the
     * database makes sure of that) never tie.
     */
    static int specificity(SlaPolicy p) {
        int fields = count(p.province) + count(p.channel) + count(p.category) + count(p.priority);
        return fields * 16 + 8 * count(p.channel) + 4 * count(p.priority) + 2 * count(p.category) + count(p.province);
    }

    private static int count(String field) {
        return field == null ? 0 : 1;
    }

    private static boolean matches(String selector, String value) {
        return selector == null || Objects.equals(selector, value);
    }
}
