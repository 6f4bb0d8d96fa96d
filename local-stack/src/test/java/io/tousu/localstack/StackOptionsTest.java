package io.tousu.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    private static final Path HOME = Path.of("/checkout");

    @Test
    void anIsolatedStackSharesNothingWithAStandardOne() {
        StackOptions options = StackOptions.builder(HOME).isolated().build();

        assertThat(options.freePorts()).isTrue();
        assertThat(options.fresh()).isTrue();
        assertThat(options.disposable()).isTrue();
        assertThat(options.databaseSuffix()).matches("st[0-9a-f]{10}");
        assertThat(options.database(Service.INTAKE)).isEqualTo("tousu_intake_" + options.databaseSuffix());
        assertThat(options.stateDir()).isEqualTo(HOME.resolve("target/stacks").resolve(options.databaseSuffix()));
    }

    @Test
    void onAFewCoresTheServicesCompileWithC1Only() {
        assertThat(StackOptions.defaultJvmOptions(2)).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx256m");
        assertThat(StackOptions.defaultJvmOptions(StackOptions.C1_ONLY_MAX_CORES)).contains("-XX:TieredStopAtLevel=1");
        assertThat(StackOptions.defaultJvmOptions(StackOptions.C1_ONLY_MAX_CORES + 1))
                .doesNotContain("-XX:TieredStopAtLevel=1").contains("-XX:+UseSerialGC", "-Xmx256m");
    }

    @Test
    void twoIsolatedStacksGetDifferentDatabases() {
        assertThat(StackOptions.builder(HOME).isolated().build().databaseSuffix())
                .isNotEqualTo(StackOptions.builder(HOME).isolated().build().databaseSuffix());
    }

    @Test
    void extraSystemPropertiesBelongToOneService() {
        StackOptions options = StackOptions.builder(HOME)
                .systemProperty(Service.ESCALATION, "tousu.escalation.tick", "PT1S")
                .jvmOptions(List.of("-Xmx128m"))
                .build();

        assertThat(options.systemProperties(Service.ESCALATION)).containsEntry("tousu.escalation.tick", "PT1S");
        assertThat(options.systemProperties(Service.INTAKE)).isEmpty();
        assertThat(options.jvmOptions()).containsExactly("-Xmx128m");
    }

    @Test
    void fixedPortsReplaceFreePorts() {
        StackOptions options = StackOptions.builder(HOME).freePorts().portOffset(10).build();

        assertThat(options.freePorts()).isFalse();
        assertThat(options.ports().httpPort(Service.INTAKE)).isEqualTo(8091);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> StackOptions.builder(HOME).services(List.of()).build())
                .hasMessage("no service to start");
        assertThatThrownBy(() -> StackOptions.builder(HOME).databaseSuffix("x; drop").build())
                .hasMessageStartingWith("database suffix must be");
    }

    @Test
    void servicesAreKnownByShortAndModuleName() {
        assertThat(Service.named("quality")).isEqualTo(Service.QUALITY);
        assertThat(Service.named(" escalation-service ")).isEqualTo(Service.ESCALATION);
        assertThat(Service.REPORTING.runnerJar(HOME))
                .isEqualTo(HOME.resolve("reporting-service/target/quarkus-app/quarkus-run.jar"));
        assertThat(Service.REPORTING.database()).isEqualTo("tousu_reporting");
    }
}
