package io.tousu.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySelectorTest {

    static SlaPolicy policy(long id, String province, String channel, String category, String priority) {
        SlaPolicy p = new SlaPolicy();
        p.id = id;
        p.province = province;
        p.channel = channel;
        p.category = category;
        p.priority = priority;
        return p;
    }

    final List<SlaPolicy> policies = List.of(
            policy(1, null, null, null, null),
            policy(2, null, null, null, "URGENT"),
            policy(3, null, "REGULATOR", null, null),
            policy(4, "GD", null, "BILLING_DISPUTE", null),
            policy(5, "GD", null, null, null));

    @Test
    void mostSpecificMatchingPolicyWins() {
        assertThat(PolicySelector.select(policies, "SD", "HOTLINE", "OTHER", "NORMAL")).get().extracting(p -> p.id)
                .isEqualTo(1L);
        assertThat(PolicySelector.select(policies, "GD", "HOTLINE", "BILLING_DISPUTE", "URGENT")).get()
                .extracting(p -> p.id).isEqualTo(4L);
        assertThat(PolicySelector.select(policies, "GD", "HOTLINE", "OTHER", "NORMAL")).get().extracting(p -> p.id)
                .isEqualTo(5L);
    }

    @Test
    void betweenEquallySpecificPoliciesChannelOutweighsPriorityOutweighsProvince() {
        assertThat(PolicySelector.select(policies, "SD", "REGULATOR", "OTHER", "URGENT")).get().extracting(p -> p.id)
                .isEqualTo(3L);
        assertThat(PolicySelector.select(policies, "GD", "HOTLINE", "OTHER", "URGENT")).get().extracting(p -> p.id)
                .isEqualTo(2L);
    }

    @Test
    void nothingMatchesWithoutACatchAllPolicy() {
        assertThat(PolicySelector.select(policies.subList(1, 3), "SD", "HOTLINE", "OTHER", "NORMAL")).isEmpty();
    }
}
