package io.tousu.localstack.bench;

import io.tousu.localstack.ProgressListener;
import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackException;
import io.tousu.localstack.StackOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * {@code ./tousu bench intake}: how fast intake-service takes complaints in, beside what PostgreSQL
 * itself achieves for the same writes on the same machine in the same run.
 *
 * <p>Starts a throw-away stack (Kafka, PostgreSQL, intake on free ports, its own database), warms
 * intake up, then runs three phases of {@code --seconds} each: pgbench doing intake's writes for one
 * complaint per transaction; intake with {@code --clients} clients sending as fast as it answers
 * (closed loop); intake at {@code --rate} complaints per second (open model, latency includes queueing).
 * Prints progress lines, then a table and the goals. Stops the stack at the end, on failure
 * and on Ctrl-C. A benchmark, not a test: it exits 0 whether or not the goals are met.
 */
public final class IntakeBenchmark {

    private static final int WARM_UP_COMPLAINTS = 500;
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(60);
    /** Far above what one machine sustains: bounds the saturation phase by count as well as by time. */
    private static final int MAX_SATURATED_RATE = 20_000;
    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final Duration RELAY_CATCH_UP_LIMIT = Duration.ofSeconds(30);
    /** Outbox gauges refreshed every second instead of every 5 s, so the figures read are current. */
    private static final String MONITOR_INTERVAL = "1s";
    /** An outbox lag below this means the relay keeps up (it polls every 100 ms). */
    private static final double RELAY_KEEPING_UP_SECONDS = 1;

    private final BenchOptions options;
    private final StackOptions stackOptions;
    private final PrintStream out;
    private final long began = System.nanoTime();

    private IntakeBenchmark(BenchOptions options, StackOptions stackOptions, PrintStream out) {
        this.options = options;
        this.stackOptions = stackOptions;
        this.out = out;
    }

    /** Entry point; see {@link BenchOptions#USAGE}. The checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        BenchOptions options = BenchLaunch.optionsOrExit("tousu bench intake", BenchOptions.USAGE, args, BenchOptions::parse, BenchOptions::help);
        if (options == null) {
            return;
        }
        Path home = BenchLaunch.home();
        StackOptions stackOptions = StackOptions.builder(home).isolated().services(List.of(Service.INTAKE))
                .systemProperty(Service.INTAKE, "tousu.outbox.monitor-interval", MONITOR_INTERVAL)
                .progress(ProgressListener.printingTo(System.out)).build();
        BenchLaunch.routeLogsOrExit("tousu bench intake", stackOptions);
        IntakeBenchmark bench = new IntakeBenchmark(options, stackOptions, System.out);
        BenchLaunch.runUntilDoneOrCtrlC(bench::run);
    }

    private int run() {
        say("bench", String.format(Locale.ROOT,
                "intake benchmark: %d s warm-up, %d s per phase, %d clients, %d/s fixed rate; %s",
                options.warmUp(), options.seconds(), options.clients(), options.rate(), MachineLoad.describe()));
        say("bench", "starting a throw-away stack with intake only (logs in " + stackOptions.stateDir().resolve("logs")
                + ")");
        Stack stack;
        try {
            stack = Stack.start(stackOptions);
        } catch (StackException e) {
            out.println(Thread.currentThread().isInterrupted() ? "Stopped before the stack was up."
                    : "tousu bench: the stack did not start (" + e.component() + "): " + e.getMessage());
            return BenchLaunch.EXIT_FAILED;
        }
        boolean clean = false;
        try {
            stack.finishClassDataTraining();
            clean = measure(stack);
            return 0;
        } catch (InterruptedException e) {
            say("bench", "interrupted; stopping the stack");
            return BenchLaunch.EXIT_FAILED;
        } catch (RuntimeException e) {
            say("bench", "failed: " + e.getMessage() + " (intake's log: " + stack.logFile(Service.INTAKE) + ")");
            return BenchLaunch.EXIT_FAILED;
        } finally {
            try {
                stack.close();
            } catch (StackException e) {
                out.println("tousu bench: " + e.getMessage());
            }
            if (clean && FileTrees.delete(stackOptions.stateDir())) {
                say("bench", "done; no errors, so the logs were removed");
            } else {
                say("bench", "logs kept in " + stack.logsDir());
            }
        }
    }

    /** Runs the phases and prints the table; true when no request or transaction failed. */
    private boolean measure(Stack stack) throws InterruptedException {
        IntakeClient intake = new IntakeClient(stack.baseUrl(Service.INTAKE));
        ComplaintRequests requests = ComplaintRequests.random();
        Duration phase = Duration.ofSeconds(options.seconds());
        int clients = options.clients();

        long warmUpErrors = 0;
        say("warm-up", WARM_UP_COMPLAINTS + " complaints, " + clients + " clients");
        LatencyStats warmUp = ClosedLoopLoad.run(intake, requests, clients,
                new PhaseLimit(WARM_UP_LIMIT, WARM_UP_COMPLAINTS), line -> say("warm-up", line));
        if (warmUp.count() == 0) {
            throw new IllegalStateException("intake took no warm-up complaint in (" + describe(warmUp.errors()) + ")");
        }
        say("warm-up", summary(warmUp));
        analyze(stack);
        List<ResultTable.Row> rows = new ArrayList<>();
        Optional<PgBench.Result> pgbench = runPgBench(stack, clients);
        pgbench.ifPresent(result -> rows.add(ResultTable.Row.ofPgBench(
                "pgbench (same writes, c=" + clients + ")", result)));
        Thread.sleep(PAUSE.toMillis());

        // right before the saturated phase, so that nothing runs between the JIT's work and the measure
        if (options.warmUp() > 0) {
            // the JIT is still compiling intake's hot paths: its rate keeps climbing for about 45 s here
            say("warm-up", options.warmUp() + " s more at saturation, while the JIT compiles intake's hot paths");
            Duration rest = Duration.ofSeconds(options.warmUp());
            LatencyStats compiled = ClosedLoopLoad.run(intake, requests, clients,
                    new PhaseLimit(rest, (long) MAX_SATURATED_RATE * options.warmUp()), line -> say("warm-up", line));
            say("warm-up", summary(compiled));
            warmUpErrors = compiled.errorCount();
            awaitRelay(intake);
            analyze(stack);
        }

        String saturatedLabel = "intake saturated (c=" + clients + ")";
        say("saturated", clients + " clients, each sending its next complaint when the last is answered, "
                + options.seconds() + " s");
        LatencyStats saturated = ClosedLoopLoad.run(intake, requests, clients,
                new PhaseLimit(phase, (long) MAX_SATURATED_RATE * options.seconds()), line -> say("saturated", line));
        say("saturated", summary(saturated));
        rows.add(ResultTable.Row.of(saturatedLabel, saturated));
        awaitRelay(intake);

        String fixedLabel = "intake at " + options.rate() + "/s";
        say("fixed-rate", options.rate() + " complaints/s on schedule (latency counted from when each was due), "
                + options.seconds() + " s");
        LatencyStats fixed = FixedRateLoad.run(intake, requests, options.rate(),
                new PhaseLimit(phase, (long) options.rate() * options.seconds()), line -> say("fixed-rate", line));
        say("fixed-rate", summary(fixed));
        rows.add(ResultTable.Row.of(fixedLabel, fixed));
        String outbox = outboxLine(intake);

        out.println();
        out.print(ResultTable.format(rows));
        out.println();
        out.print(ResultTable.goals(pgbench.map(r -> OptionalDouble.of(r.summary().tps())).orElse(OptionalDouble.empty()),
                saturated.ratePerSecond(), options.rate(), fixed));
        out.println(outbox);
        printErrors(saturatedLabel, saturated, stack);
        printErrors(fixedLabel, fixed, stack);
        out.println("machine: " + MachineLoad.describe() + " (other work on the machine makes the figures noisy)");
        out.println();
        return warmUp.errorCount() + warmUpErrors + saturated.errorCount() + fixed.errorCount() == 0
                && pgbench.map(r -> r.summary().failed() == 0).orElse(true);
    }

    /** pgbench's phase, or empty (with the reason printed) when pgbench is missing or fails. */
    private Optional<PgBench.Result> runPgBench(Stack stack, int clients) throws InterruptedException {
        Optional<PgBench> found = PgBench.onPath();
        if (found.isEmpty()) {
            say("pgbench", "not found on the PATH (it comes with the PostgreSQL client, e.g. apt-get install"
                    + " postgresql-client); measuring intake only");
            return Optional.empty();
        }
        DatabaseTarget db = DatabaseTarget.fromJdbcUrl(stack.jdbcUrl(Service.INTAKE), stack.databaseUser(),
                stack.databasePassword());
        say("pgbench", found.get().executable() + ": intake's writes for one complaint per transaction into copies of"
                + " its tables in " + db.database() + " on " + db.host() + ":" + db.port() + ", " + clients
                + " clients, " + options.seconds() + " s");
        try {
            PgBench.Result result = found.get().run(db, clients, options.seconds(), line -> say("pgbench", line));
            say("pgbench", String.format(Locale.ROOT, "%d transactions, %.1f/s, mean %.1f ms, %d failed",
                    result.summary().transactions(), result.summary().tps(), result.summary().latencyAverageMs(),
                    result.summary().failed()));
            return Optional.of(result);
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            say("pgbench", "failed: " + e.getMessage() + "; measuring intake only");
            return Optional.empty();
        }
    }

    /**
     * Gathers the planner's statistics of intake's tables now that they hold the warm-up's rows, as
     * autovacuum does on a production server soon after a table starts filling. Without it, on a
     * PostgreSQL with autovacuum off (as on the development machines here), the plans intake's cached
     * prepared statements were given while the tables were empty stay: sequential scans of a growing
     * table, which slowed intake down over the run (a lookup reading 80 million rows in 40 s).
     */
    private void analyze(Stack stack) {
        try (Connection db = stack.connect(Service.INTAKE); Statement statement = db.createStatement()) {
            String autovacuum;
            try (ResultSet rows = statement.executeQuery("show autovacuum")) {
                autovacuum = rows.next() ? rows.getString(1) : "unknown";
            }
            statement.execute("analyze");
            say("warm-up", "analyzed intake's tables, as autovacuum would (autovacuum here: " + autovacuum + ")");
        } catch (SQLException e) {
            say("warm-up", "could not analyze intake's tables (" + e.getMessage() + "); plans may be poor");
        }
    }

    /** Waits until the relay has published what the last phase wrote, so it does not weigh on the next. */
    private void awaitRelay(IntakeClient intake) throws InterruptedException {
        long deadline = System.nanoTime() + RELAY_CATCH_UP_LIMIT.toNanos();
        Thread.sleep(PAUSE.toMillis());
        OutboxState state = outbox(intake);
        if (state.pending() > 0) {
            say("relay", state.pending() + " events not yet published; waiting up to "
                    + RELAY_CATCH_UP_LIMIT.toSeconds() + " s for the relay to catch up");
        }
        while (state.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            state = outbox(intake);
        }
        if (state.pending() > 0) {
            say("relay", "still " + state.pending() + " events behind; going on");
        }
    }

    private String outboxLine(IntakeClient intake) throws InterruptedException {
        OutboxState state = outbox(intake);
        return String.format(Locale.ROOT, "%-28s %s", String.format(Locale.ROOT, "outbox lag at end: %.2f s",
                state.lagSeconds()), state.pending() + " events waiting -> relay "
                + (state.lagSeconds() < RELAY_KEEPING_UP_SECONDS ? "keeping up" : "falling behind"));
    }

    private static OutboxState outbox(IntakeClient intake) throws InterruptedException {
        try {
            return OutboxState.parse(intake.metrics());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read intake's metrics: " + e.getMessage(), e);
        }
    }

    private void printErrors(String phase, LatencyStats stats, Stack stack) {
        if (stats.errorCount() > 0) {
            out.println("errors in " + phase + ": " + describe(stats.errors()) + " (see "
                    + stack.logFile(Service.INTAKE) + ")");
        }
    }

    private static String summary(LatencyStats stats) {
        return String.format(Locale.ROOT, "%d complaints in %.1f s, %.1f/s, p50 %.1f ms, p99 %.1f ms, %d errors%s",
                stats.count(), stats.elapsed().toMillis() / 1000.0, stats.ratePerSecond(), stats.p50Ms(),
                stats.p99Ms(), stats.errorCount(), stats.errorCount() == 0 ? "" : " (" + describe(stats.errors()) + ")");
    }

    /** {@code HTTP 503 x3, timeout x1} */
    private static String describe(Map<String, Long> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    private void say(String component, String message) {
        out.println(ProgressListener.format(Duration.ofNanos(System.nanoTime() - began), component, message));
    }

}
