package io.tousu.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final List<UUID> COMPLAINTS = IntStream.range(0, 10_000)
            .mapToObj(i -> new UUID(0x5eedL, i)).toList();

    @Test
    void highRiskIsAlwaysSampledWithItsFirstReason() {
        Sampler sampler = new Sampler(0, 1, 0);
        Sampler.Decision d = sampler.decide(UUID.randomUUID(), 0, List.of("REGULATOR", "COMPENSATION"), true, 99);
        assertThat(d.sampled()).isTrue();
        assertThat(d.highRisk()).isTrue();
        assertThat(d.reason()).isEqualTo("REGULATOR");
        assertThat(d.reasons()).containsExactly("REGULATOR", "COMPENSATION");
    }

    @Test
    void anAgentNotYetInspectedThisMonthIsCoveredFirst() {
        Sampler sampler = new Sampler(0, 1, 2);
        assertThat(sampler.decide(UUID.randomUUID(), 0, List.of(), true, 0).reason()).isEqualTo("AGENT_COVERAGE");
        assertThat(sampler.decide(UUID.randomUUID(), 0, List.of(), true, 1).reason()).isEqualTo("AGENT_COVERAGE");
        assertThat(sampler.decide(UUID.randomUUID(), 0, List.of(), true, 2).sampled()).isFalse();
        assertThat(sampler.decide(UUID.randomUUID(), 0, List.of(), false, 0).sampled())
                .as("no agent known: nothing to cover").isFalse();
    }

    @Test
    void theRandomShareIsKeptOverManyComplaints() {
        Sampler sampler = new Sampler(0.1, 42, 0);
        long sampled = COMPLAINTS.stream().filter(id -> sampler.decide(id, 0, List.of(), true, 5).sampled()).count();
        assertThat(sampled).isBetween(900L, 1100L);
        assertThat(COMPLAINTS.stream().map(id -> sampler.decide(id, 0, List.of(), true, 5))
                .filter(Sampler.Decision::sampled).map(Sampler.Decision::reason).distinct()).containsExactly("RANDOM");
    }

    @Test
    void theSameSeedGivesTheSameDecisionsAndAnotherSeedOthers() {
        List<Boolean> first = decisions(new Sampler(0.3, 7, 0));
        assertThat(decisions(new Sampler(0.3, 7, 0))).isEqualTo(first);
        assertThat(decisions(new Sampler(0.3, 8, 0))).isNotEqualTo(first);
    }

    @Test
    void aNewRoundIsANewDraw() {
        Sampler sampler = new Sampler(0.5, 7, 0);
        long differ = COMPLAINTS.stream().limit(1000).filter(id -> sampler.decide(id, 0, List.of(), true, 1).sampled()
                != sampler.decide(id, 1, List.of(), true, 1).sampled()).count();
        assertThat(differ).isBetween(350L, 650L);
    }

    @Test
    void noShareAndFullShareAreExact() {
        assertThat(COMPLAINTS.stream().limit(1000).noneMatch(id -> new Sampler(0, 3, 0)
                .decide(id, 0, List.of(), true, 1).sampled())).isTrue();
        assertThat(COMPLAINTS.stream().limit(1000).allMatch(id -> new Sampler(1, 3, 0)
                .decide(id, 0, List.of(), true, 1).sampled())).isTrue();
    }

    @Test
    void anImpossibleShareIsRefusedAtStart() {
        assertThatThrownBy(() -> new Sampler(1.5, 1, 0)).hasMessageContaining("random-share");
        assertThatThrownBy(() -> new Sampler(0.1, 1, -1)).hasMessageContaining("per-agent-monthly");
    }

    private static List<Boolean> decisions(Sampler sampler) {
        return COMPLAINTS.stream().limit(500).map(id -> sampler.decide(id, 0, List.of(), true, 9).sampled()).toList();
    }
}
