package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutboxStateTest {

    @Test
    void readsBothGauges() {
        String metrics = """
                # HELP tousu_outbox_lag_seconds Age of the oldest unpublished event (0 when none waits)
                # TYPE tousu_outbox_lag_seconds gauge
                tousu_outbox_lag_seconds 0.37
                # HELP tousu_outbox_pending Events written but not yet published
                # TYPE tousu_outbox_pending gauge
                tousu_outbox_pending 42.0
                tousu_outbox_pending_other 7.0
                """;

        assertThat(OutboxState.parse(metrics)).isEqualTo(new OutboxState(0.37, 42));
    }

    @Test
    void labelledSamplesCount() {
        String metrics = """
                tousu_outbox_lag_seconds{service="intake"} 1.5
                tousu_outbox_pending{service="intake"} 3
                """;

        assertThat(OutboxState.parse(metrics)).isEqualTo(new OutboxState(1.5, 3));
    }

    @Test
    void aMissingGaugeIsNamed() {
        assertThatThrownBy(() -> OutboxState.parse("tousu_outbox_pending 0\n"))
                .hasMessage("intake's metrics have no tousu_outbox_lag_seconds");
    }
}
