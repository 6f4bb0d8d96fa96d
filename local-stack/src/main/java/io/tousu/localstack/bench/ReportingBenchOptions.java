package io.tousu.localstack.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The command line of {@code ./tousu bench reporting}.
 *
 * @param help print the usage and do nothing else
 * @param events events published to {@code tousu.complaints} as fast as the producer goes, for the ingest rate
 * @param facts complaint facts bulk-inserted for one province, for the monthly table
 * @param months how many months before the measured one those facts are spread over (the month included)
 * @param requests timed requests of the monthly table (after a warm-up)
 */
public record ReportingBenchOptions(boolean help, int events, int facts, int months, int requests) {

    public static final int DEFAULT_EVENTS = 200_000;
    public static final int DEFAULT_FACTS = 10_000_000;
    public static final int DEFAULT_MONTHS = 12;
    public static final int DEFAULT_REQUESTS = 50;

    /** The options, for {@code --help} and error messages. */
    public static final String USAGE = """
            Usage: ./tousu bench reporting [options]

            Starts a throw-away stack (Kafka, PostgreSQL, reporting-service on free ports, its own
            database). Ingest: publishes --events complaint lifecycle events (received, assigned,
            resolved, followed up) to tousu.complaints as fast as the producer goes and measures
            events/s until reporting has applied them all. Monthly table: bulk-inserts --facts complaint
            facts of province BJ over --months months with generate_series, then times --requests
            GET /api/v1/indicators/monthly of the last month (p50/p99). About 6 to 10 minutes with
            the defaults.

              --events N     events to ingest (default 200000)
              --facts N      complaint facts of the province (default 10000000)
              --months N     months the facts are spread over (default 12)
              --requests N   timed requests of the monthly table (default 50)
              -h, --help     show this help""";

    public ReportingBenchOptions {
        OptionValues.requireRange("--events", events, 1_000, 5_000_000);
        OptionValues.requireRange("--facts", facts, 1_000, 50_000_000);
        OptionValues.requireRange("--months", months, 1, 120);
        OptionValues.requireRange("--requests", requests, 10, 100_000);
    }

    /**
     * Parses the arguments after {@code ./tousu bench}; a leading {@code reporting} is optional.
     *
     * @throws IllegalArgumentException with a message for the user when an argument is wrong
     */
    public static ReportingBenchOptions parse(String... args) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        if ("reporting".equals(rest.peekFirst())) {
            rest.removeFirst();
        }
        boolean help = false;
        int events = DEFAULT_EVENTS;
        int facts = DEFAULT_FACTS;
        int months = DEFAULT_MONTHS;
        int requests = DEFAULT_REQUESTS;
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "-h", "--help" -> help = true;
                case "--events" -> events = OptionValues.number(option, OptionValues.value(arg, rest));
                case "--facts" -> facts = OptionValues.number(option, OptionValues.value(arg, rest));
                case "--months" -> months = OptionValues.number(option, OptionValues.value(arg, rest));
                case "--requests" -> requests = OptionValues.number(option, OptionValues.value(arg, rest));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new ReportingBenchOptions(help, events, facts, months, requests);
    }
}
