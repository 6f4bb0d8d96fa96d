package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final LatencyStats FAST = LatencyStats.of(new long[] {5_000_000, 10_000_000, 20_000_000},
            Map.of(), Duration.ofSeconds(1));

    @Test
    void rowsLineUpUnderTheHeader() {
        String table = ResultTable.format(List.of(new ResultTable.Row("pgbench (same writes, c=16)", 812.34, 19.6,
                15.2, 30.1, 48.9, 120.0, 0), ResultTable.Row.of("intake at 200/s", FAST)));

        assertThat(table.lines()).containsExactly(
                "what                                rate/s  mean ms   p50 ms   p90 ms   p99 ms   max ms  errors",
                "pgbench (same writes, c=16)          812.3     19.6     15.2     30.1     48.9    120.0       0",
                "intake at 200/s                        3.0     11.7     10.0     20.0     20.0     20.0       0");
    }

    @Test
    void goalsMet() {
        assertThat(ResultTable.goals(OptionalDouble.of(800), 500, 200, FAST).lines()).containsExactly(
                "intake / pgbench: 0.63       goal >= 0.5   -> met",
                "p99 at 200/s: 20.0 ms        goal < 50 ms -> met");
    }

    @Test
    void goalsNotMet() {
        LatencyStats slowWithErrors = LatencyStats.of(new long[] {80_000_000}, Map.of("timeout", 2L),
                Duration.ofSeconds(1));

        assertThat(ResultTable.goals(OptionalDouble.of(800), 300, 200, slowWithErrors).lines()).containsExactly(
                "intake / pgbench: 0.38       goal >= 0.5   -> not met",
                "p99 at 200/s: 80.0 ms        goal < 50 ms -> not met (2 errors)");
    }

    @Test
    void withoutPgbenchTheRatioIsNotMeasured() {
        assertThat(ResultTable.goals(OptionalDouble.empty(), 300, 200, FAST).lines().findFirst()).contains(
                "intake / pgbench: n/a        goal >= 0.5   -> not measured (no pgbench result)");
    }
}
