package io.tousu.k8s;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart under test, its province overlays, and helm (embedded by helm-java) to lint and render it. */
final class Chart {

    /** k8s/ (the module's base directory). */
    static final Path K8S = Paths.get(System.getProperty("tousu.k8s.dir", ".")).toAbsolutePath().normalize();
    static final Path CHART = K8S.resolve("tousu");
    static final Path PROVINCES = K8S.resolve("provinces");
    static final String RELEASE = "tousu";
    /** The oldest Kubernetes the chart is rendered for in the tests (helm template defaults to 1.20). */
    static final String KUBE_VERSION = "v1.29.0";
    static final List<String> SERVICES = List.of("intake", "escalation", "quality", "reporting");

    static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Strict mapping of rendered manifests to the fabric8 model: no coercion of "8080" into 8080. */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Chart() {
    }

    /** The three province overlays, by file name without .yaml. */
    static List<String> provinces() {
        try (Stream<Path> files = Files.list(PROVINCES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path overlay(String province) {
        return PROVINCES.resolve(province + ".yaml");
    }

    /** Values of an overlay file, parsed. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path yaml) {
        try {
            Object v = YAML.readValue(yaml.toFile(), Object.class);
            return v == null ? new LinkedHashMap<>() : (Map<String, Object>) v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code helm lint --strict} of the chart with the given values files laid over values.yaml.
     * helm-java's lint takes no values file, so the chart is copied to a temporary folder whose
     * values.yaml is the merge (as helm merges: maps deeply, everything else replaced).
     */
    static LintResult lint(Path... overlays) {
        Path chart = CHART;
        if (overlays.length > 0) {
            Map<String, Object> values = read(CHART.resolve("values.yaml"));
            for (Path o : overlays) {
                values = merge(values, read(o));
            }
            chart = copyChart(values);
        }
        return new Helm(chart).lint().strict().call();
    }

    /** {@code helm template} with the values files (in order) and --set pairs (key, value, key, value...). */
    static String template(String namespace, List<Path> valuesFiles, Object... sets) {
        TemplateCommand cmd = new Helm(CHART).template().withName(RELEASE).withNamespace(namespace)
                .withKubeVersion(KUBE_VERSION);
        for (Path f : valuesFiles) {
            cmd = cmd.withValuesFile(f);
        }
        for (int i = 0; i < sets.length; i += 2) {
            cmd = cmd.set((String) sets[i], sets[i + 1]);
        }
        return cmd.call();
    }

    /** Every rendered document as a map (empty documents dropped). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String rendered) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(rendered)) {
            var it = YAML.readValues(parser, Object.class);
            while (it.hasNext()) {
                Object doc = it.next();
                if (doc instanceof Map<?, ?> m && !m.isEmpty()) {
                    docs.add((Map<String, Object>) m);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        over.forEach((k, v) -> {
            Object b = out.get(k);
            if (b instanceof Map && v instanceof Map) {
                out.put(k, merge((Map<String, Object>) b, (Map<String, Object>) v));
            } else if (v == null) {
                out.remove(k);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Path copyChart(Map<String, Object> values) {
        try {
            Path dir = Files.createTempDirectory("tousu-chart-").resolve("tousu");
            try (Stream<Path> all = Files.walk(CHART)) {
                for (Path src : (Iterable<Path>) all::iterator) {
                    Path dst = dir.resolve(CHART.relativize(src).toString());
                    if (Files.isDirectory(src)) {
                        Files.createDirectories(dst);
                    } else {
                        Files.copy(src, dst);
                    }
                }
            }
            YAML.writeValue(dir.resolve("values.yaml").toFile(), values);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
