package io.tousu.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json: helm refuses a values file with a wrong type or an unknown key. */
class ValuesSchemaTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            replicas as text                 | services: {intake: {replicas: two}}                                  | replicas
            port as text                     | database: {port: "5432"}                                             | port
            unknown top-level key            | replicaCount: 3                                                      | replicaCount
            unknown service                  | services: {billing: {enabled: true}}                                 | billing
            unknown setting of a service     | services: {escalation: {settings: {tousu.escalation.no-such: 1}}}    | tousu.escalation.no-such
            setting of the wrong type        | services: {escalation: {settings: {tousu.escalation.risk-threshold: high}}} | risk-threshold
            province code not two letters    | province: {code: Guangdong}                                          | code
            switch as text                   | metrics: {serviceMonitor: {enabled: "yes"}}                          | enabled
            threshold out of range           | prometheusRule: {thresholds: {intakeErrorRatio: 5}}                  | intakeErrorRatio
            inline secret value              | database: {password: s3cret}                                         | password
            bad pull policy                  | image: {pullPolicy: Sometimes}                                       | pullPolicy
            env var name not upper case      | services: {quality: {extraEnv: {foo: bar}}}                          | foo
            """)
    void rejectsABadValuesFile(String why, String yaml, String mentioned) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), yaml + "\n");
        assertThatThrownBy(() -> Chart.template("tousu-test", List.of(bad)))
                .as(why)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(mentioned);
    }

    @Test
    void lintFailsOnAProvinceOverlayWithAWrongType() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad-province.yaml"),
                "namespace: tousu-xx\nprovince: {code: XX, name: Nowhere, timeZone: Asia/Shanghai}\n"
                        + "services: {intake: {autoscaling: {maxReplicas: many}}}\n");
        var result = Chart.lint(bad);
        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("maxReplicas");
    }

    @Test
    void everyKeyOfValuesYamlHasACommentAbove() throws IOException {
        List<String> lines = Files.readAllLines(Chart.CHART.resolve("values.yaml"));
        List<String> bare = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean key = !line.isEmpty() && !line.startsWith("#") && !line.startsWith("- ") && line.contains(":");
            if (key && !lines.get(i - 1).strip().startsWith("#")) {
                bare.add((i + 1) + ": " + line);
            }
        }
        assertThat(bare).as("keys of values.yaml without a comment").isEmpty();
    }

    @Test
    void acceptsTheDefaultsAndEveryOverlay() {
        assertThat(Chart.template("tousu-test", List.of())).contains("kind: Deployment");
        for (String p : Chart.provinces()) {
            assertThat(Chart.template("tousu-" + p, List.of(Chart.overlay(p)))).as(p).contains("kind: Deployment");
        }
    }
}
