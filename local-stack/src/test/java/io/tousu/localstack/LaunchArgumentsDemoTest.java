package io.tousu.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tousu.localstack.demo.DemoOptions;
import org.junit.jupiter.api.Test;

class LaunchArgumentsDemoTest {

    @Test
    void withoutTheFlagThereIsNoDemo() {
        LaunchArguments arguments = LaunchArguments.parse("up");

        assertThat(arguments.demo()).isFalse();
        assertThat(arguments.demoSpeed()).isEqualTo(DemoOptions.DEFAULT_SPEED);
    }

    @Test
    void demoRunsAtTheDefaultSpeed() {
        LaunchArguments arguments = LaunchArguments.parse("up", "--demo", "--fresh");

        assertThat(arguments.demo()).isTrue();
        assertThat(arguments.fresh()).isTrue();
        assertThat(arguments.demoSpeed()).isEqualTo(60);
    }

    @Test
    void aDemoSpeedImpliesTheDemo() {
        assertThat(LaunchArguments.parse("up", "--demo-speed", "600").demo()).isTrue();
        assertThat(LaunchArguments.parse("--demo", "--demo-speed=120").demoSpeed()).isEqualTo(120);
    }

    @Test
    void aBadDemoSpeedIsRefusedWithTheReason() {
        assertThatThrownBy(() -> LaunchArguments.parse("--demo-speed", "fast"))
                .hasMessage("--demo-speed takes a whole number, not 'fast'");
        assertThatThrownBy(() -> LaunchArguments.parse("--demo-speed", "0"))
                .hasMessage("the speed must be between 1 and 3600");
        assertThatThrownBy(() -> LaunchArguments.parse("--demo-speed"))
                .hasMessage("--demo-speed needs a value");
    }

    @Test
    void theUsageMentionsTheDemo() {
        assertThat(LaunchArguments.USAGE).contains("--demo ", "--demo-speed N");
    }
}
