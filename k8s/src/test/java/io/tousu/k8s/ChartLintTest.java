package io.tousu.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** helm lint --strict: a template that does not render, or any warning, fails. */
class ChartLintTest {

    static List<String> provinces() {
        return Chart.provinces();
    }

    @Test
    void thereAreAtLeastThreeProvinceOverlays() {
        assertThat(Chart.provinces()).contains("guangdong", "fujian", "shandong");
    }

    @Test
    void lintsStrictlyWithTheDefaultValues() {
        assertClean(Chart.lint());
    }

    @ParameterizedTest
    @MethodSource("provinces")
    void lintsStrictlyWithEachProvinceOverlay(String province) {
        assertClean(Chart.lint(Chart.overlay(province)));
    }

    private static void assertClean(LintResult result) {
        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).as("lint warnings")
                .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }
}
