package io.tousu.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriorityRulesTest {

    @Test
    void regulatorComplaintsAreUrgentAndSayWhy() {
        var a = PriorityRules.assess(Channel.REGULATOR);
        assertThat(a.priority()).isEqualTo(Priority.URGENT);
        assertThat(a.reasons()).singleElement().asString().contains("REGULATOR");
    }

    @Test
    void ordinaryChannelsAreNormalWithoutReasons() {
        var a = PriorityRules.assess(Channel.HOTLINE);
        assertThat(a.priority()).isEqualTo(Priority.NORMAL);
        assertThat(a.reasons()).isEmpty();
    }
}
