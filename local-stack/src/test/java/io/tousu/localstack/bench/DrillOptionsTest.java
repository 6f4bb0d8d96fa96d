package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrillOptionsTest {

    @Test
    void eachDrillHasItsOwnDefaults() {
        assertThat(DrillOptions.parse(new String[0], 5000, 16)).isEqualTo(new DrillOptions(false, 5000, 16));
        assertThat(DrillOptions.parse(new String[] {"--complaints=2000", "--clients", "4"}, 5000, 16))
                .isEqualTo(new DrillOptions(false, 2000, 4));
    }

    @Test
    void wrongArgumentsAreExplained() {
        assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--complaints", "5"}, 5000, 16))
                .hasMessage("--complaints must be between 10 and 1000000, not 5");
        assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--seconds", "5"}, 5000, 16))
                .hasMessage("unknown option '--seconds'");
    }

    @Test
    void footprintTakesSeveralJvmOptionsInOneArgument() {
        FootprintBenchmark.Options options = FootprintBenchmark.Options.parse(new String[] {"--minutes", "1",
                "--jvm-options", "-Xmx128m -XX:+UseSerialGC"});
        assertThat(options.minutes()).isEqualTo(1);
        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.jvmOptions()).isEqualTo(List.of("-Xmx128m", "-XX:+UseSerialGC"));
        assertThat(FootprintBenchmark.Options.parse(new String[0]).jvmOptions()).isEmpty();
        assertThat(FootprintBenchmark.Options.parse(new String[0]).minutes()).isEqualTo(10);
        assertThat(FootprintBenchmark.Options.parse(new String[0]).classDataSharing()).isTrue();
        assertThat(FootprintBenchmark.Options.parse(new String[] {"--no-class-sharing"}).classDataSharing())
                .isFalse();
    }
}
