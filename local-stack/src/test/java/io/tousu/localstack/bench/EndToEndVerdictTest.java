package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndToEndVerdictTest {

    @Test
    void theGoalIsMetAt500PerSecondOnlyWithEveryComplaintTakenInUnderTwoSeconds() {
        assertThat(EndToEndBenchmark.verdict(500, 1_200, 15_000, 0)).isEqualTo("met");
        assertThat(EndToEndBenchmark.verdict(200, 1_200, 6_000, 0)).isEqualTo("met at this lower rate");
    }

    @Test
    void aVerdictNotMetSaysWhy() {
        assertThat(EndToEndBenchmark.verdict(500, 743, 11_793, 3_207))
                .isEqualTo("not met (3,207 of 15,000 not taken in)");
        assertThat(EndToEndBenchmark.verdict(500, 4_129, 15_000, 0)).isEqualTo("not met (p99 4129 ms)");
        assertThat(EndToEndBenchmark.verdict(200, 2_500, 5_000, 1_000))
                .isEqualTo("not met (p99 2500 ms, 1,000 of 6,000 not taken in)");
    }
}
