package io.tousu.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tousu.localstack.demo.TrafficMix.FollowUpAnswer;
import io.tousu.localstack.demo.TrafficMix.Handling;
import io.tousu.localstack.demo.TrafficMix.Resolution;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DemoTrafficMixTest {

    private static final int DRAWS = 100_000;

    private static <T> Map<T, Double> shares(Function<Random, T> draw) {
        Random random = new Random(20261125L);
        Map<T, Integer> counts = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            counts.merge(draw.apply(random), 1, Integer::sum);
        }
        Map<T, Double> shares = new HashMap<>();
        counts.forEach((value, n) -> shares.put(value, n / (double) DRAWS));
        return shares;
    }

    @Test
    void theHotlineBringsMostComplaintsAndTheRegulatorAndMediaAFew() {
        Map<String, Double> channels = shares(TrafficMix.CHANNELS::draw);

        assertThat(channels.get("HOTLINE")).isCloseTo(0.45, within(0.01));
        assertThat(channels.get("HOTLINE")).isGreaterThan(channels.get("APP") * 2);
        assertThat(channels.keySet()).contains("APP", "WEB", "WECHAT", "SMS", "STORE", "REGULATOR", "MEDIA");
        assertThat(channels.get("REGULATOR")).isBetween(0.02, 0.04);
        assertThat(channels.get("MEDIA")).isBetween(0.01, 0.03);
        assertThat(channels.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void drawsFollowTheWeightsTheyAreGiven() {
        for (String channel : List.of("HOTLINE", "APP", "SMS", "MEDIA")) {
            assertThat(shares(TrafficMix.CHANNELS::draw).get(channel))
                    .isCloseTo(TrafficMix.CHANNELS.share(channel), within(0.006));
        }
    }

    @Test
    void mostComplaintsAreHandledAndSomeAreLeftToBreach() {
        Map<Handling, Double> handling = shares(TrafficMix.HANDLING::draw);

        assertThat(handling.get(Handling.UNHANDLED)).isCloseTo(0.12, within(0.01));
        assertThat(handling.get(Handling.HAND_OFF)).isCloseTo(0.15, within(0.01));
        assertThat(handling.get(Handling.RESOLVE)).isGreaterThan(0.6);
    }

    @Test
    void mostFollowUpsAreSatisfiedAndSomeReopen() {
        Map<FollowUpAnswer, Double> answers = shares(TrafficMix.FOLLOW_UP::draw);

        assertThat(answers.get(FollowUpAnswer.SATISFIED)).isCloseTo(0.80, within(0.01));
        assertThat(answers.get(FollowUpAnswer.NOT_RESOLVED)).isCloseTo(0.12, within(0.01));
    }

    @Test
    void categoriesComeFromTheTaxonomyWithTheBigOnesWeighingMore() {
        TrafficMix mix = new TrafficMix(List.of("BILLING_DISPUTE", "NETWORK_QUALITY", "STAFF_ATTITUDE"));
        Map<String, Double> categories = shares(mix::category);

        assertThat(categories).containsOnlyKeys("BILLING_DISPUTE", "NETWORK_QUALITY", "STAFF_ATTITUDE");
        assertThat(categories.get("BILLING_DISPUTE")).isCloseTo(0.5, within(0.01));
        assertThat(categories.get("STAFF_ATTITUDE")).isCloseTo(1 / 6.0, within(0.01));
    }

    @Test
    void resolutionsMixOutcomesResponsibilitiesAndCompensation() {
        TrafficMix mix = new TrafficMix(List.of("BILLING_DISPUTE"));
        Map<Resolution, Double> all = shares(mix::resolution);
        double substantiated = 0;
        double approval = 0;
        double compensated = 0;
        Map<String, Double> responsibilities = new HashMap<>();
        for (Map.Entry<Resolution, Double> e : all.entrySet()) {
            Resolution r = e.getKey();
            if (r.substantiated()) {
                substantiated += e.getValue();
                assertThat(r.responsibility()).isNotEqualTo("NONE");
            } else {
                assertThat(r.responsibility()).isEqualTo("NONE");
                assertThat(r.compensation()).isNull();
            }
            if (r.compensation() != null) {
                compensated += e.getValue();
                assertThat(r.compensation()).isBetween(BigDecimal.ONE, BigDecimal.valueOf(800));
            }
            if (r.needsApproval()) {
                approval += e.getValue();
            }
            assertThat(r.resolutionCode()).matches("[A-Z0-9_]+");
            responsibilities.merge(r.responsibility(), e.getValue(), Double::sum);
        }
        assertThat(substantiated).isCloseTo(0.55, within(0.01));
        assertThat(compensated).isCloseTo(0.55 * 0.3, within(0.01));
        assertThat(approval).isBetween(0.02, 0.06);
        assertThat(responsibilities.keySet()).contains("STAFF", "PROCESS", "SYSTEM", "PARTNER", "NETWORK", "NONE");
    }

    @Test
    void theSameSeedGivesTheSameTraffic() {
        TrafficMix mix = new TrafficMix(List.of("BILLING_DISPUTE", "NETWORK_QUALITY"));
        Random a = new Random(42);
        Random b = new Random(42);
        for (int i = 0; i < 100; i++) {
            assertThat(mix.category(a)).isEqualTo(mix.category(b));
            assertThat(TrafficMix.msisdn(a)).isEqualTo(TrafficMix.msisdn(b));
        }
    }

    @Test
    void numbersAreValidAndPrintedOnlyMasked() {
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            String msisdn = TrafficMix.msisdn(random);
            assertThat(msisdn).matches("1[0-9]{10}");
            assertThat(TrafficMix.masked(msisdn)).matches("1[0-9]{2}\\*{4}[0-9]{4}").doesNotContain(msisdn);
        }
    }

    @Test
    void escalationsAreSummedFromTheMetrics() {
        String metrics = """
                # HELP tousu_escalations_total Escalations, by the level reached
                # TYPE tousu_escalations_total counter
                tousu_escalations_total{level="TEAM_LEAD",province="GD"} 7.0
                tousu_escalations_total{level="MANAGER",province="GD"} 2.0
                tousu_escalations_totally_else 100
                """;

        assertThat(DemoTraffic.sumOf(metrics, "tousu_escalations_total")).isEqualTo(9);
        assertThat(DemoTraffic.sumOf("", "tousu_escalations_total")).isZero();
    }
}
