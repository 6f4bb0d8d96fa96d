package io.tousu.localstack.bench;

import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./tousu drill kafka}: the broker goes away during the load. On a throw-away stack, clients
 * submit N complaints (each retried with the same channel reference until intake takes it) while
 * the Kafka broker is stopped for a while and then started again on the same port and log
 * directory. Intake must go on taking complaints in meanwhile (they wait in its outbox), every one
 * of its answers must be a 2xx, and afterwards the counts must converge exactly as in
 * {@link KillDrill}: intake N complaints, escalation N tracked complaints with N resolution clocks,
 * reporting N complaint facts. Ends with a PASS or FAIL line (exit status 0 or 1). The stack runs a
 * PostgreSQL of its own, so that the drill neither competes with others for the connections of the
 * machine's shared server nor fails for their lack.
 */
public final class KafkaDrill {

    static final String USAGE = """
            Usage: ./tousu drill kafka [options]

            Starts a throw-away stack, submits complaints from several clients (retrying each with the
            same channel reference until intake takes it) and, once a third are in, stops the Kafka broker
            for --down-seconds, then starts it again on the same port and data. Intake must keep taking
            complaints in while the broker is away (its outbox keeps them), answering nothing but 2xx.
            Then waits until the counts settle and checks that nothing was lost or doubled: intake's
            complaints, escalation's tracked complaints and resolution clocks, reporting's facts all equal
            the number submitted. Ends with PASS/FAIL.

              --complaints N     complaints to submit (default 5000)
              --clients N        concurrent clients (default 16)
              --down-seconds N   how long the broker stays stopped (default 30)
              -h, --help         show this help""";

    private static final int DEFAULT_COMPLAINTS = 5_000;
    private static final int DEFAULT_CLIENTS = 16;
    private static final int DEFAULT_DOWN_SECONDS = 30;

    private final OutageDrill.Options options;
    private final ProgressLog log = new ProgressLog(System.out);
    /** Intake's events waiting in its outbox when the broker came back. */
    private long outboxBacklog = -1;

    private KafkaDrill(OutageDrill.Options options) {
        this.options = options;
    }

    /** Entry point; the checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        OutageDrill.Options options = BenchLaunch.optionsOrExit("tousu drill kafka", USAGE, args,
                a -> OutageDrill.Options.parse(a, DEFAULT_COMPLAINTS, DEFAULT_CLIENTS, DEFAULT_DOWN_SECONDS),
                OutageDrill.Options::help);
        if (options == null) {
            return;
        }
        // a PostgreSQL of its own: the four services' pools must not crowd the machine's shared server
        StackOptions stackOptions = DrillRun.stackOptions(b -> b.privatePostgres(true));
        BenchLaunch.routeLogsOrExit("tousu drill kafka", stackOptions);
        KafkaDrill drill = new KafkaDrill(options);
        BenchLaunch.runUntilDoneOrCtrlC(() -> drill.run(stackOptions) ? 0 : BenchLaunch.EXIT_FAILED);
    }

    private boolean run(StackOptions stackOptions) {
        log.say("drill", String.format(Locale.ROOT, "kafka drill: %,d complaints from %d clients, the broker stopped "
                + "for %d s during the load; %s", options.drill().complaints(), options.drill().clients(),
                options.downSeconds(), MachineLoad.describe()));
        return DrillRun.run("tousu drill kafka", stackOptions, log, this::drill);
    }

    private boolean drill(Stack stack) throws Exception {
        OutageDrill outage = new OutageDrill(options, log);
        outage.run(stack, new OutageDrill.Outage() {
            @Override
            public String what() {
                return "Kafka";
            }

            @Override
            public void stop(Stack s) {
                s.stopKafka();
            }

            @Override
            public void beforeStart(Stack s) throws Exception {
                outboxBacklog = ExactCounts.count(s, Service.INTAKE,
                        "select count(*) from outbox_events where sent_at is null");
                log.say("outage", String.format(Locale.ROOT, "%,d events wait in intake's outbox", outboxBacklog));
            }

            @Override
            public void start(Stack s) {
                s.startKafkaAgain();
            }
        });
        int complaints = options.drill().complaints();
        outage.printIntakeAnswers("Kafka");
        boolean exact = ExactCounts.settle(stack, complaints,
                String.format(Locale.ROOT, "after Kafka was down %d s", outage.down().toSeconds()), log);
        AnswerTally answers = outage.intakeAnswers();
        long notTaken = answers.total(AnswerTally.Kind.UNAVAILABLE) + answers.total(AnswerTally.Kind.UNCLEAR_503)
                + answers.total(AnswerTally.Kind.OTHER_5XX) + answers.total(AnswerTally.Kind.NOT_TAKEN)
                + answers.total(AnswerTally.Kind.NO_ANSWER);
        log.out().printf(Locale.ROOT, "taken in while Kafka was down: %,d; intake's outbox held %,d events when it "
                + "came back%n%n", outage.takenWhileDown(), outboxBacklog);
        List<String> failures = new ArrayList<>();
        if (!exact) {
            failures.add("counts differ (above)");
        }
        if (notTaken > 0) {
            failures.add(String.format(Locale.ROOT, "intake answered %,d submissions with something other than 2xx "
                    + "(%s)", notTaken, OutageDrill.summary(answers, false)));
        }
        if (outage.takenWhileDown() == 0) {
            failures.add("intake took nothing in while Kafka was down");
        }
        if (outboxBacklog <= 0) {
            failures.add("nothing waited in intake's outbox: the outage was not felt");
        }
        if (failures.isEmpty()) {
            log.out().printf(Locale.ROOT, "PASS: %,d complaints, %,d of them taken in while Kafka was down; nothing "
                    + "lost, nothing doubled%n", complaints, outage.takenWhileDown());
            return true;
        }
        log.out().printf(Locale.ROOT, "FAIL: %s%n", String.join("; ", failures));
        return false;
    }
}
