package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void noOptionsGiveTheDefaults() {
        assertThat(BenchOptions.parse("intake")).isEqualTo(new BenchOptions(false, 15, 16, 200, 45));
        assertThat(BenchOptions.parse()).isEqualTo(BenchOptions.parse("intake"));
    }

    @Test
    void valuesComeSeparateOrAfterAnEqualsSign() {
        assertThat(BenchOptions.parse("intake", "--seconds", "10", "--clients=4", "--rate", "500", "--warm-up=0"))
                .isEqualTo(new BenchOptions(false, 10, 4, 500, 0));
    }

    @Test
    void helpIsRecognised() {
        assertThat(BenchOptions.parse("--help").help()).isTrue();
        assertThat(BenchOptions.parse("intake", "-h").help()).isTrue();
    }

    @Test
    void wrongArgumentsAreExplained() {
        assertThatThrownBy(() -> BenchOptions.parse("--seconds"))
                .hasMessage("--seconds needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "fast"))
                .hasMessage("--rate takes a whole number, not 'fast'");
        assertThatThrownBy(() -> BenchOptions.parse("--clients", "0"))
                .hasMessage("--clients must be between 1 and 1000, not 0");
        assertThatThrownBy(() -> BenchOptions.parse("--seconds=-5"))
                .hasMessage("--seconds must be between 1 and 3600, not -5");
        assertThatThrownBy(() -> BenchOptions.parse("--turbo"))
                .hasMessage("unknown option '--turbo'");
    }
}
