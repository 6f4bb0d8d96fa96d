package io.tousu.localstack.bench;

import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackOptions;
import io.tousu.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./tousu drill postgres}: the database goes away during the load. The drill's stack runs a
 * PostgreSQL of its own (never the machine's shared server): clients submit N complaints (each
 * retried with the same channel reference until intake takes it) while that server is stopped for
 * a while (a fast shutdown, cutting every connection) and started again on the same port and data.
 * Meanwhile intake must answer 503 {@code application/problem+json} with {@code Retry-After}, never
 * another 5xx, and so must the other services' reads, probed every second. Every complaint taken in
 * must survive and the counts must converge exactly as in {@link KillDrill}. Ends with PASS/FAIL.
 */
public final class PostgresDrill {

    static final String USAGE = """
            Usage: ./tousu drill postgres [options]

            Starts a throw-away stack with a PostgreSQL server of its own (initialised in the stack's state
            directory on a free port; the machine's server is never touched), submits complaints from
            several clients (retrying each with the same channel reference until intake takes it) and,
            once a third are in, stops that server for --down-seconds, then starts it again on the same
            port and data. Meanwhile intake's answers and a read of every service each second are counted:
            503 problem+json with Retry-After is the expected answer, any other 5xx fails the drill. Then
            waits until the counts settle and checks that nothing was lost or doubled: intake's complaints,
            escalation's tracked complaints and resolution clocks, reporting's facts all equal the number
            submitted. Ends with PASS/FAIL.

              --complaints N     complaints to submit (default 5000)
              --clients N        concurrent clients (default 16)
              --down-seconds N   how long PostgreSQL stays stopped (default 20)
              -h, --help         show this help""";

    private static final int DEFAULT_COMPLAINTS = 5_000;
    private static final int DEFAULT_CLIENTS = 16;
    private static final int DEFAULT_DOWN_SECONDS = 20;

    /** A read of each service, asked once a second while the database is away. */
    private static final Map<Service, String> PROBES = probes();

    private final OutageDrill.Options options;
    private final ProgressLog log = new ProgressLog(System.out);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Service, AnswerTally> probeAnswers = new EnumMap<>(Service.class);
    /** Minted here, not in a static field: minting logs, and logging must first be routed to the stack's log. */
    private final String probeToken = "Bearer " + Tokens.mint("drill-probe",
            List.of("agent", "supervisor", "inspector", "national"), null, null, Duration.ofHours(12));

    private PostgresDrill(OutageDrill.Options options) {
        this.options = options;
        PROBES.keySet().forEach(service -> probeAnswers.put(service, new AnswerTally()));
    }

    /** Entry point; the checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        OutageDrill.Options options = BenchLaunch.optionsOrExit("tousu drill postgres", USAGE, args,
                a -> OutageDrill.Options.parse(a, DEFAULT_COMPLAINTS, DEFAULT_CLIENTS, DEFAULT_DOWN_SECONDS),
                OutageDrill.Options::help);
        if (options == null) {
            return;
        }
        StackOptions stackOptions = DrillRun.stackOptions(b -> b.privatePostgres(true));
        BenchLaunch.routeLogsOrExit("tousu drill postgres", stackOptions);
        PostgresDrill drill = new PostgresDrill(options);
        BenchLaunch.runUntilDoneOrCtrlC(() -> drill.run(stackOptions) ? 0 : BenchLaunch.EXIT_FAILED);
    }

    private boolean run(StackOptions stackOptions) {
        log.say("drill", String.format(Locale.ROOT, "postgres drill: %,d complaints from %d clients, the stack's own "
                + "PostgreSQL stopped for %d s during the load; %s", options.drill().complaints(),
                options.drill().clients(), options.downSeconds(), MachineLoad.describe()));
        return DrillRun.run("tousu drill postgres", stackOptions, log, this::drill);
    }

    private boolean drill(Stack stack) throws Exception {
        if (!stack.embeddedPostgres()) {
            throw new IllegalStateException("the stack uses the machine's PostgreSQL; the drill stops only its own");
        }
        OutageDrill outage = new OutageDrill(options, log);
        outage.run(stack, new OutageDrill.Outage() {
            @Override
            public String what() {
                return "PostgreSQL";
            }

            @Override
            public void beforeStop(Stack s) throws InterruptedException {
                probe(s); // once with the database up: every read must answer 2xx then
            }

            @Override
            public void stop(Stack s) {
                probeAnswers.values().forEach(tally -> tally.outage(true));
                s.stopPostgres();
            }

            @Override
            public void whileDown(Stack s) throws InterruptedException {
                probe(s);
            }

            @Override
            public void start(Stack s) {
                s.startPostgresAgain();
                probeAnswers.values().forEach(tally -> tally.outage(false));
            }
        });
        int complaints = options.drill().complaints();
        outage.printIntakeAnswers("PostgreSQL");
        log.out().println();
        log.out().println(AnswerTally.header(String.format(Locale.ROOT, "reads while PostgreSQL was down (%d s)",
                outage.down().toSeconds())));
        probeAnswers.forEach((service, tally) -> log.out().println(tally.row("  " + service.shortName() + ": GET "
                + PROBES.get(service).replaceFirst("\\?.*", ""), true)));
        boolean exact = ExactCounts.settle(stack, complaints,
                String.format(Locale.ROOT, "after PostgreSQL was down %d s", outage.down().toSeconds()), log);

        AnswerTally intake = outage.intakeAnswers();
        long unavailable = intake.total(AnswerTally.Kind.UNAVAILABLE);
        long wrong = wrong(intake);
        for (AnswerTally tally : probeAnswers.values()) {
            unavailable += tally.total(AnswerTally.Kind.UNAVAILABLE);
            wrong += wrong(tally);
        }
        log.out().printf(Locale.ROOT, "503 problem+json answers: %,d; other 5xx (or 503 without problem+json and "
                + "Retry-After): %,d; taken in while PostgreSQL was down: %,d%n%n", unavailable, wrong,
                outage.takenWhileDown());
        List<String> failures = new ArrayList<>();
        if (!exact) {
            failures.add("counts differ (above)");
        }
        if (wrong > 0) {
            failures.add(String.format(Locale.ROOT, "%,d answers were a 5xx other than a 503 problem", wrong));
        }
        probeAnswers.forEach((service, tally) -> {
            if (tally.total(AnswerTally.Kind.OK) == 0 || tally.total(AnswerTally.Kind.NOT_TAKEN) > 0) {
                failures.add("the read of " + service.shortName() + " (GET " + PROBES.get(service) + ") did not answer "
                        + "2xx with the database up or was refused: " + OutageDrill.summary(tally, false));
            }
        });
        if (intake.duringOutage(AnswerTally.Kind.UNAVAILABLE) == 0) {
            failures.add("intake never answered 503 while PostgreSQL was down: the outage was not felt");
        }
        if (failures.isEmpty()) {
            log.out().printf(Locale.ROOT, "PASS: %,d complaints, %,d answers 503 problem+json while PostgreSQL was down "
                    + "and no other 5xx; nothing lost, nothing doubled%n", complaints, unavailable);
            return true;
        }
        log.out().printf(Locale.ROOT, "FAIL: %s%n", String.join("; ", failures));
        return false;
    }

    /** Answers that are neither taken nor a clear 503: an unclear 503 or any other 5xx. */
    private static long wrong(AnswerTally tally) {
        return tally.total(AnswerTally.Kind.UNCLEAR_503) + tally.total(AnswerTally.Kind.OTHER_5XX);
    }

    /** One read of every service; what it answers is counted. */
    private void probe(Stack stack) throws InterruptedException {
        for (Map.Entry<Service, String> probe : PROBES.entrySet()) {
            AnswerTally tally = probeAnswers.get(probe.getKey());
            URI url = stack.baseUrl(probe.getKey()).resolve(probe.getValue());
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Authorization", probeToken).header("Accept", "application/json").GET().build();
            try {
                tally.answered(http.send(request, HttpResponse.BodyHandlers.discarding()));
            } catch (IOException e) {
                tally.unanswered(e);
            }
        }
    }

    private static Map<Service, String> probes() {
        Map<Service, String> probes = new EnumMap<>(Service.class);
        probes.put(Service.INTAKE, "/api/v1/complaints?province=GD&size=1");
        probes.put(Service.ESCALATION, "/api/v1/escalations/overdue?province=GD&size=1");
        probes.put(Service.QUALITY, "/api/v1/inspections?province=GD&size=1");
        probes.put(Service.REPORTING, "/api/v1/indicators/counts?province=GD");
        return probes;
    }
}
