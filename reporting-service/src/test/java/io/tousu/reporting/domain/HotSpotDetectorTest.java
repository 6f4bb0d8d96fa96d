package io.tousu.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tousu.reporting.domain.HotSpotDetector.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class HotSpotDetectorTest {

    private static final Instant DAY_0 = Instant.parse("2026-09-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Duration EVERY = Duration.ofMinutes(5);
    private static final int BASELINE_DAYS = 7;
    private static final HotSpotDetector DETECTOR = new HotSpotDetector(10, 1e-4, 0.05);

    @Test
    void poissonTailProbabilities() {
        assertThat(HotSpotDetector.upperTail(0, 3.0)).isEqualTo(1.0);
        assertThat(HotSpotDetector.upperTail(1, 1.0)).isCloseTo(1 - Math.exp(-1), within(1e-12));
        // P(X >= 10 | 2) = 4.6498e-5
        assertThat(HotSpotDetector.upperTail(10, 2.0)).isCloseTo(4.6498e-5, within(1e-8));
        // far below the mean of a large rate: certain, no underflow
        assertThat(HotSpotDetector.upperTail(1, 1_000.0)).isCloseTo(1.0, within(1e-12));
        // three standard deviations above a large rate: about 0.0015
        assertThat(HotSpotDetector.upperTail(1_095, 1_000.0)).isBetween(0.001, 0.002);
    }

    @Test
    void aSpikeOpensOneEpisodeAndItsFadeEndsIt() {
        List<Long> history = List.of(4L, 6L, 5L, 5L, 4L, 6L, 5L);
        assertThat(DETECTOR.assess(9, history, false).decision()).isEqualTo(Decision.QUIET);
        HotSpotDetector.Assessment raise = DETECTOR.assess(20, history, false);
        assertThat(raise.decision()).isEqualTo(Decision.RAISE);
        assertThat(raise.baseline()).isEqualTo(5.0);
        assertThat(raise.ratio()).isEqualTo(4.0);
        // between the two levels an open episode goes on, and a closed one stays closed
        assertThat(DETECTOR.assess(11, history, true).decision()).isEqualTo(Decision.CONTINUE);
        assertThat(DETECTOR.assess(11, history, false).decision()).isEqualTo(Decision.QUIET);
        assertThat(DETECTOR.assess(6, history, true).decision()).isEqualTo(Decision.END);
    }

    @Test
    void withoutHistoryOnlyTheMinimumCountRaises() {
        assertThat(DETECTOR.assess(9, List.of(), false).decision()).isEqualTo(Decision.QUIET);
        assertThat(DETECTOR.assess(10, List.of(), false).decision()).isEqualTo(Decision.RAISE);
    }

    @Test
    void aNormalDailyRhythmRaisesNothing() {
        long[] arrivals = dailyRhythm(14, new Random(20260901));
        assertThat(replay(arrivals, day(BASELINE_DAYS), day(14))).isEmpty();
    }

    @Test
    void aBurstIsDetectedWithinTheWindowOnceAndEndsWhenItSubsides() {
        Instant burstStart = day(10).plus(Duration.ofHours(14));
        Random random = new Random(20260902);
        long[] normal = dailyRhythm(14, random);
        // 30 more complaints between 14:00 and 14:40 on day 10
        long[] burst = LongStream.range(0, 30)
                .map(i -> burstStart.toEpochMilli() + (long) (random.nextDouble() * Duration.ofMinutes(40).toMillis()))
                .toArray();
        long[] arrivals = LongStream.concat(Arrays.stream(normal), Arrays.stream(burst)).sorted().toArray();

        List<String> events = replay(arrivals, day(BASELINE_DAYS), day(14));

        assertThat(events).hasSize(2);
        Instant raised = Instant.parse(events.get(0).substring("RAISE ".length()));
        Instant ended = Instant.parse(events.get(1).substring("END ".length()));
        assertThat(events.get(0)).startsWith("RAISE");
        assertThat(raised).isAfter(burstStart).isBefore(burstStart.plus(WINDOW));
        assertThat(events.get(1)).startsWith("END");
        // once the burst has left the window (14:40 + 1h), the episode ends
        assertThat(ended).isAfter(raised).isBefore(burstStart.plus(Duration.ofMinutes(40)).plus(WINDOW).plus(EVERY));
    }

    /**
     * Evaluates every {@link #EVERY} from {@code from} to {@code to} as the service does: the count
     * of the window ending then against the same window of the previous days.
     *
     * @return "RAISE t" and "END t" in order
     */
    private static List<String> replay(long[] arrivals, Instant from, Instant to) {
        List<String> events = new ArrayList<>();
        boolean open = false;
        for (Instant t = from; t.isBefore(to); t = t.plus(EVERY)) {
            List<Long> history = new ArrayList<>();
            for (int d = 1; d <= BASELINE_DAYS; d++) {
                history.add(count(arrivals, t.minus(Duration.ofDays(d))));
            }
            HotSpotDetector.Assessment a = DETECTOR.assess(count(arrivals, t), history, open);
            if (a.decision() == Decision.RAISE) {
                events.add("RAISE " + t);
                open = true;
            } else if (a.decision() == Decision.END) {
                events.add("END " + t);
                open = false;
            }
        }
        return events;
    }

    /** Arrivals in the window [end − WINDOW, end). */
    private static long count(long[] arrivals, Instant end) {
        long lo = end.minus(WINDOW).toEpochMilli();
        long hi = end.toEpochMilli();
        return Arrays.stream(arrivals).filter(a -> a >= lo && a < hi).count();
    }

    /**
     * Poisson arrivals of one category over {@code days} days: about 1 an hour at night, rising to
     * about 12 an hour at the 10:00 and 20:00 peaks of a complaint centre.
     */
    private static long[] dailyRhythm(int days, Random random) {
        List<Long> arrivals = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int h = 0; h < 24; h++) {
                double rate = 1 + 11 * Math.max(peak(h, 10), peak(h, 20));
                Instant hourStart = day(d).plus(Duration.ofHours(h));
                for (int n = poisson(rate, random); n > 0; n--) {
                    arrivals.add(hourStart.toEpochMilli() + (long) (random.nextDouble() * WINDOW.toMillis()));
                }
            }
        }
        return arrivals.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double peak(int hour, int at) {
        return Math.exp(-Math.pow(hour - at, 2) / 8.0);
    }

    /** Knuth's Poisson sampler; fine for small rates. */
    private static int poisson(double rate, Random random) {
        double limit = Math.exp(-rate);
        double p = random.nextDouble();
        int n = 0;
        while (p > limit) {
            p *= random.nextDouble();
            n++;
        }
        return n;
    }

    private static Instant day(int d) {
        return DAY_0.plus(Duration.ofDays(d));
    }
}
