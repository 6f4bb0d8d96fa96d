package io.tousu.localstack.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The command line of {@code ./tousu bench intake}.
 *
 * @param help print the usage and do nothing else
 * @param seconds how long each measured phase runs
 * @param clients concurrent clients for pgbench and for intake at saturation
 * @param rate complaints per second of the fixed-rate phase
 * @param warmUp seconds of saturated load before the phases, so they measure intake compiled by the JIT
 */
public record BenchOptions(boolean help, int seconds, int clients, int rate, int warmUp) {

    /** Seconds per phase without {@code --seconds}. */
    public static final int DEFAULT_SECONDS = 15;
    /** Clients without {@code --clients}. */
    public static final int DEFAULT_CLIENTS = 16;
    /** Complaints per second without {@code --rate}. */
    public static final int DEFAULT_RATE = 200;
    /** Warm-up seconds without {@code --warm-up}: on 2 cores intake's rate still climbs for about 45 s. */
    public static final int DEFAULT_WARM_UP = 45;

    /** The options, for {@code --help} and error messages. */
    public static final String USAGE = """
            Usage: ./tousu bench intake [options]

            Starts a throw-away stack (Kafka, PostgreSQL, intake-service on free ports), warms intake up,
            then measures: pgbench doing intake's writes for one complaint per transaction; intake with
            N clients sending complaints as fast as it answers; intake at a fixed rate. Prints a table.

              --seconds N     length of each measured phase (default 15)
              --clients N     concurrent clients of pgbench and of the saturation phase (default 16)
              --rate N        complaints per second of the fixed-rate phase (default 200)
              --warm-up N     seconds of saturated load before measuring, while the JIT compiles (default 45)
              -h, --help      show this help""";

    public BenchOptions {
        OptionValues.requireRange("--seconds", seconds, 1, 3600);
        OptionValues.requireRange("--clients", clients, 1, 1000);
        OptionValues.requireRange("--rate", rate, 1, 100_000);
        OptionValues.requireRange("--warm-up", warmUp, 0, 3600);
    }

    /**
     * Parses the arguments after {@code ./tousu bench}; a leading {@code intake} is optional.
     *
     * @throws IllegalArgumentException with a message for the user when an argument is wrong
     */
    public static BenchOptions parse(String... args) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        if ("intake".equals(rest.peekFirst())) {
            rest.removeFirst();
        }
        boolean help = false;
        int seconds = DEFAULT_SECONDS;
        int clients = DEFAULT_CLIENTS;
        int rate = DEFAULT_RATE;
        int warmUp = DEFAULT_WARM_UP;
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "-h", "--help" -> help = true;
                case "--seconds" -> seconds = OptionValues.number(option, OptionValues.value(arg, rest));
                case "--clients" -> clients = OptionValues.number(option, OptionValues.value(arg, rest));
                case "--rate" -> rate = OptionValues.number(option, OptionValues.value(arg, rest));
                case "--warm-up" -> warmUp = OptionValues.number(option, OptionValues.value(arg, rest));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new BenchOptions(help, seconds, clients, rate, warmUp);
    }

    /** The value of {@code --name=value} or of {@code --name value}. */
}
