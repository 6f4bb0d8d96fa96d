package io.tousu.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchArgumentsTest {

    private static final Path HOME = Path.of("/checkout");

    @Test
    void noOptionsGiveTheStandardStack() {
        StackOptions options = LaunchArguments.parse("up").toOptions(HOME, ProgressListener.silent());

        assertThat(options.home()).isEqualTo(HOME);
        assertThat(options.stateDir()).isEqualTo(HOME.resolve(".tousu"));
        assertThat(options.fresh()).isFalse();
        assertThat(options.services()).containsExactly(Service.INTAKE, Service.ESCALATION, Service.QUALITY,
                Service.REPORTING);
        assertThat(options.freePorts()).isFalse();
        assertThat(options.ports()).isEqualTo(Ports.standard());
        assertThat(options.ports().kafka()).isEqualTo(9092);
        assertThat(options.ports().kafkaController()).isEqualTo(9093);
        assertThat(options.ports().httpPort(Service.REPORTING)).isEqualTo(8084);
        assertThat(options.jvmOptions()).isEqualTo(StackOptions.DEFAULT_JVM_OPTIONS);
        assertThat(options.database(Service.QUALITY)).isEqualTo("tousu_quality");
        assertThat(options.disposable()).isFalse();
        assertThat(options.readyTimeout()).hasSeconds(120);
        assertThat(options.classDataSharing()).isTrue();
    }

    @Test
    void classDataSharingCanBeSwitchedOff() {
        assertThat(LaunchArguments.parse("up", "--no-class-sharing").toOptions(HOME, ProgressListener.silent())
                .classDataSharing()).isFalse();
    }

    @Test
    void theLeadingUpIsOptional() {
        assertThat(LaunchArguments.parse()).isEqualTo(LaunchArguments.parse("up"));
    }

    @Test
    void freshAndAChoiceOfServices() {
        LaunchArguments arguments = LaunchArguments.parse("up", "--fresh", "--services", "reporting,intake");

        assertThat(arguments.fresh()).isTrue();
        assertThat(arguments.services()).containsExactly(Service.INTAKE, Service.REPORTING);
        assertThat(arguments.help()).isFalse();
    }

    @Test
    void valuesMayFollowAnEqualsSignAndServicesTheirModuleName() {
        LaunchArguments arguments = LaunchArguments.parse("--services=Intake-Service", "--port-offset=100",
                "--state-dir=/tmp/second");

        assertThat(arguments.services()).containsExactly(Service.INTAKE);
        StackOptions options = arguments.toOptions(HOME, ProgressListener.silent());
        assertThat(options.stateDir()).isEqualTo(Path.of("/tmp/second"));
        assertThat(options.ports().kafka()).isEqualTo(9192);
        assertThat(options.ports().kafkaController()).isEqualTo(9193);
        assertThat(options.ports().httpPort(Service.INTAKE)).isEqualTo(8181);
    }

    @Test
    void helpIsRecognisedInBothSpellings() {
        assertThat(LaunchArguments.parse("up", "--help").help()).isTrue();
        assertThat(LaunchArguments.parse("-h").help()).isTrue();
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> LaunchArguments.parse("up", "--frsh"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option '--frsh'");
    }

    @Test
    void anUnknownServiceListsTheKnownOnes() {
        assertThatThrownBy(() -> LaunchArguments.parse("--services", "intake,billing"))
                .hasMessage("unknown service 'billing'; known: intake, escalation, quality, reporting");
    }

    @Test
    void optionsThatTakeAValueSayWhenItIsMissing() {
        assertThatThrownBy(() -> LaunchArguments.parse("--services")).hasMessage("--services needs a value");
        assertThatThrownBy(() -> LaunchArguments.parse("--services", "--fresh")).hasMessage("--services needs a value");
        assertThatThrownBy(() -> LaunchArguments.parse("--services=,")).hasMessage("--services needs at least one service");
    }

    @Test
    void thePortOffsetMustBeASmallNumber() {
        assertThatThrownBy(() -> LaunchArguments.parse("--port-offset", "ten"))
                .hasMessage("--port-offset takes a number, not 'ten'");
        assertThatThrownBy(() -> LaunchArguments.parse("--port-offset", "60000"))
                .hasMessage("--port-offset must be between 0 and 50000");
    }

    @Test
    void theReadyTimeoutIsSecondsWithinReason() {
        assertThat(LaunchArguments.parse("up", "--ready-timeout", "300").toOptions(HOME, ProgressListener.silent())
                .readyTimeout()).hasSeconds(300);
        assertThatThrownBy(() -> LaunchArguments.parse("--ready-timeout", "2m"))
                .hasMessage("--ready-timeout takes whole seconds, not '2m'");
        assertThatThrownBy(() -> LaunchArguments.parse("--ready-timeout=5"))
                .hasMessage("--ready-timeout must be between 10 and 3600 seconds");
    }
}
