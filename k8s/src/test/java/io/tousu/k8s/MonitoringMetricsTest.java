package io.tousu.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboards are valid Grafana JSON shipped in the sidecar ConfigMap, and every {@code tousu_}
 * metric that an alert or a panel uses is one the services register (names read from their
 * sources: Micrometer counters gain _total, timers _seconds and its _bucket/_count/_sum/_max).
 */
class MonitoringMetricsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern REGISTERED = Pattern.compile("\"(tousu_[a-z_]+)\"");
    static final Pattern USED = Pattern.compile("\\b(tousu_[a-z_]+)\\b");

    static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(Chart.CHART.resolve("dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void dashboardsAreGrafanaJsonWithQueriesOnEveryPanel() throws IOException {
        assertThat(dashboards()).extracting(p -> p.getFileName().toString())
                .contains("tousu-operations.json", "tousu-business.json");
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards()) {
            JsonNode d = JSON.readTree(file.toFile());
            assertThat(uids.add(d.path("uid").asText())).as("unique uid in " + file).isTrue();
            assertThat(d.path("title").asText()).as(file.toString()).startsWith("Tousu / ");
            assertThat(d.path("templating").path("list").findValuesAsText("name")).contains("datasource", "namespace");
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : d.path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as("unique panel id in " + file).isTrue();
                assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
                String type = panel.path("type").asText();
                if (type.equals("row") || type.equals("text")) {
                    continue;
                }
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                for (JsonNode t : panel.path("targets")) {
                    assertThat(t.path("expr").asText()).as(panel.path("title").asText()).isNotBlank();
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dashboardsShipInAConfigMapWithTheSidecarLabel() throws IOException {
        List<Map<String, Object>> cms = Chart.documents(Chart.template("tousu-test", List.of())).stream()
                .filter(d -> "ConfigMap".equals(d.get("kind")))
                .filter(d -> ((Map<?, ?>) ((Map<?, ?>) d.get("metadata")).get("labels")).containsKey("grafana_dashboard"))
                .toList();
        assertThat(cms).hasSize(1);
        Map<String, Object> data = (Map<String, Object>) cms.get(0).get("data");
        for (Path file : dashboards()) {
            String key = file.getFileName().toString();
            assertThat(data).containsKey(key);
            assertThat(JSON.readTree((String) data.get(key))).isEqualTo(JSON.readTree(file.toFile()));
        }
    }

    @Test
    void everyTousuMetricUsedByAlertsAndDashboardsIsRegisteredByAService() throws IOException {
        Set<String> registered = registeredMetricNames();
        assertThat(registered).as("metric names found in the services' sources")
                .contains("tousu_complaints_received", "tousu_outbox_pending", "tousu_sla_breaches");
        StringBuilder used = new StringBuilder();
        PrometheusRulesTest.rules(PrometheusRulesTest.ruleSpec()).forEach(r -> used.append(r.get("expr")).append('\n'));
        for (Path file : dashboards()) {
            used.append(Files.readString(file));
        }
        Set<String> unknown = new TreeSet<>();
        Matcher m = USED.matcher(used);
        while (m.find()) {
            String name = m.group(1);
            if (!isExported(name, registered)) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("tousu_ metrics no service registers").isEmpty();
    }

    static boolean isExported(String name, Set<String> registered) {
        if (registered.contains(name)) {
            return true;
        }
        for (String suffix : List.of("_total", "_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max",
                "_seconds")) {
            if (name.endsWith(suffix) && registered.contains(name.substring(0, name.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    static Set<String> registeredMetricNames() throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Chart.K8S.getParent())) {
            modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    Matcher m = REGISTERED.matcher(Files.readString(f));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }
}
