package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRank() {
        long[] hundred = LongStream.rangeClosed(1, 100).toArray();

        assertThat(LatencyStats.percentile(hundred, 50)).isEqualTo(50);
        assertThat(LatencyStats.percentile(hundred, 90)).isEqualTo(90);
        assertThat(LatencyStats.percentile(hundred, 99)).isEqualTo(99);
        assertThat(LatencyStats.percentile(hundred, 100)).isEqualTo(100);
        assertThat(LatencyStats.percentile(hundred, 0.5)).isEqualTo(1);
    }

    @Test
    void percentilesOfFewValuesRoundUp() {
        long[] four = {10, 20, 30, 40};

        assertThat(LatencyStats.percentile(four, 50)).isEqualTo(20);
        assertThat(LatencyStats.percentile(four, 51)).isEqualTo(30);
        assertThat(LatencyStats.percentile(four, 99)).isEqualTo(40);
        assertThat(LatencyStats.percentile(new long[] {7}, 50)).isEqualTo(7);
        assertThat(LatencyStats.percentile(new long[0], 99)).isZero();
    }

    @Test
    void percentileOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statsSortTheLatenciesAndGiveMilliseconds() {
        long[] nanos = LongStream.rangeClosed(1, 1000).map(i -> (1001 - i) * 1_000_000).toArray();

        LatencyStats stats = LatencyStats.of(nanos, Map.of("HTTP 503", 2L, "timeout", 1L), Duration.ofSeconds(4));

        assertThat(stats.count()).isEqualTo(1000);
        assertThat(stats.p50Ms()).isEqualTo(500.0);
        assertThat(stats.p90Ms()).isEqualTo(900.0);
        assertThat(stats.p99Ms()).isEqualTo(990.0);
        assertThat(stats.maxMs()).isEqualTo(1000.0);
        assertThat(stats.meanMs()).isCloseTo(500.5, within(1e-9));
        assertThat(stats.ratePerSecond()).isEqualTo(250.0);
        assertThat(stats.errorCount()).isEqualTo(3);
    }

    @Test
    void noOperationsGiveZeroes() {
        LatencyStats stats = LatencyStats.of(new long[0], Map.of(), Duration.ofSeconds(1));

        assertThat(stats.count()).isZero();
        assertThat(stats.p99Ms()).isZero();
        assertThat(stats.meanMs()).isZero();
        assertThat(stats.ratePerSecond()).isZero();
    }
}
