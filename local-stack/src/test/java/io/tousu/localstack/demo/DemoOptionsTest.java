package io.tousu.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void theDefaultsRunUntilStoppedAtOneSimulatedMinutePerSecond() {
        DemoOptions options = DemoOptions.parse("demo");

        assertThat(options.speed()).isEqualTo(60);
        assertThat(options.minutes()).isZero();
        assertThat(options.portOffset()).isZero();
    }

    @Test
    void everyOptionInBothSpellings() {
        DemoOptions options = DemoOptions.parse("--minutes", "2", "--speed=600", "--port-offset", "100", "--seed=7");

        assertThat(options).isEqualTo(new DemoOptions(600, 2, 100, 7));
        assertThat(DemoOptions.parse("--demo-speed", "30").speed()).isEqualTo(30);
    }

    @Test
    void helpGivesNoOptions() {
        assertThat(DemoOptions.parse("--help")).isNull();
        assertThat(DemoOptions.parse("demo", "-h")).isNull();
        assertThat(DemoOptions.USAGE).contains("--minutes N", "--speed N");
    }

    @Test
    void wrongArgumentsAreNamed() {
        assertThatThrownBy(() -> DemoOptions.parse("--minuets", "2")).hasMessage("unknown option '--minuets'");
        assertThatThrownBy(() -> DemoOptions.parse("--minutes")).hasMessage("--minutes needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--minutes", "two"))
                .hasMessage("--minutes takes a whole number, not 'two'");
        assertThatThrownBy(() -> DemoOptions.parse("--minutes=-1")).hasMessage("--minutes must not be negative");
        assertThatThrownBy(() -> DemoOptions.parse("--speed", "3601"))
                .hasMessage("the speed must be between 1 and 3600");
    }
}
