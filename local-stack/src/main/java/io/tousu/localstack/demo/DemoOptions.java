package io.tousu.localstack.demo;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * How the demo traffic runs.
 *
 * @param speed simulated seconds per real second (60: one simulated minute per second)
 * @param minutes real minutes to run; 0 runs until stopped (Ctrl-C)
 * @param portOffset added to the standard service ports 8081-8084
 * @param seed the seed of every random draw (the same seed gives the same traffic)
 */
public record DemoOptions(int speed, int minutes, int portOffset, long seed) {

    /** One simulated minute per real second. */
    public static final int DEFAULT_SPEED = 60;
    /** The highest speed: one simulated hour per real second. */
    public static final int MAX_SPEED = 3600;

    /** The options {@code ./tousu demo} understands. */
    public static final String USAGE = """
            Usage: ./tousu demo [options]

            Drives the public APIs of a running ./tousu up (ports 8081-8084) like a provincial centre (GD):
            complaints from every channel on a daily rhythm, repeats, urges, hand-offs, resolutions,
            approvals, follow-ups, inspections, call volumes and one outage burst in one city.

              --minutes N        stop after N real minutes (default: run until Ctrl-C)
              --speed N          simulated seconds per real second (default 60: a simulated minute per second)
              --port-offset N    the stack was started with --port-offset N
              --seed N           seed of the random traffic (default: a new one each run)
              -h, --help         show this help""";

    public DemoOptions {
        if (speed < 1 || speed > MAX_SPEED) {
            throw new IllegalArgumentException("the speed must be between 1 and " + MAX_SPEED);
        }
        if (minutes < 0) {
            throw new IllegalArgumentException("--minutes must not be negative");
        }
        if (portOffset < 0 || portOffset > 50_000) {
            throw new IllegalArgumentException("--port-offset must be between 0 and 50000");
        }
    }

    /** Runs until stopped at {@code speed}. */
    public static DemoOptions untilStopped(int speed, int portOffset) {
        return new DemoOptions(speed, 0, portOffset, System.nanoTime());
    }

    /**
     * Parses the arguments of {@code ./tousu demo}; a leading {@code demo} is optional. Returns null for
     * {@code --help}.
     *
     * @throws IllegalArgumentException with a message for the user when an argument is wrong
     */
    public static DemoOptions parse(String... args) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        if ("demo".equals(rest.peekFirst())) {
            rest.removeFirst();
        }
        int speed = DEFAULT_SPEED;
        int minutes = 0;
        int portOffset = 0;
        long seed = System.nanoTime();
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--speed", "--demo-speed" -> speed = number(option, value(arg, rest));
                case "--minutes" -> minutes = number(option, value(arg, rest));
                case "--port-offset" -> portOffset = number(option, value(arg, rest));
                case "--seed" -> seed = number(option, value(arg, rest));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new DemoOptions(speed, minutes, portOffset, seed);
    }

    /** The value of {@code --speed N} or {@code --demo-speed N}, checked. */
    public static int speed(String value) {
        int speed = number("--demo-speed", value);
        new DemoOptions(speed, 0, 0, 0);
        return speed;
    }

    private static String value(String arg, Deque<String> rest) {
        if (arg.contains("=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        if (rest.isEmpty() || rest.peekFirst().startsWith("-")) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return rest.removeFirst();
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }
}
