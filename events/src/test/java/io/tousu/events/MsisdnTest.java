package io.tousu.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MsisdnTest {

    @Test
    void keepsTheFirstThreeAndLastFourDigits() {
        assertThat(Msisdn.mask("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void ignoresSurroundingSpace() {
        assertThat(Msisdn.mask(" 13812345678 ")).isEqualTo("138****5678");
    }

    @Test
    void masksLongerNumbersInTheMiddle() {
        assertThat(Msisdn.mask("+8613812345678")).isEqualTo("+86*******5678");
    }

    @Test
    void masksShortNumbersCompletely() {
        assertThat(Msisdn.mask("10086")).isEqualTo("*****");
        assertThat(Msisdn.mask("1381234")).isEqualTo("*******");
    }

    @Test
    void absentNumbersStayAbsent() {
        assertThat(Msisdn.mask(null)).isNull();
        assertThat(Msisdn.mask("   ")).isNull();
    }
}
