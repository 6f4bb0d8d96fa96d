package io.tousu.localstack.bench;

import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.testing.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * SLA policies of seconds, so that the drills see deadlines fire while they run: for a province's
 * hotline complaints (province + channel is more specific than any seeded policy) first response in
 * 20 s, resolution in 40 s, warnings 10 s ahead, 10 s per escalation level, four levels up to the
 * province. An unhandled complaint climbs to the top within about a minute and then stops firing.
 * Installed through escalation's admin API, as the system tests and the demo do.
 */
final class DrillPolicies {

    /** The levels of the chain; an unhandled complaint reaches each exactly once. */
    static final int LEVELS = 4;
    /** The clocks every complaint arms on receipt: first response and resolution. */
    static final int CLOCKS_PER_COMPLAINT = 2;

    private static final String ADMIN = Tokens.mint("drill-admin", List.of("admin", "national"), null, null,
            Duration.ofHours(12));

    private DrillPolicies() {
    }

    /** Installs the policy for the hotline complaints of each of {@code provinces}. */
    static void install(Stack stack, JsonApi api, List<String> provinces) throws IOException, InterruptedException {
        for (String province : provinces) {
            api.post(stack.baseUrl(Service.ESCALATION).resolve("/api/v1/sla-policies"), ADMIN, body(province));
        }
    }

    private static String body(String province) {
        return """
                {"name":"Drill: deadlines of seconds %s","province":"%s","channel":"HOTLINE",
                 "firstResponse":"PT20S","nextUpdate":"PT1H","resolution":"PT40S","warnBefore":"PT10S",
                 "calendarMode":"ALWAYS",
                 "chain":[{"level":"TEAM_LEAD","deadline":"PT10S"},{"level":"MANAGER","deadline":"PT10S"},
                          {"level":"CENTRE_DIRECTOR","deadline":"PT10S"},{"level":"PROVINCE"}]}"""
                .formatted(province, province);
    }
}
