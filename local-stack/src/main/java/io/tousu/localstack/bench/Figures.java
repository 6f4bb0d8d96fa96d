package io.tousu.localstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of figures, grouped in sections ({@code reporting: monthly table GD 2026-11}), each a
 * name and its value as text. JSON answers are flattened to one figure per leaf
 * ({@code indicators[3].value}), so a comparison names exactly which figure changed.
 */
final class Figures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DIFFERENCES_SHOWN = 25;

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    /** One figure. */
    void put(String section, String name, Object value) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(name, String.valueOf(value));
    }

    /** Every leaf of a JSON document as a figure of {@code section}. */
    void putJson(String section, String json) throws IOException {
        Map<String, String> figures = sections.computeIfAbsent(section, s -> new LinkedHashMap<>());
        flatten("", JSON.readTree(json), figures);
        if (figures.isEmpty()) {
            figures.put("(empty)", json.strip());
        }
    }

    /** Figures in all sections. */
    int size() {
        return sections.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Prints one line per section (figures, how many changed), then the changed figures with their
     * values before and after.
     *
     * @return the number of figures that differ (changed, appeared or disappeared)
     */
    static int compare(Figures before, Figures after, String title, PrintStream out) {
        List<String> differences = new ArrayList<>();
        out.printf(Locale.ROOT, "%-60s %8s %8s%n", title, "figures", "changed");
        List<String> names = new ArrayList<>(before.sections.keySet());
        after.sections.keySet().stream().filter(s -> !names.contains(s)).forEach(names::add);
        int total = 0;
        for (String section : names) {
            Map<String, String> b = before.sections.getOrDefault(section, Map.of());
            Map<String, String> a = after.sections.getOrDefault(section, Map.of());
            List<String> keys = new ArrayList<>(b.keySet());
            a.keySet().stream().filter(k -> !b.containsKey(k)).forEach(keys::add);
            int changed = 0;
            for (String key : keys) {
                if (!Objects.equals(b.get(key), a.get(key))) {
                    changed++;
                    differences.add(String.format(Locale.ROOT, "  %s / %s: %s -> %s", section, key,
                            shorten(b.getOrDefault(key, "(absent)")), shorten(a.getOrDefault(key, "(absent)"))));
                }
            }
            total += changed;
            out.printf(Locale.ROOT, "%-60s %8d %8s%n", shorten(section, 60), keys.size(),
                    changed == 0 ? "0" : changed + "  CHANGED");
        }
        if (!differences.isEmpty()) {
            out.println();
            out.println("changed figures (before -> after):");
            differences.stream().limit(DIFFERENCES_SHOWN).forEach(out::println);
            if (differences.size() > DIFFERENCES_SHOWN) {
                out.println("  ... and " + (differences.size() - DIFFERENCES_SHOWN) + " more");
            }
        }
        return total;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(path, node.isNull() ? "null" : node.asText());
        }
    }

    private static String shorten(String text) {
        return shorten(text, 70);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
