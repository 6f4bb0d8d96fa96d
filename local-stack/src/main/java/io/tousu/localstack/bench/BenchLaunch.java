package io.tousu.localstack.bench;

import io.tousu.localstack.LibraryLogging;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackOptions;
import io.tousu.localstack.Threads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * What the main method of every benchmark and drill does around its own work: parse the options
 * (usage on {@code --help}, the reason and the usage on a wrong one), find the checkout, send the
 * broker's and the database's logging to the stack's log, and run until done or Ctrl-C (which
 * interrupts the run and waits for it to stop its stack) with the run's exit status.
 */
final class BenchLaunch {

    /** The run failed (or a drill found a difference). */
    static final int EXIT_FAILED = 1;
    /** The command line was wrong. */
    static final int EXIT_USAGE = 2;

    private BenchLaunch() {
    }

    /**
     * The parsed options, or null once the usage was printed for {@code --help}; exits with
     * {@link #EXIT_USAGE} when {@code parse} refuses the arguments.
     *
     * @param command as the user typed it, for messages, e.g. {@code tousu bench e2e}
     */
    static <T> T optionsOrExit(String command, String usage, String[] args, Function<String[], T> parse,
            Predicate<T> help) {
        T options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            System.err.println();
            System.err.println(usage);
            System.exit(EXIT_USAGE);
            return null;
        }
        if (help.test(options)) {
            System.out.println(usage);
            return null;
        }
        return options;
    }

    /** The checkout, from the system property {@code tousu.home} that the {@code ./tousu} script sets. */
    static Path home() {
        return Path.of(System.getProperty("tousu.home", "")).toAbsolutePath().normalize();
    }

    /** Sends library logging to the stack log of {@code options}; exits with {@link #EXIT_FAILED} if it cannot. */
    static void routeLogsOrExit(String command, StackOptions options) {
        Path stackLog = options.stateDir().resolve("logs").resolve(Stack.STACK_LOG);
        try {
            LibraryLogging.routeTo(stackLog);
        } catch (IOException e) {
            System.err.println(command + ": cannot create " + stackLog.getParent() + ": " + e.getMessage());
            System.exit(EXIT_FAILED);
        }
    }

    /** Runs {@code run}; Ctrl-C interrupts it and waits until it has stopped; exits with its status. */
    static void runUntilDoneOrCtrlC(IntSupplier run) {
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            main.interrupt();
            Threads.joinUninterruptibly(main);
        }, "tousu-bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = run.getAsInt();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            return;
        }
        System.exit(status);
    }
}
