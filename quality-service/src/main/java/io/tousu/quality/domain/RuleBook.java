package io.tousu.quality.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The enabled risk rules, compiled and indexed by event type: {@link #evaluate} checks one event
 * against the rules about its type. Also checks a rule definition ({@link #check}), naming every
 * field that is wrong.
 */
public final class RuleBook {

    /** Rule codes: upper-case letters, digits and underscores. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{2,59}");

    /** A rule as an administrator writes it (and as it is stored). */
    public record Definition(String code, String name, String minefield, String severity, String description,
            List<String> eventTypes, JsonNode condition) {
    }

    /** A checked and compiled rule. */
    public record Compiled(UUID id, String code, int version, String name, Minefield minefield, Severity severity,
            Set<String> eventTypes, RiskCondition.Node condition) {
    }

    /** A rule the event hit, and the matched values (masked) that show why. */
    public record Finding(Compiled rule, List<String> matched) {
    }

    private final Map<String, List<Compiled>> byType;
    private final int size;

    private RuleBook(List<Compiled> rules) {
        Map<String, List<Compiled>> index = new HashMap<>();
        for (Compiled r : rules) {
            for (String t : r.eventTypes()) {
                index.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byType = Map.copyOf(index);
        this.size = rules.size();
    }

    public static RuleBook of(List<Compiled> rules) {
        return new RuleBook(rules);
    }

    public int size() {
        return size;
    }

    /** Every rule about the event's type whose condition holds, in the order the rules were given. */
    public List<Finding> evaluate(RuleContext c) {
        List<Compiled> rules = byType.get(c.event().type());
        if (rules == null) {
            return List.of();
        }
        List<Finding> hits = new ArrayList<>(2);
        EventEnvelope e = c.event();
        for (Compiled r : rules) {
            List<String> matched = new ArrayList<>(4);
            if (r.condition().test(c, e, matched)) {
                hits.add(new Finding(r, List.copyOf(matched)));
            }
        }
        return hits;
    }

    /** Everything wrong with a definition; empty when it can be stored. */
    public static List<Inconsistency> check(Definition d) {
        List<Inconsistency> problems = new ArrayList<>();
        compile(null, 0, d, problems);
        return problems;
    }

    /** The compiled rule, or an {@link IllegalArgumentException} naming what is wrong. */
    public static Compiled compile(UUID id, int version, Definition d) {
        List<Inconsistency> problems = new ArrayList<>();
        Compiled c = compile(id, version, d, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("rule " + d.code() + " is invalid: " + problems);
        }
        return c;
    }

    private static Compiled compile(UUID id, int version, Definition d, List<Inconsistency> problems) {
        if (d.code() == null) {
            problems.add(new Inconsistency("code", "is required"));
        } else if (!CODE.matcher(d.code()).matches()) {
            problems.add(new Inconsistency("code", "must be 3 to 60 upper-case letters, digits or '_', starting "
                    + "with a letter"));
        }
        if (d.name() == null || d.name().isBlank()) {
            problems.add(new Inconsistency("name", "is required"));
        } else if (d.name().length() > 200) {
            problems.add(new Inconsistency("name", "must be at most 200 characters"));
        }
        if (d.description() != null && d.description().length() > 2000) {
            problems.add(new Inconsistency("description", "must be at most 2000 characters"));
        }
        Minefield minefield = constant("minefield", d.minefield(), Minefield.class, problems);
        Severity severity = constant("severity", d.severity(), Severity.class, problems);
        List<EventType> types = RiskCondition.eventTypes(d.eventTypes(), "eventTypes", problems);
        RiskCondition.Node condition = types == null ? null
                : RiskCondition.compile(d.condition(), types, "condition", problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Compiled(id, d.code(), version, d.name(), minefield, severity,
                types.stream().map(EventType::wireName).collect(Collectors.toUnmodifiableSet()), condition);
    }

    private static <E extends Enum<E>> E constant(String field, String value, Class<E> type,
            List<Inconsistency> problems) {
        if (value == null) {
            problems.add(new Inconsistency(field, "is required; one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new Inconsistency(field, "unknown " + field + " '" + value + "'; one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
