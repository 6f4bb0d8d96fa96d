package io.tousu.localstack.bench;

import io.tousu.localstack.ProgressListener;
import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackException;
import io.tousu.localstack.StackOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./tousu drill kill}: the reliability drill "nothing lost, nothing doubled". On a throw-away
 * stack, clients submit N complaints (each retried with the same channel reference until intake
 * takes it, as a channel would) while each service in turn is killed with SIGKILL and started
 * again. Afterwards intake must hold exactly N complaints, escalation exactly N tracked complaints
 * with N resolution clocks, and reporting exactly N complaint facts. Ends with a PASS or FAIL line
 * (exit status 0 or 1). It lives beside the benchmarks to share their HTTP client.
 */
public final class KillDrill {

    static final String USAGE = """
            Usage: ./tousu drill kill [options]

            Starts a throw-away stack, submits complaints from several clients (retrying each with the
            same channel reference until intake takes it) and kills -9 intake, escalation, quality and
            reporting in turn during the load, restarting each. Then waits until the counts settle and
            checks that nothing was lost or doubled: intake's complaints, escalation's tracked complaints
            and resolution clocks, reporting's facts all equal the number submitted. Ends with PASS/FAIL.

              --complaints N  complaints to submit (default 20000)
              --clients N     concurrent clients (default 16)
              -h, --help      show this help""";

    private static final int DEFAULT_COMPLAINTS = 20_000;
    private static final int DEFAULT_CLIENTS = 16;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);
    private static final List<Service> VICTIMS = List.of(Service.INTAKE, Service.ESCALATION, Service.QUALITY,
            Service.REPORTING);

    private final int complaints;
    private final int clients;
    private final StackOptions stackOptions;
    private final PrintStream out;
    private final long began = System.nanoTime();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    private KillDrill(int complaints, int clients, StackOptions stackOptions, PrintStream out) {
        this.complaints = complaints;
        this.clients = clients;
        this.stackOptions = stackOptions;
        this.out = out;
    }

    /** The command line: {@code --complaints N --clients N}, or {@code --help}. */
    record Options(boolean help, int complaints, int clients) {

        static Options parse(String[] args) {
            boolean help = false;
            int complaints = DEFAULT_COMPLAINTS;
            int clients = DEFAULT_CLIENTS;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> help = true;
                    case "--complaints" -> complaints = number(args, ++i, "--complaints", 10, 1_000_000);
                    case "--clients" -> clients = number(args, ++i, "--clients", 1, 256);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            return new Options(help, complaints, clients);
        }

        private static int number(String[] args, int i, String option, int min, int max) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            int n;
            try {
                n = Integer.parseInt(args[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a number, not '" + args[i] + "'");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
            }
            return n;
        }
    }

    /** Entry point; the checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        Options options = BenchLaunch.optionsOrExit("tousu drill kill", USAGE, args, Options::parse, Options::help);
        if (options == null) {
            return;
        }
        StackOptions stackOptions = StackOptions.builder(BenchLaunch.home()).isolated()
                .readyTimeout(Duration.ofSeconds(240)).progress(ProgressListener.printingTo(System.out)).build();
        BenchLaunch.routeLogsOrExit("tousu drill kill", stackOptions);
        KillDrill drill = new KillDrill(options.complaints(), options.clients(), stackOptions, System.out);
        BenchLaunch.runUntilDoneOrCtrlC(() -> drill.run() ? 0 : BenchLaunch.EXIT_FAILED);
    }

    private boolean run() {
        say("drill", String.format(Locale.ROOT, "kill drill: %,d complaints from %d clients, each service killed -9 "
                + "once during the load; %s", complaints, clients, MachineLoad.describe()));
        Stack stack;
        try {
            stack = Stack.start(stackOptions);
        } catch (StackException e) {
            out.println("tousu drill kill: the stack did not start (" + e.component() + "): " + e.getMessage());
            return false;
        }
        try (stack) {
            return drill(stack);
        } catch (InterruptedException e) {
            say("drill", "interrupted");
            return false;
        } catch (RuntimeException | SQLException e) {
            say("drill", "failed: " + e + " (logs in " + stack.logsDir() + ")");
            return false;
        } finally {
            say("drill", "logs kept in " + stack.logsDir());
        }
    }

    private boolean drill(Stack stack) throws InterruptedException, SQLException {
        IntakeClient intake = new IntakeClient(stack.baseUrl(Service.INTAKE));
        ComplaintRequests requests = ComplaintRequests.random();
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (next.getAndIncrement() < complaints && !Thread.currentThread().isInterrupted()) {
                    submitUntilTaken(intake, requests.next());
                }
                return null;
            });
        }
        pool.shutdown();
        // the killer: each service once, at evenly spaced points of the load
        for (int v = 0; v < VICTIMS.size(); v++) {
            long at = (long) complaints * (v + 1) / (VICTIMS.size() + 1);
            while (accepted.get() < at && !pool.isTerminated()) {
                Thread.sleep(200);
            }
            Service victim = VICTIMS.get(v);
            say("kill", String.format(Locale.ROOT, "%,d of %,d taken in; kill -9 %s", accepted.get(), complaints,
                    victim.moduleName()));
            stack.killService(victim);
            stack.startService(victim);
            say("kill", victim.moduleName() + " is back");
        }
        while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            say("load", String.format(Locale.ROOT, "%,d of %,d taken in (%,d retries)", accepted.get(), complaints,
                    retries.get()));
        }
        say("load", String.format(Locale.ROOT, "all %,d taken in (%,d retries while services were down)", accepted.get(),
                retries.get()));
        return settle(stack);
    }

    /** Submits one complaint until intake answers 201 (taken in) or 200 (it already had it). */
    private void submitUntilTaken(IntakeClient intake, String body) throws InterruptedException {
        while (true) {
            try {
                int status = intake.submit(body);
                if (status == 201 || status == 200) {
                    accepted.incrementAndGet();
                    return;
                }
                if (status >= 400 && status < 500) {
                    throw new IllegalStateException("intake refused a drill complaint with " + status);
                }
            } catch (IOException e) {
                // intake is down or restarting: the channel keeps the complaint and tries again
            }
            retries.incrementAndGet();
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }

    /** Waits until every count equals the complaints submitted (or the limit passes); prints the table. */
    private boolean settle(Stack stack) throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        Map<String, Long> counts = counts(stack);
        long lastSaid = System.nanoTime();
        while (!allEqual(counts) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            counts = counts(stack);
            if (System.nanoTime() - lastSaid > Duration.ofSeconds(10).toNanos()) {
                say("settle", counts.toString());
                lastSaid = System.nanoTime();
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%-46s %10s %10s%n", "after kill -9 of every service", "expected", "found");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            out.printf(Locale.ROOT, "%-46s %,10d %,10d%s%n", e.getKey(), complaints, e.getValue(),
                    e.getValue() == complaints ? "" : e.getValue() < complaints ? "  LOST" : "  DOUBLED");
            if (e.getValue() != complaints) {
                wrong.add(e.getKey());
            }
        }
        out.println();
        if (wrong.isEmpty()) {
            out.printf(Locale.ROOT, "PASS: %,d complaints, nothing lost, nothing doubled%n", complaints);
            return true;
        }
        out.printf(Locale.ROOT, "FAIL: %s differ after %d s%n", String.join(", ", wrong), SETTLE_LIMIT.toSeconds());
        return false;
    }

    private boolean allEqual(Map<String, Long> counts) {
        return counts.values().stream().allMatch(n -> n == complaints);
    }

    private static Map<String, Long> counts(Stack stack) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("intake: complaints", count(stack, Service.INTAKE, "select count(*) from complaints"));
        counts.put("escalation: tracked complaints", count(stack, Service.ESCALATION,
                "select count(*) from tracked_complaints"));
        counts.put("escalation: resolution clocks armed", count(stack, Service.ESCALATION,
                "select count(*) from sla_clocks where kind = 'RESOLUTION'"));
        counts.put("reporting: complaint facts", count(stack, Service.REPORTING, "select count(*) from complaint_facts"));
        return counts;
    }

    private static long count(Stack stack, Service service, String sql) throws SQLException {
        try (Connection c = stack.connect(service); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void say(String component, String message) {
        out.println(ProgressListener.format(Duration.ofNanos(System.nanoTime() - began), component, message));
    }
}
