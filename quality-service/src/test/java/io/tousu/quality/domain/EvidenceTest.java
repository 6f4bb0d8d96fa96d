package io.tousu.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evidence never keeps a full phone (or other long) number. */
class EvidenceTest {

    @Test
    void longDigitRunsAreMaskedLikePhoneNumbers() {
        assertThat(Evidence.mask("call 13812345678 or 020-12345678")).isEqualTo("call 138****5678 or 020-123*5678");
        assertThat(Evidence.mask("ID 44010619900101123X")).isEqualTo("ID 440**********1123X");
        assertThat(Evidence.mask("refund 150 yuan, order 1234567")).isEqualTo("refund 150 yuan, order 1234567");
        assertThat(Evidence.mask(null)).isNull();
    }

    @Test
    void valuesAreShownMaskedAndCut() {
        assertThat(Evidence.show(new BigDecimal("150.00"))).isEqualTo("150.00");
        assertThat(Evidence.show(List.of("13912345678", "x"))).isEqualTo("[139****5678, x]");
        assertThat(Evidence.show(null)).isEqualTo("null");
        assertThat(Evidence.show("x".repeat(500))).hasSize(Evidence.MAX_TEXT + 3);
    }
}
