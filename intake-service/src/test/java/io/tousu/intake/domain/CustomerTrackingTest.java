package io.tousu.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerTrackingTest {

    @Test
    void verificationIsTheLastFourDigits() {
        assertThat(CustomerTracking.matches("13812345678", "5678")).isTrue();
        assertThat(CustomerTracking.matches("13812345678", "1234")).isFalse();
        assertThat(CustomerTracking.matches("13812345678", "678")).isFalse();
        assertThat(CustomerTracking.matches("13812345678", null)).isFalse();
    }

    @Test
    void everyStatusHasAStageInPlainWords() {
        for (ComplaintStatus status : ComplaintStatus.values()) {
            Stage stage = Stage.of(status);
            assertThat(stage.zh()).isNotBlank();
            assertThat(stage.en()).isNotBlank();
            assertThat(stage.nextEn()).isNotBlank();
        }
        assertThat(Stage.of(ComplaintStatus.PENDING_BACK_OFFICE)).isEqualTo(Stage.WITH_SPECIALISTS);
    }
}
