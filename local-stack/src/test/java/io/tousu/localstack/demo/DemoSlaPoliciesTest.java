package io.tousu.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSlaPoliciesTest {

    @Test
    void targetsAreDividedByTheSpeedButNeverShorterThanTwentySeconds() {
        assertThat(DemoSlaPolicies.scaled(Duration.ofHours(24), 60)).isEqualTo(Duration.ofMinutes(24));
        assertThat(DemoSlaPolicies.scaled(Duration.ofHours(2), 60)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DemoSlaPolicies.scaled(Duration.ofMinutes(30), 3600)).isEqualTo(Duration.ofSeconds(20));
        assertThat(DemoSlaPolicies.scaled(Duration.ofHours(1), 7)).isEqualTo(Duration.ofSeconds(514));
    }

    @Test
    void theRegulatorPolicyIsTighterAndBothClimbTheWholeChain() {
        Map<String, Object> everyday = DemoSlaPolicies.body(DemoSlaPolicies.TERMS.get(0), "GD", 60);
        Map<String, Object> regulator = DemoSlaPolicies.body(DemoSlaPolicies.TERMS.get(1), "GD", 60);
        assertThat(everyday).containsEntry("province", "GD").containsEntry("resolution", "PT24M")
                .containsEntry("calendarMode", "ALWAYS").doesNotContainKey("channel");
        assertThat(regulator).containsEntry("channel", "REGULATOR").containsEntry("resolution", "PT8M")
                .containsEntry("firstResponse", "PT30S");
        assertThat((List<?>) everyday.get("chain")).hasSize(4);
        assertThat(regulator.get("name")).isEqualTo("Demo: regulator appeals (x60)");
    }

    @Test
    void anExistingPolicyIsFoundByItsExactSelector() throws Exception {
        JsonNode policies = new ObjectMapper().readTree("""
                [{"id":1,"province":null,"channel":"REGULATOR","category":null,"priority":null},
                 {"id":7,"province":"GD","channel":null,"category":"BILLING_DISPUTE","priority":null},
                 {"id":9,"province":"GD","channel":null,"category":null,"priority":null},
                 {"id":12,"province":"GD","channel":"REGULATOR","category":null,"priority":null}]""");
        assertThat(DemoSlaPolicies.existingId(policies, "GD", null)).isEqualTo(9L);
        assertThat(DemoSlaPolicies.existingId(policies, "GD", "REGULATOR")).isEqualTo(12L);
        assertThat(DemoSlaPolicies.existingId(policies, "BJ", null)).isNull();
        assertThat(DemoSlaPolicies.existingId(null, "GD", null)).isNull();
    }
}
