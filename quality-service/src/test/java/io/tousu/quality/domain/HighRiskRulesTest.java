package io.tousu.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tousu.events.complaint.ComplaintReceived;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighRiskRulesTest {

    private static ComplaintReceived received(String channel, List<String> repeatOf, boolean malicious) {
        return new ComplaintReceived("GD20261122000001", channel, "r", null, "138****5678", null, "BILLING_DISPUTE",
                null, "NORMAL", List.of(), repeatOf, malicious, Instant.EPOCH);
    }

    @Test
    void regulatorRepeatAndMaliciousAreHighRisk() {
        assertThat(HighRiskRules.atIntake(received("REGULATOR", List.of("x"), true)))
                .containsExactly("REGULATOR_CHANNEL", "REPEAT_COMPLAINT", "SUSPECTED_MALICIOUS");
    }

    @Test
    void anOrdinaryComplaintIsNot() {
        assertThat(HighRiskRules.atIntake(received("HOTLINE", List.of(), false))).isEmpty();
        assertThat(HighRiskRules.atIntake(received("APP", null, false))).isEmpty();
    }
}
