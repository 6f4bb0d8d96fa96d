package io.tousu.localstack.bench;

import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary pgbench prints at the end of a run.
 *
 * @param transactions transactions completed
 * @param failed failed transactions (0 when pgbench does not report them)
 * @param latencyAverageMs mean transaction latency in milliseconds
 * @param tps transactions per second, without the initial connection time
 */
record PgBenchOutput(long transactions, long failed, double latencyAverageMs, double tps) {

    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Set<String> NOT_COMPLETED = Set.of("failed", "skipped", "serialization", "deadlock");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /**
     * Reads the summary from pgbench's output.
     *
     * @throws IllegalArgumentException when the transaction count, latency average or tps is missing
     */
    static PgBenchOutput parse(String output) {
        return new PgBenchOutput(Long.parseLong(required(TRANSACTIONS, output, "transaction count")),
                Long.parseLong(optional(FAILED, output, "0")),
                Double.parseDouble(required(LATENCY, output, "latency average")),
                Double.parseDouble(required(TPS, output, "tps")));
    }

    /**
     * The latency of one line of pgbench's per-transaction log ({@code -l}):
     * {@code client_id transaction_no time script_no time_epoch time_us ...}, where {@code time} is the
     * latency in microseconds, or {@code failed} or {@code skipped} for a transaction that did not complete.
     *
     * @return the latency in microseconds; empty for a transaction that did not complete
     * @throws IllegalArgumentException for a line of another shape
     */
    static OptionalLong logLatencyMicros(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 6) {
            throw new IllegalArgumentException("not a pgbench transaction log line: " + line);
        }
        if (NOT_COMPLETED.contains(fields[2])) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(fields[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a pgbench transaction log line: " + line, e);
        }
    }

    private static String required(Pattern pattern, String output, String what) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalArgumentException("pgbench printed no " + what);
        }
        return matcher.group(1);
    }

    private static String optional(Pattern pattern, String output, String otherwise) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? matcher.group(1) : otherwise;
    }
}
