package io.tousu.localstack.bench;

import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackOptions;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

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
    private static final List<Service> VICTIMS = List.of(Service.INTAKE, Service.ESCALATION, Service.QUALITY,
            Service.REPORTING);

    private final int complaints;
    private final int clients;
    private final ProgressLog log = new ProgressLog(System.out);

    private KillDrill(DrillOptions options) {
        this.complaints = options.complaints();
        this.clients = options.clients();
    }

    /** Entry point; the checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        DrillOptions options = BenchLaunch.optionsOrExit("tousu drill kill", USAGE, args,
                a -> DrillOptions.parse(a, DEFAULT_COMPLAINTS, DEFAULT_CLIENTS), DrillOptions::help);
        if (options == null) {
            return;
        }
        StackOptions stackOptions = DrillRun.stackOptions(b -> b);
        BenchLaunch.routeLogsOrExit("tousu drill kill", stackOptions);
        KillDrill drill = new KillDrill(options);
        BenchLaunch.runUntilDoneOrCtrlC(() -> drill.run(stackOptions) ? 0 : BenchLaunch.EXIT_FAILED);
    }

    private boolean run(StackOptions stackOptions) {
        log.say("drill", String.format(Locale.ROOT, "kill drill: %,d complaints from %d clients, each service killed -9 "
                + "once during the load; %s", complaints, clients, MachineLoad.describe()));
        return DrillRun.run("tousu drill kill", stackOptions, log, this::drill);
    }

    private boolean drill(Stack stack) throws InterruptedException, SQLException {
        RetryingLoad load = new RetryingLoad(List.of(new IntakeClient(stack.baseUrl(Service.INTAKE))),
                ComplaintRequests.random(), complaints, clients);
        load.start();
        // the killer: each service once, at evenly spaced points of the load
        for (int v = 0; v < VICTIMS.size(); v++) {
            load.awaitAccepted((long) complaints * (v + 1) / (VICTIMS.size() + 1));
            Service victim = VICTIMS.get(v);
            log.say("kill", String.format(Locale.ROOT, "%,d of %,d taken in; kill -9 %s", load.accepted(), complaints,
                    victim.moduleName()));
            stack.killService(victim);
            stack.startService(victim);
            log.say("kill", victim.moduleName() + " is back");
        }
        load.awaitDone(line -> log.say("load", line));
        log.say("load", String.format(Locale.ROOT, "all %,d taken in (%,d retries while services were down)",
                load.accepted(), load.retries()));
        boolean exact = ExactCounts.settle(stack, complaints, "after kill -9 of every service", log);
        log.out().printf(Locale.ROOT, exact ? "PASS: %,d complaints, nothing lost, nothing doubled%n"
                : "FAIL: %,d complaints, counts differ (above)%n", complaints);
        return exact;
    }
}
