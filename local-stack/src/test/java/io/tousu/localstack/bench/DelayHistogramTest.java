package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DelayHistogramTest {

    private static final String BEFORE = """
            # HELP tousu_inbox_delay_seconds Time from an event's occurrence to its application by this consumer
            # TYPE tousu_inbox_delay_seconds histogram
            tousu_inbox_delay_seconds_bucket{consumer="escalation.clocks",le="0.1"} 10.0
            tousu_inbox_delay_seconds_bucket{consumer="escalation.clocks",le="0.2"} 10.0
            tousu_inbox_delay_seconds_bucket{consumer="escalation.clocks",le="0.4"} 10.0
            tousu_inbox_delay_seconds_bucket{consumer="escalation.clocks",le="+Inf"} 10.0
            tousu_inbox_delay_seconds_bucket{consumer="escalation.other",le="0.1"} 99.0
            tousu_inbox_delay_seconds_count{consumer="escalation.clocks"} 10.0
            """;
    private static final String AFTER = """
            tousu_inbox_delay_seconds_bucket{consumer="escalation.clocks",le="0.1"} 60.0
            tousu_inbox_delay_seconds_bucket{consumer="escalation.clocks",le="0.2"} 100.0
            tousu_inbox_delay_seconds_bucket{consumer="escalation.clocks",le="0.4"} 109.0
            tousu_inbox_delay_seconds_bucket{consumer="escalation.clocks",le="+Inf"} 110.0
            tousu_inbox_delay_seconds_bucket{consumer="escalation.other",le="0.1"} 199.0
            """;

    @Test
    void onlyTheConsumersBucketsAreRead() {
        DelayHistogram h = DelayHistogram.parse(BEFORE, "escalation.clocks");
        assertThat(h.count()).isEqualTo(10.0);
        assertThat(h.buckets()).hasSize(4);
        assertThat(DelayHistogram.parse(BEFORE, "reporting.complaint-facts").count()).isZero();
    }

    @Test
    void aPhaseIsTheDifferenceAndQuantilesInterpolateInsideABucket() {
        DelayHistogram phase = DelayHistogram.parse(AFTER, "escalation.clocks")
                .minus(DelayHistogram.parse(BEFORE, "escalation.clocks"));
        assertThat(phase.count()).isEqualTo(100.0);
        // 50 events up to 100 ms, 40 more up to 200 ms, 9 up to 400 ms, 1 beyond
        assertThat(phase.quantileMs(0.5)).isCloseTo(100.0, within(1e-9));
        assertThat(phase.quantileMs(0.7)).isCloseTo(150.0, within(1e-9));
        assertThat(phase.quantileMs(0.95)).isCloseTo(200.0 + 200.0 * 5 / 9, within(1e-9));
        // the last event is past every finite bucket: reported as the largest finite bound
        assertThat(phase.quantileMs(1.0)).isCloseTo(400.0, within(1e-9));
    }

    @Test
    void withoutEventsThereIsNoQuantile() {
        assertThat(DelayHistogram.parse("", "x").quantileMs(0.99)).isNaN();
    }
}
