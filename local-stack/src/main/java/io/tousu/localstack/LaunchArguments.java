package io.tousu.localstack;

import io.tousu.localstack.demo.DemoOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * The command line of {@code ./tousu up}, as the script hands it to {@link LocalStackMain}.
 *
 * @param help print the usage and do nothing else
 * @param fresh start from empty topics and databases
 * @param services the services to start
 * @param stateDir where state and logs live; null for {@code <home>/.tousu}
 * @param portOffset added to every standard port
 * @param demo run the demo traffic once the stack is up
 * @param demoSpeed the demo's simulated seconds per real second
 * @param readyTimeout how long each service may take to report ready
 * @param classDataSharing start the services from their class-data archives ({@link ClassDataArchive})
 */
record LaunchArguments(boolean help, boolean fresh, Set<Service> services, Path stateDir, int portOffset, boolean demo,
        int demoSpeed, Duration readyTimeout, boolean classDataSharing) {

    /** The options {@link LocalStackMain} understands, for {@code --help} and error messages. */
    static final String USAGE = """
            Usage: ./tousu up [options]

            Starts Kafka, PostgreSQL and the Tousu services on this machine and runs them until Ctrl-C.
            Data (topics, databases) is kept between runs.

              --fresh                 start from empty topics and databases
              --services a,b          start only these services (intake, escalation, quality, reporting)
              --state-dir DIR         keep state and logs in DIR (default: .tousu in the checkout)
              --port-offset N         add N to every port (Kafka 9092/9093, services 8081-8084), to run
                                      a second stack beside the first; give it its own --state-dir
              --demo                  once up, drive the APIs with demo traffic like a provincial centre
              --demo-speed N          simulated seconds per real second of the demo (default 60)
              --ready-timeout S       seconds each service may take to report ready (default 120;
                                      raise it on a slow or busy machine)
              --no-class-sharing      start the services without their class-data archives (each
                                      start then reads and verifies its classes again: slower; the
                                      first run of a build writes the archives as it stops)
              -h, --help              show this help""";

    /**
     * Parses the arguments after {@code ./tousu}; a leading {@code up} is optional.
     *
     * @throws IllegalArgumentException with a message for the user when an argument is wrong
     */
    static LaunchArguments parse(String... args) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        if ("up".equals(rest.peekFirst())) {
            rest.removeFirst();
        }
        boolean help = false;
        boolean fresh = false;
        Set<Service> services = EnumSet.allOf(Service.class);
        Path stateDir = null;
        int portOffset = 0;
        boolean demo = false;
        int demoSpeed = DemoOptions.DEFAULT_SPEED;
        Duration readyTimeout = StackOptions.DEFAULT_READY_TIMEOUT;
        boolean classDataSharing = true;
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "-h", "--help" -> help = true;
                case "--fresh" -> fresh = true;
                case "--services" -> services = services(value(arg, rest));
                case "--state-dir" -> stateDir = Path.of(value(arg, rest));
                case "--port-offset" -> portOffset = portOffset(value(arg, rest));
                case "--demo" -> demo = true;
                case "--demo-speed" -> {
                    demo = true;
                    demoSpeed = DemoOptions.speed(value(arg, rest));
                }
                case "--ready-timeout" -> readyTimeout = readyTimeout(value(arg, rest));
                case "--no-class-sharing" -> classDataSharing = false;
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new LaunchArguments(help, fresh, services, stateDir, portOffset, demo, demoSpeed, readyTimeout,
                classDataSharing);
    }

    /** Stack options for a checkout at {@code home}. */
    StackOptions toOptions(Path home, ProgressListener progress) {
        StackOptions.Builder builder = StackOptions.builder(home).fresh(fresh).services(services)
                .portOffset(portOffset).readyTimeout(readyTimeout).classDataSharing(classDataSharing)
                .progress(progress);
        if (stateDir != null) {
            builder.stateDir(stateDir);
        }
        return builder.build();
    }

    /** The value of {@code --name=value} or of {@code --name value}. */
    private static String value(String arg, Deque<String> rest) {
        if (arg.contains("=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        if (rest.isEmpty() || rest.peekFirst().startsWith("-")) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return rest.removeFirst();
    }

    private static Set<Service> services(String list) {
        Set<Service> services = EnumSet.noneOf(Service.class);
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                services.add(Service.named(name));
            }
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("--services needs at least one service");
        }
        return services;
    }

    private static Duration readyTimeout(String value) {
        int seconds;
        try {
            seconds = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ready-timeout takes whole seconds, not '" + value + "'");
        }
        if (seconds < 10 || seconds > 3600) {
            throw new IllegalArgumentException("--ready-timeout must be between 10 and 3600 seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    private static int portOffset(String value) {
        int offset;
        try {
            offset = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port-offset takes a number, not '" + value + "'");
        }
        if (offset < 0 || offset > 50_000) {
            throw new IllegalArgumentException("--port-offset must be between 0 and 50000");
        }
        return offset;
    }
}
