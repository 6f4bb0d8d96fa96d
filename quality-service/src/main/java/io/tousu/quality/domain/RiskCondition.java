package io.tousu.quality.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventType;
import io.tousu.events.Topics;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The declarative condition language of the risk-rule library (风险地雷库): a JSON tree stored with
 * each rule, checked and compiled once, then evaluated against every event of the rule's event types.
 * Adding a rule is a database row, never a code change.
 *
 * <p>A node is exactly one of:
 * <ul>
 * <li>{@code {"all": [node, ...]}} / {@code {"any": [node, ...]}} / {@code {"not": node}} - combinators;</li>
 * <li>{@code {"field": F, "op": OP, "value": V}} - a predicate on a field. {@code F} is a payload field
 * of the event (e.g. {@code compensationAmount} of ComplaintResolved, {@code text} of NoteAdded) or a
 * fact of the complaint's history ({@code complaint.category}, see {@link #COMPLAINT_FIELDS}). {@code OP}
 * is one of {@code eq ne in gt gte lt lte contains regex exists}: {@code in} takes a non-empty array,
 * the order operators a number (number fields only), {@code contains} a string (a substring of a text
 * field or an element of a list field), {@code regex} a Java regular expression found anywhere in the
 * text (or in an element of a list), {@code exists} true or false (present and not blank);</li>
 * <li>{@code {"history": NAME, ...}} - a predicate on the complaint's history:
 * {@code BACK_OFFICE_HAND_OFF_UNANSWERED} with {@code within} (ISO-8601 duration): a hand-off to the
 * back office answered (handed back or resolved) later than {@code within}, or still unanswered that
 * long at the event's time; {@code COMPENSATION_ABOVE_AUTHORITY} with {@code limit} (yuan): the
 * latest resolution granted more than the limit without approval; {@code FIRST_CONTACT_LATE} with
 * {@code within}: no first contact within that long after receipt; {@code EARLIER_EVENT} with
 * {@code events} (event types) and an optional {@code where} node: an earlier event of the complaint
 * of one of those types (matching {@code where}) occurred - wrap it in {@code not} for "without".</li>
 * </ul>
 * Every mistake is reported with the path of the offending member (e.g. {@code condition.all[1].op})
 * and the reason, so an administrator sees all that is wrong at once.
 */
public final class RiskCondition {

    /** The event types a rule may be about: what quality consumes. */
    public static final Map<String, EventType> CHECKABLE_EVENTS = Arrays.stream(EventType.values())
            .filter(t -> t.topic().equals(Topics.COMPLAINTS) || t.topic().equals(Topics.ESCALATIONS))
            .collect(Collectors.toMap(EventType::wireName, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    /** Deepest nesting a condition may have, so that a rule stays readable and cheap. */
    static final int MAX_DEPTH = 8;

    enum Kind { TEXT, NUMBER, BOOLEAN, LIST, TIME }

    /** A fact of the complaint's history a rule may test, prefixed {@code complaint.}. */
    private record Fact(Kind kind, Function<ComplaintHistory, Object> value) {
    }

    /** The complaint facts, by name (without the {@code complaint.} prefix). */
    static final Map<String, Fact> COMPLAINT_FIELDS = facts();

    private static Map<String, Fact> facts() {
        Map<String, Fact> f = new LinkedHashMap<>();
        f.put("province", new Fact(Kind.TEXT, ComplaintHistory::province));
        f.put("channel", new Fact(Kind.TEXT, ComplaintHistory::channel));
        f.put("category", new Fact(Kind.TEXT, ComplaintHistory::category));
        f.put("subcategory", new Fact(Kind.TEXT, ComplaintHistory::subcategory));
        f.put("repeat", new Fact(Kind.BOOLEAN, ComplaintHistory::repeat));
        f.put("agentId", new Fact(Kind.TEXT, ComplaintHistory::agentId));
        f.put("ownerId", new Fact(Kind.TEXT, ComplaintHistory::ownerId));
        f.put("teamId", new Fact(Kind.TEXT, ComplaintHistory::teamId));
        f.put("escalationLevel", new Fact(Kind.NUMBER, h -> BigDecimal.valueOf(h.escalationLevel())));
        f.put("reopenCount", new Fact(Kind.NUMBER, h -> BigDecimal.valueOf(h.reopenCount())));
        f.put("handOffs", new Fact(Kind.NUMBER, h -> BigDecimal.valueOf(h.handOffs().size())));
        f.put("brokenPromises", new Fact(Kind.NUMBER,
                h -> BigDecimal.valueOf(h.promises().stream().filter(p -> p.brokenAt() != null).count())));
        f.put("slaBreaches", new Fact(Kind.NUMBER, h -> BigDecimal.valueOf(h.slaBreaches().size())));
        f.put("resolved", new Fact(Kind.BOOLEAN, ComplaintHistory::isResolved));
        f.put("compensation", new Fact(Kind.NUMBER, ComplaintHistory::compensation));
        f.put("substantiated", new Fact(Kind.BOOLEAN, h -> h.resolution() == null ? null : h.resolution().substantiated()));
        f.put("responsibility", new Fact(Kind.TEXT, h -> h.resolution() == null ? null : h.resolution().responsibility()));
        return Map.copyOf(f);
    }

    static final Set<String> OPERATORS = new LinkedHashSet<>(
            List.of("eq", "ne", "in", "gt", "gte", "lt", "lte", "contains", "regex", "exists"));
    static final Set<String> HISTORY_PREDICATES = new LinkedHashSet<>(List.of("BACK_OFFICE_HAND_OFF_UNANSWERED",
            "COMPENSATION_ABOVE_AUTHORITY", "FIRST_CONTACT_LATE", "EARLIER_EVENT"));
    private static final Set<String> NODE_KEYS = Set.of("all", "any", "not", "field", "history");

    /** A compiled condition. {@code matched} collects evidence of what made it true. */
    public interface Node {
        boolean test(RuleContext c, EventEnvelope event, List<String> matched);
    }

    private RiskCondition() {
    }

    // ------------------------------------------------------------------ compiling

    /**
     * Compiles {@code condition} for rules about {@code eventTypes}; every problem found is added to
     * {@code problems} (named from {@code path}) and null is returned when there is any.
     */
    public static Node compile(JsonNode condition, Collection<EventType> eventTypes, String path,
            List<Inconsistency> problems) {
        int before = problems.size();
        Node node = node(condition, fieldsOf(eventTypes), eventTypes, path, 1, problems);
        return problems.size() > before ? null : node;
    }

    /** The payload fields of these event types and their kinds (a field of any one of them may be used). */
    private static Map<String, Kind> fieldsOf(Collection<EventType> types) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (EventType t : types) {
            for (RecordComponent rc : t.payloadType().getRecordComponents()) {
                fields.putIfAbsent(rc.getName(), kindOf(rc.getType()));
            }
        }
        return fields;
    }

    private static Kind kindOf(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return Kind.NUMBER;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return Kind.LIST;
        }
        if (type == Instant.class) {
            return Kind.TIME;
        }
        return Kind.TEXT;
    }

    private static Node node(JsonNode n, Map<String, Kind> fields, Collection<EventType> types, String path,
            int depth, List<Inconsistency> problems) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            problems.add(new Inconsistency(path, "is required"));
            return null;
        }
        if (!n.isObject()) {
            problems.add(new Inconsistency(path, "must be an object with one of all, any, not, field or history"));
            return null;
        }
        if (depth > MAX_DEPTH) {
            problems.add(new Inconsistency(path, "nests deeper than " + MAX_DEPTH + " levels"));
            return null;
        }
        List<String> kinds = new ArrayList<>();
        n.fieldNames().forEachRemaining(k -> {
            if (NODE_KEYS.contains(k)) {
                kinds.add(k);
            }
        });
        if (kinds.size() != 1) {
            problems.add(new Inconsistency(path, kinds.isEmpty()
                    ? "must have one of all, any, not, field or history"
                    : "must have only one of all, any, not, field or history, not " + kinds));
            return null;
        }
        return switch (kinds.get(0)) {
            case "all", "any" -> combination(n, kinds.get(0), fields, types, path, depth, problems);
            case "not" -> {
                only(n, Set.of("not"), path, problems);
                Node inner = node(n.get("not"), fields, types, path + ".not", depth + 1, problems);
                yield inner == null ? null : (c, e, m) -> !inner.test(c, e, new ArrayList<>());
            }
            case "field" -> field(n, fields, path, problems);
            default -> history(n, types, path, depth, problems);
        };
    }

    private static void only(JsonNode n, Set<String> allowed, String path, List<Inconsistency> problems) {
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                problems.add(new Inconsistency(path + "." + k, "is not a member of this node; allowed: "
                        + new TreeSet<>(allowed)));
            }
        });
    }

    private static Node combination(JsonNode n, String kind, Map<String, Kind> fields, Collection<EventType> types,
            String path, int depth, List<Inconsistency> problems) {
        only(n, Set.of(kind), path, problems);
        JsonNode list = n.get(kind);
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new Inconsistency(path + "." + kind, "must be a non-empty array of conditions"));
            return null;
        }
        List<Node> parts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            parts.add(node(list.get(i), fields, types, path + "." + kind + "[" + i + "]", depth + 1, problems));
        }
        Node[] nodes = parts.toArray(Node[]::new);
        if ("all".equals(kind)) {
            return (c, e, m) -> {
                int mark = m.size();
                for (Node p : nodes) {
                    if (!p.test(c, e, m)) {
                        m.subList(mark, m.size()).clear();
                        return false;
                    }
                }
                return true;
            };
        }
        return (c, e, m) -> {
            for (Node p : nodes) {
                int mark = m.size();
                if (p.test(c, e, m)) {
                    return true;
                }
                m.subList(mark, m.size()).clear();
            }
            return false;
        };
    }

    private static Node field(JsonNode n, Map<String, Kind> fields, String path, List<Inconsistency> problems) {
        only(n, Set.of("field", "op", "value"), path, problems);
        JsonNode f = n.get("field");
        if (!f.isTextual()) {
            problems.add(new Inconsistency(path + ".field", "must be a field name"));
            return null;
        }
        String name = f.asText();
        Kind kind;
        Function<RuleContext, Object> getter;
        Function<EventEnvelope, Object> payloadGetter = null;
        if (name.startsWith("complaint.")) {
            Fact fact = COMPLAINT_FIELDS.get(name.substring("complaint.".length()));
            if (fact == null) {
                problems.add(new Inconsistency(path + ".field", "unknown field '" + name + "'; complaint fields are "
                        + new TreeSet<>(COMPLAINT_FIELDS.keySet()).stream().map(k -> "complaint." + k).toList()));
                return null;
            }
            kind = fact.kind();
            getter = c -> fact.value().apply(c.history());
        } else {
            kind = fields.get(name);
            if (kind == null) {
                problems.add(new Inconsistency(path + ".field", "unknown field '" + name + "'; the rule's events have "
                        + fields.keySet() + ", and complaint.* facts"));
                return null;
            }
            getter = null;
            payloadGetter = e -> value(e.payload().get(name));
        }
        JsonNode opNode = n.get("op");
        if (opNode == null || !opNode.isTextual() || !OPERATORS.contains(opNode.asText())) {
            problems.add(new Inconsistency(path + ".op", (opNode == null ? "is required" : "unknown operator "
                    + opNode) + "; operators are " + OPERATORS));
            return null;
        }
        String op = opNode.asText();
        JsonNode v = n.get("value");
        Test test = test(op, kind, v, path + ".value", problems);
        if (test == null) {
            return null;
        }
        Function<EventEnvelope, Object> fromPayload = payloadGetter;
        return (c, e, m) -> {
            Object actual = fromPayload != null ? fromPayload.apply(e) : getter.apply(c);
            if (test.test(actual)) {
                m.add(name + "=" + Evidence.show(actual));
                return true;
            }
            return false;
        };
    }

    @FunctionalInterface
    private interface Test {
        boolean test(Object actual);
    }

    private static Test test(String op, Kind kind, JsonNode v, String path, List<Inconsistency> problems) {
        switch (op) {
            case "exists" -> {
                if (v == null || !v.isBoolean()) {
                    problems.add(new Inconsistency(path, "exists takes true or false"));
                    return null;
                }
                boolean wanted = v.asBoolean();
                return a -> present(a) == wanted;
            }
            case "eq", "ne" -> {
                Object expected = scalar(kind, v, path, op, problems);
                if (expected == null) {
                    return null;
                }
                return "eq".equals(op) ? a -> same(a, expected) : a -> a != null && !same(a, expected);
            }
            case "in" -> {
                if (v == null || !v.isArray() || v.isEmpty()) {
                    problems.add(new Inconsistency(path, "in takes a non-empty array"));
                    return null;
                }
                List<Object> options = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    options.add(scalar(kind, v.get(i), path + "[" + i + "]", op, problems));
                }
                if (options.contains(null)) {
                    return null;
                }
                return a -> options.stream().anyMatch(o -> same(a, o));
            }
            case "gt", "gte", "lt", "lte" -> {
                if (kind != Kind.NUMBER) {
                    problems.add(new Inconsistency(path, op + " compares numbers, and the field is " + name(kind)));
                    return null;
                }
                if (v == null || !v.isNumber()) {
                    problems.add(new Inconsistency(path, op + " takes a number"));
                    return null;
                }
                BigDecimal bound = v.decimalValue();
                return switch (op) {
                    case "gt" -> a -> a instanceof BigDecimal d && d.compareTo(bound) > 0;
                    case "gte" -> a -> a instanceof BigDecimal d && d.compareTo(bound) >= 0;
                    case "lt" -> a -> a instanceof BigDecimal d && d.compareTo(bound) < 0;
                    default -> a -> a instanceof BigDecimal d && d.compareTo(bound) <= 0;
                };
            }
            case "contains" -> {
                if (kind != Kind.TEXT && kind != Kind.LIST) {
                    problems.add(new Inconsistency(path, "contains needs a text or list field, and the field is "
                            + name(kind)));
                    return null;
                }
                if (v == null || !v.isTextual() || v.asText().isEmpty()) {
                    problems.add(new Inconsistency(path, "contains takes a non-empty string"));
                    return null;
                }
                String part = v.asText();
                return a -> a instanceof String s ? s.contains(part)
                        : a instanceof List<?> l && l.contains(part);
            }
            default -> { // regex
                if (kind != Kind.TEXT && kind != Kind.LIST) {
                    problems.add(new Inconsistency(path, "regex needs a text or list field, and the field is "
                            + name(kind)));
                    return null;
                }
                if (v == null || !v.isTextual() || v.asText().isEmpty()) {
                    problems.add(new Inconsistency(path, "regex takes a non-empty regular expression"));
                    return null;
                }
                Pattern pattern;
                try {
                    pattern = Pattern.compile(v.asText());
                } catch (PatternSyntaxException e) {
                    problems.add(new Inconsistency(path, "is not a valid regular expression: "
                            + e.getDescription() + " near index " + e.getIndex()));
                    return null;
                }
                return a -> a instanceof String s ? pattern.matcher(s).find()
                        : a instanceof List<?> l && l.stream().anyMatch(x -> x instanceof String s
                                && pattern.matcher(s).find());
            }
        }
    }

    private static String name(Kind kind) {
        return switch (kind) {
            case TEXT -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case LIST -> "a list";
            case TIME -> "a time";
        };
    }

    /** The value of {@code v} for comparing with a field of {@code kind}, or null (and a problem). */
    private static Object scalar(Kind kind, JsonNode v, String path, String op, List<Inconsistency> problems) {
        if (v == null || v.isNull()) {
            problems.add(new Inconsistency(path, op + " takes a value (use exists to test for absence)"));
            return null;
        }
        switch (kind) {
            case NUMBER -> {
                if (v.isNumber()) {
                    return v.decimalValue();
                }
            }
            case BOOLEAN -> {
                if (v.isBoolean()) {
                    return v.asBoolean();
                }
            }
            case TEXT, TIME -> {
                if (v.isTextual()) {
                    return v.asText();
                }
            }
            case LIST -> {
                problems.add(new Inconsistency(path, op + " does not apply to a list field; use contains"));
                return null;
            }
        }
        problems.add(new Inconsistency(path, "must be " + name(kind) + " like the field"));
        return null;
    }

    private static Node history(JsonNode n, Collection<EventType> types, String path, int depth,
            List<Inconsistency> problems) {
        JsonNode h = n.get("history");
        String name = h.isTextual() ? h.asText() : "";
        switch (name) {
            case "BACK_OFFICE_HAND_OFF_UNANSWERED" -> {
                only(n, Set.of("history", "within"), path, problems);
                Duration within = duration(n.get("within"), path + ".within", problems);
                return within == null ? null : (c, e, m) -> handOffUnanswered(c, e, within, m);
            }
            case "FIRST_CONTACT_LATE" -> {
                only(n, Set.of("history", "within"), path, problems);
                Duration within = duration(n.get("within"), path + ".within", problems);
                return within == null ? null : (c, e, m) -> firstContactLate(c, e, within, m);
            }
            case "COMPENSATION_ABOVE_AUTHORITY" -> {
                only(n, Set.of("history", "limit"), path, problems);
                JsonNode limit = n.get("limit");
                if (limit == null || !limit.isNumber() || limit.decimalValue().signum() < 0) {
                    problems.add(new Inconsistency(path + ".limit", "must be an amount of 0 or more (yuan)"));
                    return null;
                }
                BigDecimal max = limit.decimalValue();
                return (c, e, m) -> {
                    var r = c.history().resolution();
                    if (r != null && r.compensationAmount() != null && r.compensationAmount().compareTo(max) > 0
                            && !r.compensationApproved()) {
                        m.add("compensationAmount=" + r.compensationAmount().toPlainString() + " above limit "
                                + max.toPlainString() + " without approval");
                        return true;
                    }
                    return false;
                };
            }
            case "EARLIER_EVENT" -> {
                only(n, Set.of("history", "events", "where"), path, problems);
                List<EventType> earlierTypes = eventTypes(n.get("events"), path + ".events", problems);
                if (earlierTypes == null) {
                    return null;
                }
                Set<String> wire = earlierTypes.stream().map(EventType::wireName).collect(Collectors.toSet());
                Node where = null;
                if (n.has("where")) {
                    where = node(n.get("where"), fieldsOf(earlierTypes), earlierTypes, path + ".where", depth + 1,
                            problems);
                    if (where == null) {
                        return null;
                    }
                }
                Node condition = where;
                return (c, e, m) -> {
                    for (EventEnvelope earlier : c.earlier()) {
                        if (wire.contains(earlier.type())) {
                            List<String> inner = new ArrayList<>();
                            if (condition == null || condition.test(c, earlier, inner)) {
                                m.add("earlier " + earlier.type() + " at " + earlier.occurredAt()
                                        + (inner.isEmpty() ? "" : " " + inner));
                                return true;
                            }
                        }
                    }
                    return false;
                };
            }
            default -> {
                problems.add(new Inconsistency(path + ".history", "unknown history predicate " + h
                        + "; known: " + HISTORY_PREDICATES));
                return null;
            }
        }
    }

    /** Event type names of a rule or an EARLIER_EVENT predicate; null (and problems) when any is wrong. */
    public static List<EventType> eventTypes(JsonNode names, String path, List<Inconsistency> problems) {
        if (names == null || !names.isArray() || names.isEmpty()) {
            problems.add(new Inconsistency(path, "must be a non-empty array of event types, e.g. [\"NoteAdded\"]"));
            return null;
        }
        List<String> asText = new ArrayList<>();
        names.forEach(x -> asText.add(x.isTextual() ? x.asText() : null));
        return eventTypes(asText, path, problems);
    }

    /** The same for a list of names. */
    public static List<EventType> eventTypes(List<String> names, String path, List<Inconsistency> problems) {
        if (names == null || names.isEmpty()) {
            problems.add(new Inconsistency(path, "must be a non-empty array of event types, e.g. [\"NoteAdded\"]"));
            return null;
        }
        List<EventType> types = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < names.size(); i++) {
            EventType t = names.get(i) == null ? null : CHECKABLE_EVENTS.get(names.get(i));
            if (t == null) {
                problems.add(new Inconsistency(path + "[" + i + "]", "unknown event type " + names.get(i)
                        + "; known: " + CHECKABLE_EVENTS.keySet()));
                ok = false;
            } else if (!types.contains(t)) {
                types.add(t);
            }
        }
        return ok ? types : null;
    }

    private static Duration duration(JsonNode v, String path, List<Inconsistency> problems) {
        if (v == null || !v.isTextual()) {
            problems.add(new Inconsistency(path, "must be an ISO-8601 duration, e.g. PT24H"));
            return null;
        }
        try {
            Duration d = Duration.parse(v.asText());
            if (d.isNegative() || d.isZero()) {
                problems.add(new Inconsistency(path, "must be longer than zero"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new Inconsistency(path, "must be an ISO-8601 duration, e.g. PT24H"));
            return null;
        }
    }

    // ------------------------------------------------------------------ evaluating

    private static boolean handOffUnanswered(RuleContext c, EventEnvelope e, Duration within, List<String> m) {
        Instant now = e.occurredAt();
        for (ComplaintHistory.HandOff h : c.history().handOffs()) {
            if (!"BACK".equals(h.toOffice()) || h.at().isAfter(now)) {
                continue;
            }
            Instant deadline = h.at().plus(within);
            Instant answered = h.answeredAt() != null && !h.answeredAt().isAfter(now) ? h.answeredAt() : null;
            if (answered != null ? answered.isAfter(deadline) : now.isAfter(deadline)) {
                m.add("hand-off to " + h.toTeamId() + " at " + h.at() + (answered == null
                        ? " unanswered at " + now : " answered at " + answered) + ", deadline " + deadline);
                return true;
            }
        }
        return false;
    }

    private static boolean firstContactLate(RuleContext c, EventEnvelope e, Duration within, List<String> m) {
        Instant received = c.history().receivedAt();
        if (received == null) {
            return false;
        }
        Instant deadline = received.plus(within);
        Instant contact = c.history().firstContactAt();
        Instant now = e.occurredAt();
        boolean late = contact != null && !contact.isAfter(now) ? contact.isAfter(deadline) : now.isAfter(deadline);
        if (late) {
            m.add("received at " + received + ", first contact " + (contact == null || contact.isAfter(now)
                    ? "none by " + now : "at " + contact) + ", deadline " + deadline);
        }
        return late;
    }

    private static boolean present(Object a) {
        return a != null && !(a instanceof String s && s.isBlank()) && !(a instanceof List<?> l && l.isEmpty());
    }

    private static boolean same(Object actual, Object expected) {
        if (actual instanceof BigDecimal a && expected instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return expected.equals(actual);
    }

    /** A payload value as String, BigDecimal, Boolean, List or null. */
    static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>(v.size());
            for (Iterator<JsonNode> it = v.elements(); it.hasNext();) {
                list.add(value(it.next()));
            }
            return list;
        }
        return v.toString();
    }
}
