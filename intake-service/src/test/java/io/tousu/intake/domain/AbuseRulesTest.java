package io.tousu.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbuseRulesTest {

    private final AbuseRules rules = new AbuseRules(5, 5);

    @Test
    void theFifthComplaintFromOneNumberIsFlooding() {
        assertThat(rules.assess(3, 0)).isEmpty();
        assertThat(rules.assess(4, 0)).containsExactly("FLOODING: 5 complaints from one number");
    }

    @Test
    void theSameTextFromFiveNumbersIsBulk() {
        assertThat(rules.assess(0, 4)).containsExactly("BULK_TEXT: the same text from 5 numbers");
    }

    @Test
    void fingerprintIgnoresCaseSpacesAndPunctuation() {
        assertThat(AbuseRules.fingerprint("Charged  twice, again!")).isEqualTo(AbuseRules.fingerprint("charged twice again"));
        assertThat(AbuseRules.fingerprint("本月被扣了两次月租费。")).isEqualTo(AbuseRules.fingerprint("本月 被扣了两次月租费"));
        assertThat(AbuseRules.fingerprint("charged twice")).isNotEqualTo(AbuseRules.fingerprint("charged once"));
    }
}
