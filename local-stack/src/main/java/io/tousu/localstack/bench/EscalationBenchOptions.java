package io.tousu.localstack.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The command line of {@code ./tousu bench escalation}.
 *
 * @param help print the usage and do nothing else
 * @param clocks open clocks in the database while measuring (bulk-inserted, then the service starts on them)
 * @param rate new complaints per second published to {@code tousu.complaints} while measuring
 * @param breachRate clocks coming due per second while measuring (part of {@code clocks})
 * @param seconds how long clocks come due; the service is restarted half-way
 */
public record EscalationBenchOptions(boolean help, int clocks, int rate, int breachRate, int seconds) {

    public static final int DEFAULT_CLOCKS = 1_000_000;
    public static final int DEFAULT_RATE = 200;
    public static final int DEFAULT_BREACH_RATE = 50;
    public static final int DEFAULT_SECONDS = 90;

    /** The options, for {@code --help} and error messages. */
    public static final String USAGE = """
            Usage: ./tousu bench escalation [options]

            Starts a throw-away stack (Kafka, PostgreSQL, escalation-service on free ports, its own
            database), bulk-inserts the open clocks, starts escalation on them, then for --seconds: new
            complaints arrive at --rate while clocks come due at --breach-rate; half-way the service is
            restarted. Prints firing lateness (p50/p99), heap and restart-to-resume time. About 4 minutes
            with the defaults.

              --clocks N        open clocks in the database (default 1000000)
              --rate N          new complaints per second (default 200)
              --breach-rate N   clocks coming due per second (default 50)
              --seconds N       how long clocks come due (default 90)
              -h, --help        show this help""";

    public EscalationBenchOptions {
        OptionValues.requireRange("--clocks", clocks, 1_000, 20_000_000);
        OptionValues.requireRange("--rate", rate, 0, 10_000);
        OptionValues.requireRange("--breach-rate", breachRate, 1, 10_000);
        OptionValues.requireRange("--seconds", seconds, 20, 3600);
        if ((long) breachRate * seconds > clocks / 2) {
            throw new IllegalArgumentException("--breach-rate x --seconds must be at most half of --clocks");
        }
    }

    /**
     * Parses the arguments after {@code ./tousu bench}; a leading {@code escalation} is optional.
     *
     * @throws IllegalArgumentException with a message for the user when an argument is wrong
     */
    public static EscalationBenchOptions parse(String... args) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        if ("escalation".equals(rest.peekFirst())) {
            rest.removeFirst();
        }
        boolean help = false;
        int clocks = DEFAULT_CLOCKS;
        int rate = DEFAULT_RATE;
        int breachRate = DEFAULT_BREACH_RATE;
        int seconds = DEFAULT_SECONDS;
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "-h", "--help" -> help = true;
                case "--clocks" -> clocks = OptionValues.number(option, OptionValues.value(arg, rest));
                case "--rate" -> rate = OptionValues.number(option, OptionValues.value(arg, rest));
                case "--breach-rate" -> breachRate = OptionValues.number(option, OptionValues.value(arg, rest));
                case "--seconds" -> seconds = OptionValues.number(option, OptionValues.value(arg, rest));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new EscalationBenchOptions(help, clocks, rate, breachRate, seconds);
    }
}
