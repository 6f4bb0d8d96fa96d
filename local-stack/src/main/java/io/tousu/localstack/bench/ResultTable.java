package io.tousu.localstack.bench;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The table the benchmark ends with, and its lines on the goals of intake's issue. */
final class ResultTable {

    /** Intake should take complaints in at least this fraction of pgbench's rate for the same writes. */
    static final double GOAL_RATIO = 0.5;
    /** Intake's p99 at the fixed rate should stay below this. */
    static final double GOAL_P99_MS = 50;

    private static final String HEADER = "%-32s %9s %8s %8s %8s %8s %8s %7s%n";
    private static final String ROW = "%-32s %9.1f %8.1f %8.1f %8.1f %8.1f %8.1f %7d%n";

    /**
     * One measured line.
     *
     * @param what the phase, e.g. {@code intake saturated (c=16)}
     * @param ratePerSecond successful operations per second
     * @param meanMs mean latency
     * @param p50Ms median latency
     * @param p90Ms 90th percentile latency
     * @param p99Ms 99th percentile latency
     * @param maxMs highest latency
     * @param errors failed operations
     */
    record Row(String what, double ratePerSecond, double meanMs, double p50Ms, double p90Ms, double p99Ms,
            double maxMs, long errors) {

        /** The row of a phase measured by this benchmark. */
        static Row of(String what, LatencyStats stats) {
            return new Row(what, stats.ratePerSecond(), stats.meanMs(), stats.p50Ms(), stats.p90Ms(), stats.p99Ms(),
                    stats.maxMs(), stats.errorCount());
        }

        /** pgbench's row: its own tps, mean latency and failures; percentiles from its transaction log. */
        static Row ofPgBench(String what, PgBench.Result result) {
            PgBenchOutput summary = result.summary();
            LatencyStats log = result.latencies();
            return new Row(what, summary.tps(), summary.latencyAverageMs(), log.p50Ms(), log.p90Ms(), log.p99Ms(),
                    log.maxMs(), summary.failed());
        }
    }

    private ResultTable() {
    }

    /** The rows under a header, latencies in milliseconds. */
    static String format(List<Row> rows) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, HEADER, "what", "rate/s", "mean ms",
                "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, ROW, row.what(), row.ratePerSecond(), row.meanMs(), row.p50Ms(),
                    row.p90Ms(), row.p99Ms(), row.maxMs(), row.errors()));
        }
        return table.toString();
    }

    /**
     * The two goal lines: intake's saturated rate against pgbench's, and the p99 at the fixed rate
     * (met only when every complaint of that phase was taken in).
     *
     * @param pgbenchRate pgbench's tps; empty when pgbench did not run
     */
    static String goals(OptionalDouble pgbenchRate, double intakeRate, int fixedRate, LatencyStats fixed) {
        String ratio = pgbenchRate.isPresent() && pgbenchRate.getAsDouble() > 0
                ? String.format(Locale.ROOT, "intake / pgbench: %.2f", intakeRate / pgbenchRate.getAsDouble())
                : "intake / pgbench: n/a";
        String ratioVerdict = pgbenchRate.isEmpty() ? "not measured (no pgbench result)"
                : verdict(intakeRate >= GOAL_RATIO * pgbenchRate.getAsDouble());
        String p99 = String.format(Locale.ROOT, "p99 at %d/s: %.1f ms", fixedRate, fixed.p99Ms());
        String p99Verdict = fixed.errorCount() > 0 ? "not met (" + fixed.errorCount() + " errors)"
                : verdict(fixed.count() > 0 && fixed.p99Ms() < GOAL_P99_MS);
        return String.format(Locale.ROOT, "%-28s goal >= %.1f   -> %s%n%-28s goal < %.0f ms -> %s%n", ratio,
                GOAL_RATIO, ratioVerdict, p99, GOAL_P99_MS, p99Verdict);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "not met";
    }
}
