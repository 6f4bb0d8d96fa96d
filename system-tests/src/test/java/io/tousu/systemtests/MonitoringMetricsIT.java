package io.tousu.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tousu.localstack.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric that an alert of the Helm chart's PrometheusRule or a panel of its Grafana dashboards
 * queries is served by a running service's {@code /q/metrics}. Runs after the flows (which make the
 * counters that only exist once something happened, such as breaches and escalations, appear).
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(PackagedSuite.class)
class MonitoringMetricsIT {

    /** Series Prometheus itself makes rather than a service. */
    static final Set<String> FROM_PROMETHEUS = Set.of("up");
    static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "offset", "bool", "inf", "nan");
    static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    static final Pattern EXPR_LINE = Pattern.compile("^(\\s*)expr:\\s*(.*)$");

    /** Reporting's gauges are recomputed every minute (tousu.reporting.gauge-refresh); wait for one round. */
    static final Duration GAUGE_ROUND = Duration.ofSeconds(150);

    @Test
    void everyMetricAnAlertOrPanelUsesIsServed() {
        await().atMost(GAUGE_ROUND).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(missing(served())).as("metrics queried by alerts or dashboards that no running service serves")
                        .isEmpty());
    }

    static Set<String> served() {
        Set<String> served = new TreeSet<>();
        for (Service service : Service.values()) {
            String text = given().baseUri(PackagedSuite.stack().baseUrl(service).toString()).when().get("/q/metrics")
                    .then().statusCode(200).extract().asString();
            served.addAll(seriesNames(text));
        }
        assertThat(served).as("names served by the four services").contains("tousu_complaints_received_total",
                "http_server_requests_seconds_count");
        return served;
    }

    /** What alerts and panels query that is not in {@code served}, each with where it is used. */
    static TreeMap<String, String> missing(Set<String> served) throws IOException {
        Path chart = Path.of(System.getProperty("tousu.home", "..")).toAbsolutePath().normalize().resolve("k8s/tousu");
        TreeMap<String, String> missing = new TreeMap<>();
        for (String expr : alertExpressions(chart.resolve("templates/prometheusrule.yaml"))) {
            for (String name : metricNames(expr)) {
                if (!served.contains(name) && !FROM_PROMETHEUS.contains(name)) {
                    missing.putIfAbsent(name, "alert: " + expr.strip());
                }
            }
        }
        try (Stream<Path> files = Files.list(chart.resolve("dashboards"))) {
            for (Path dashboard : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (String expr : panelExpressions(dashboard)) {
                    for (String name : metricNames(expr)) {
                        if (!served.contains(name) && !FROM_PROMETHEUS.contains(name)) {
                            missing.putIfAbsent(name, dashboard.getFileName() + ": " + expr);
                        }
                    }
                }
            }
        }
        return missing;
    }

    @Test
    void theExpressionParserFindsMetricsNotFunctionsLabelsOrVariables() {
        assertThat(metricNames("sum by (namespace, job) (rate(http_server_requests_seconds_count{namespace=~\"$namespace\","
                + "status=~\"5..\"}[5m])) / sum by (job) (rate(http_server_requests_seconds_count[5m]))"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(tousu_sla_firing_lateness_seconds_bucket{ }[10m]))) > 30"))
                .containsExactly("tousu_sla_firing_lateness_seconds_bucket");
        assertThat(metricNames("(sum(up{job=\"x\"}) or vector(0)) == 0 unless tousu_a offset 15m"))
                .containsExactly("tousu_a", "up");
    }

    /** The names of the samples in a Prometheus text exposition. */
    static Set<String> seriesNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = IDENTIFIER.matcher(line);
            if (m.lookingAt()) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The metric names a PromQL expression selects. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*\\}", " ")
                .replaceAll("\\[[^\\]]*\\]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String token = m.group();
            boolean call = s.substring(m.end()).stripLeading().startsWith("(");
            boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (!call && !number && !PROMQL_WORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    /** The {@code expr} of every rule in the PrometheusRule template, Helm actions removed. */
    static List<String> alertExpressions(Path template) throws IOException {
        List<String> lines = Files.readAllLines(template);
        List<String> exprs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPR_LINE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            StringBuilder expr = new StringBuilder();
            if (m.group(2).startsWith("|")) {
                int indent = m.group(1).length();
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                        || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                    expr.append(lines.get(++i)).append('\n');
                }
            } else {
                expr.append(m.group(2));
            }
            exprs.add(expr.toString().replaceAll("\\{\\{.*?\\}\\}", ""));
        }
        assertThat(exprs).as("alert expressions in " + template).hasSizeGreaterThan(5);
        return exprs;
    }

    /** The query of every target of every panel of a Grafana dashboard. */
    static List<String> panelExpressions(Path dashboard) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(dashboard.toFile());
        List<String> exprs = new ArrayList<>();
        root.findValues("targets").forEach(targets -> targets.forEach(t -> {
            if (t.hasNonNull("expr")) {
                exprs.add(t.get("expr").asText());
            }
        }));
        return exprs;
    }
}
