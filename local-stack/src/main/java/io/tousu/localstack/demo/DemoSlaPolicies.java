package io.tousu.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SLA policies on the demo's time scale. The demo's day runs {@code speed} times faster than real
 * time, but escalation-service's clocks run in real time; with the real policies (hours and days)
 * nothing would breach while anyone watches. These policies for the demo province divide realistic
 * targets by the speed (never below {@link #SHORTEST}), so warnings, breaches and escalations up the
 * chain happen within minutes. They are installed through the admin API (created, or updated when
 * the demo ran before) and are named so that they are easy to recognise and remove.
 */
final class DemoSlaPolicies {

    /** No target shorter than this real time, so that handling can still beat the clock. */
    static final Duration SHORTEST = Duration.ofSeconds(20);

    /** One policy: its selector and realistic (simulated) targets. */
    record Terms(String name, String channel, Duration firstResponse, Duration nextUpdate, Duration resolution,
            Duration perLevel) {
    }

    /** The everyday policy of the province, and the regulator's much tighter one. */
    static final List<Terms> TERMS = List.of(
            new Terms("Demo: everyday complaints", null, Duration.ofHours(2), Duration.ofHours(8), Duration.ofHours(24),
                    Duration.ofHours(4)),
            new Terms("Demo: regulator appeals", "REGULATOR", Duration.ofMinutes(30), Duration.ofHours(2),
                    Duration.ofHours(8), Duration.ofHours(1)));

    private DemoSlaPolicies() {
    }

    /** A simulated duration as real time at {@code speed}, at least {@link #SHORTEST}. */
    static Duration scaled(Duration simulated, int speed) {
        Duration real = simulated.dividedBy(speed);
        return real.compareTo(SHORTEST) < 0 ? SHORTEST : real.withNanos(0);
    }

    /** The request body of one policy for {@code province} at {@code speed}. */
    static Map<String, Object> body(Terms t, String province, int speed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", t.name() + " (x" + speed + ")");
        body.put("province", province);
        if (t.channel() != null) {
            body.put("channel", t.channel());
        }
        body.put("firstResponse", scaled(t.firstResponse(), speed).toString());
        body.put("nextUpdate", scaled(t.nextUpdate(), speed).toString());
        body.put("resolution", scaled(t.resolution(), speed).toString());
        body.put("warnBeforePercent", 25);
        body.put("calendarMode", "ALWAYS");
        String level = scaled(t.perLevel(), speed).toString();
        body.put("chain", List.of(Map.of("level", "TEAM_LEAD", "deadline", level),
                Map.of("level", "MANAGER", "deadline", level), Map.of("level", "CENTRE_DIRECTOR", "deadline", level),
                Map.of("level", "PROVINCE")));
        return body;
    }

    /** Creates or updates the demo policies of {@code province}; returns how many are in place. */
    static int install(DemoApi api, String escalation, String adminToken, String province, int speed) {
        JsonNode existing = api.get(escalation + "/api/v1/sla-policies", adminToken, "reading the SLA policies");
        int installed = 0;
        for (Terms t : TERMS) {
            Map<String, Object> body = body(t, province, speed);
            Long id = existingId(existing, province, t.channel());
            JsonNode saved = id == null
                    ? api.post(escalation + "/api/v1/sla-policies", adminToken, body, "creating the policy " + t.name())
                    : api.put(escalation + "/api/v1/sla-policies/" + id, adminToken, body, "updating the policy " + t.name());
            if (saved != null) {
                installed++;
            }
        }
        return installed;
    }

    /** The id of the policy whose selector is exactly this province and channel (any category and priority). */
    static Long existingId(JsonNode policies, String province, String channel) {
        if (policies == null) {
            return null;
        }
        for (JsonNode p : policies) {
            if (province.equals(text(p, "province")) && equalsOrBothNull(channel, text(p, "channel"))
                    && text(p, "category") == null && text(p, "priority") == null) {
                return p.path("id").asLong();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static boolean equalsOrBothNull(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
