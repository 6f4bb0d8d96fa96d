package io.tousu.localstack;

import io.tousu.localstack.demo.DemoOptions;
import io.tousu.localstack.demo.DemoTraffic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./tousu up}: starts the whole stack on the standard ports, prints where everything is, and
 * runs until Ctrl-C, when it stops the services, Kafka and an embedded PostgreSQL in that order.
 *
 * <p>The checkout is taken from the system property {@code tousu.home} (the script sets it), else the
 * working directory.
 */
public final class LocalStackMain {

    private static final int EXIT_FAILED = 1;
    private static final int EXIT_USAGE = 2;

    private final StackOptions options;
    private final DemoOptions demo;
    private final PrintStream out;
    private final PrintStream err;
    private volatile boolean shuttingDown;

    private LocalStackMain(StackOptions options, DemoOptions demo, PrintStream out, PrintStream err) {
        this.options = options;
        this.demo = demo;
        this.out = out;
        this.err = err;
    }

    /** Entry point; see {@link LaunchArguments#USAGE}. */
    public static void main(String[] args) {
        LaunchArguments arguments;
        try {
            arguments = LaunchArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tousu up: " + e.getMessage());
            System.err.println();
            System.err.println(LaunchArguments.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        if (arguments.help()) {
            System.out.println(LaunchArguments.USAGE);
            return;
        }
        Path home = Path.of(System.getProperty("tousu.home", "")).toAbsolutePath().normalize();
        StackOptions options = arguments.toOptions(home, ProgressListener.printingTo(System.out));
        routeLibraryLogging(options.stateDir().resolve(Stack.LOGS_DIR).resolve(Stack.STACK_LOG));
        DemoOptions demo = arguments.demo() ? DemoOptions.untilStopped(arguments.demoSpeed(), 0) : null;
        new LocalStackMain(options, demo, System.out, System.err).run();
    }

    /** Sends the broker's and the embedded database's logging to {@code file}; exits if that cannot be. */
    private static void routeLibraryLogging(Path file) {
        try {
            LibraryLogging.routeTo(file);
        } catch (IOException e) {
            System.err.println("tousu up: cannot create " + file.getParent() + ": " + e.getMessage());
            System.exit(EXIT_FAILED);
        }
    }

    /** Starts the stack and blocks until Ctrl-C; exits with 1 if the stack cannot start. */
    private void run() {
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            shuttingDown = true;
            main.interrupt();
            Threads.joinUninterruptibly(main);
        }, "tousu-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Starting Tousu from " + options.home() + " (state in " + options.stateDir() + ")");
        long began = System.nanoTime();
        Stack stack;
        try {
            stack = Stack.start(options);
        } catch (StackException e) {
            if (shuttingDown) {
                out.println("Stopped before the stack was up.");
                return;
            }
            err.println();
            err.println("Tousu did not start (" + e.component() + "): " + e.getMessage());
            exit(hook, EXIT_FAILED);
            return;
        }
        DemoTraffic traffic = null;
        try {
            out.println();
            out.printf(Locale.ROOT, "Tousu is up (%.1f s). Ctrl-C stops it; the data stays for the next ./tousu up"
                    + " (--fresh starts empty).%n%n", (System.nanoTime() - began) / 1e9);
            out.print(Summary.of(stack));
            out.flush();
            if (demo != null) {
                out.println();
                traffic = DemoTraffic.against(stack.ports(), demo, out);
                if (!traffic.start()) {
                    traffic = null;
                }
            }
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // Ctrl-C: the shutdown hook interrupted us; stop below
        } finally {
            out.println();
            if (traffic != null) {
                traffic.stop();
            }
            out.println("Stopping Tousu...");
            try {
                stack.close();
                out.println("Tousu stopped.");
            } catch (StackException e) {
                err.println(e.getMessage());
            }
        }
    }

    /** Exits with {@code status} unless the JVM is already shutting down (then the hook is waiting for us). */
    private void exit(Thread hook, int status) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            return;
        }
        System.exit(status);
    }
}
