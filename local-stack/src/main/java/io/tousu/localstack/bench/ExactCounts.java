package io.tousu.localstack.bench;

import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Nothing lost, nothing doubled", counted in each service's own database: after N complaints were
 * taken in, intake must hold exactly N complaints, escalation exactly N tracked complaints with N
 * resolution clocks, and reporting exactly N complaint facts. The drills wait until the counts
 * settle and print them as a table.
 */
final class ExactCounts {

    /** How long the counts may take to reach the expected number once the load is over. */
    static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);

    private ExactCounts() {
    }

    /**
     * Waits until every count equals {@code expected} (or {@link #SETTLE_LIMIT} passes), then prints
     * the table under {@code title} and a verdict line.
     *
     * @return true when every count is exactly {@code expected}
     */
    static boolean settle(Stack stack, long expected, String title, ProgressLog log)
            throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        Map<String, Long> counts = counts(stack);
        long lastSaid = System.nanoTime();
        while (!allEqual(counts, expected) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            counts = counts(stack);
            if (System.nanoTime() - lastSaid > Duration.ofSeconds(10).toNanos()) {
                log.say("settle", counts.toString());
                lastSaid = System.nanoTime();
            }
        }
        PrintStream out = log.out();
        out.println();
        out.printf(Locale.ROOT, "%-46s %10s %10s%n", title, "expected", "found");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            out.printf(Locale.ROOT, "%-46s %,10d %,10d%s%n", e.getKey(), expected, e.getValue(),
                    e.getValue() == expected ? "" : e.getValue() < expected ? "  LOST" : "  DOUBLED");
            if (e.getValue() != expected) {
                wrong.add(e.getKey());
            }
        }
        out.println();
        if (!wrong.isEmpty()) {
            out.printf(Locale.ROOT, "counts that differ after %d s: %s%n", SETTLE_LIMIT.toSeconds(),
                    String.join(", ", wrong));
        }
        return wrong.isEmpty();
    }

    /** The counts, by what they count. */
    static Map<String, Long> counts(Stack stack) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("intake: complaints", count(stack, Service.INTAKE, "select count(*) from complaints"));
        counts.put("escalation: tracked complaints", count(stack, Service.ESCALATION,
                "select count(*) from tracked_complaints"));
        counts.put("escalation: resolution clocks armed", count(stack, Service.ESCALATION,
                "select count(*) from sla_clocks where kind = 'RESOLUTION'"));
        counts.put("reporting: complaint facts", count(stack, Service.REPORTING, "select count(*) from complaint_facts"));
        return counts;
    }

    /** The single number {@code sql} answers in {@code service}'s database. */
    static long count(Stack stack, Service service, String sql) throws SQLException {
        try (Connection c = stack.connect(service); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static boolean allEqual(Map<String, Long> counts, long expected) {
        return counts.values().stream().allMatch(n -> n == expected);
    }
}
