package io.tousu.localstack.bench;

import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackOptions;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./tousu drill replicas}: every service twice. On a throw-away stack a second replica of
 * each service starts beside the first (same database, same consumer group, a port of its own),
 * the provinces get SLA policies of seconds, and N complaints are submitted spread over both intake
 * replicas and left unhandled, so every clock warns, breaches and climbs the escalation chain while
 * both escalation replicas fire. Then the exact counts of the kill drill must hold (intake N,
 * escalation N tracked complaints and N resolution clocks, reporting N facts), every clock must have
 * breached and every complaint reached each level of the chain exactly once (in escalation's history,
 * its events and reporting), no warning or deadline may have fired twice, and every event must be on
 * its topic exactly once (one relay at a time). PASS or FAIL.
 */
public final class ReplicasDrill {

    static final String USAGE = """
            Usage: ./tousu drill replicas [options]

            Starts a throw-away stack plus a second replica of every service (same database, same
            consumer group, another port), installs SLA policies of seconds for the provinces used
            (first response 20 s, resolution 40 s, warnings 10 s ahead, 10 s per escalation level),
            submits complaints spread over both intake replicas and leaves them unhandled. Checks the
            kill drill's exact counts, that every clock breached and every complaint reached each level
            once (escalation's history and events, reporting), that no deadline fired twice, that every
            event is on its topic once, and which replica fired how many. Ends with PASS/FAIL.

              --complaints N  complaints to submit (default 5000)
              --clients N     concurrent clients, spread over the intake replicas (default 16)
              -h, --help      show this help""";

    private static final int DEFAULT_COMPLAINTS = 5_000;
    private static final int DEFAULT_CLIENTS = 16;
    private static final Duration FIRING_LIMIT = Duration.ofMinutes(5);
    private static final int CLOCKS_PER_COMPLAINT = DrillPolicies.CLOCKS_PER_COMPLAINT;
    private static final int LEVELS = DrillPolicies.LEVELS;
    /** Reactive connections of each replica's pool. */
    private static final int POOL = 8;

    private final DrillOptions options;
    private final ProgressLog log = new ProgressLog(System.out);
    private final JsonApi api = new JsonApi();

    private ReplicasDrill(DrillOptions options) {
        this.options = options;
    }

    /** Entry point; the checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        DrillOptions options = BenchLaunch.optionsOrExit("tousu drill replicas", USAGE, args,
                a -> DrillOptions.parse(a, DEFAULT_COMPLAINTS, DEFAULT_CLIENTS), DrillOptions::help);
        if (options == null) {
            return;
        }
        StackOptions stackOptions = DrillRun.stackOptions(ReplicasDrill::eightJvmsOnOneDatabase);
        BenchLaunch.routeLogsOrExit("tousu drill replicas", stackOptions);
        ReplicasDrill drill = new ReplicasDrill(options);
        BenchLaunch.runUntilDoneOrCtrlC(() -> drill.run(stackOptions) ? 0 : BenchLaunch.EXIT_FAILED);
    }

    /**
     * Eight service JVMs with the default pools (20 reactive connections each, plus Flyway's) do not
     * fit PostgreSQL's 100 connections: the stack gets a PostgreSQL of its own (not shared with other
     * stacks on the machine) and each replica a pool of {@link #POOL} connections, as a deployment of
     * two replicas would size them.
     */
    private static StackOptions.Builder eightJvmsOnOneDatabase(StackOptions.Builder builder) {
        builder.privatePostgres(true);
        for (Service service : Service.values()) {
            builder.systemProperty(service, "quarkus.datasource.reactive.max-size", String.valueOf(POOL))
                    .systemProperty(service, "quarkus.datasource.jdbc.max-size", "2");
        }
        return builder;
    }

    private boolean run(StackOptions stackOptions) {
        log.say("drill", String.format(Locale.ROOT, "replicas drill: two replicas of every service, %,d complaints "
                + "from %d clients over both intakes, deadlines of seconds; %s", options.complaints(),
                options.clients(), MachineLoad.describe()));
        return DrillRun.run("tousu drill replicas", stackOptions, log, this::drill);
    }

    private boolean drill(Stack stack) throws Exception {
        DrillPolicies.install(stack, api, ComplaintRequests.PROVINCES);
        log.say("policies", "SLA policies of seconds for HOTLINE complaints of " + ComplaintRequests.PROVINCES);
        Map<Service, List<URI>> urls = new EnumMap<>(Service.class);
        for (Service service : stack.services()) {
            urls.put(service, List.of(stack.baseUrl(service), stack.startReplica(service)));
        }
        List<IntakeClient> intakes = urls.get(Service.INTAKE).stream().map(IntakeClient::new).toList();
        try (ConsumerGroups kafka = new ConsumerGroups(stack.kafkaBootstrapServers())) {
            RetryingLoad load = new RetryingLoad(intakes, ComplaintRequests.random(), options.complaints(),
                    options.clients());
            load.start();
            load.awaitDone(line -> log.say("load", line));
            log.say("load", String.format(Locale.ROOT, "all %,d taken in: %,d by intake, %,d by intake-2 (%,d retries)",
                    load.accepted(), load.acceptedBy(0), load.acceptedBy(1), load.retries()));
            Map<String, Integer> members = new LinkedHashMap<>();
            for (Service service : List.of(Service.ESCALATION, Service.QUALITY, Service.REPORTING)) {
                members.put(service.moduleName(), kafka.members(service.moduleName()));
            }
            log.say("groups", "consumer group members (both replicas' consumers): " + members);

            boolean exact = ExactCounts.settle(stack, options.complaints(), "with two replicas of every service", log);
            awaitAllFired(stack);
            List<String> failures = new ArrayList<>();
            firingTable(stack, kafka, urls.get(Service.ESCALATION), failures);
            if (!exact) {
                failures.add(0, "the exact counts differ");
            }
            log.out().println();
            if (failures.isEmpty()) {
                log.out().printf(Locale.ROOT, "PASS: %,d complaints over two replicas of every service; nothing lost, "
                        + "nothing doubled, every deadline fired once%n", options.complaints());
                return true;
            }
            log.out().println("FAIL: " + String.join("; ", failures));
            return false;
        }
    }

    /** Waits until no clock is running any more: every one has climbed to the top of the chain. */
    private void awaitAllFired(Stack stack) throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + FIRING_LIMIT.toNanos();
        long lastSaid = 0;
        while (true) {
            long running = ExactCounts.count(stack, Service.ESCALATION,
                    "select count(*) from sla_clocks where state = 'RUNNING'");
            long unsent = ExactCounts.count(stack, Service.ESCALATION,
                    "select count(*) from outbox_events where sent_at is null");
            long escalated = ExactCounts.count(stack, Service.ESCALATION,
                    "select count(*) from outbox_events where event_type = 'ComplaintEscalated'");
            long reported = ExactCounts.count(stack, Service.REPORTING, "select count(*) from complaint_escalations");
            if (running == 0 && unsent == 0 && reported >= escalated) {
                log.say("firing", "no clock is running any more, escalation's outbox is empty and reporting has "
                        + "every escalation");
                return;
            }
            if (System.nanoTime() > deadline) {
                log.say("firing", String.format(Locale.ROOT, "after %d s %,d clocks still run, %,d events unsent, "
                        + "reporting has %,d of %,d escalations", FIRING_LIMIT.toSeconds(), running, unsent, reported,
                        escalated));
                return;
            }
            if (System.nanoTime() - lastSaid > Duration.ofSeconds(5).toNanos()) {
                log.say("firing", String.format(Locale.ROOT, "%,d clocks still running, %,d events unsent, "
                        + "reporting has %,d of %,d escalations", running, unsent, reported, escalated));
                lastSaid = System.nanoTime();
            }
            Thread.sleep(1000);
        }
    }

    /** Prints what fired and where, adding to {@code failures} what is not exactly as it must be. */
    private void firingTable(Stack stack, ConsumerGroups kafka, List<URI> escalations, List<String> failures)
            throws SQLException, IOException, InterruptedException {
        long n = options.complaints();
        long clocks = n * CLOCKS_PER_COMPLAINT;
        Map<String, long[]> rows = new LinkedHashMap<>();
        rows.put("clocks armed (first response + resolution)", new long[] {clocks,
                count(stack, "select count(*) from sla_clocks")});
        rows.put("clocks run out to the top of the chain", new long[] {clocks,
                count(stack, "select count(*) from sla_clocks where state = 'BREACHED'")});
        rows.put("clocks breached (history)", new long[] {clocks,
                count(stack, "select count(distinct (complaint_id, clock)) from clock_history where action = 'BREACHED'")});
        rows.put("levels reached (4 per complaint, history)", new long[] {n * LEVELS,
                count(stack, "select count(*) from clock_history where action = 'ESCALATED'")});
        long warnings = count(stack, "select count(*) from clock_history where action = 'WARNED'");
        long breaches = count(stack, "select count(*) from clock_history where action = 'BREACHED'");
        rows.put("deadlines fired twice: warnings", new long[] {0, count(stack, "select count(*) from (select 1 from "
                + "clock_history where action = 'WARNED' group by complaint_id, clock having count(*) > 1) d")});
        rows.put("deadlines fired twice: breaches", new long[] {0, count(stack, "select count(*) from (select 1 from "
                + "clock_history where action = 'BREACHED' group by complaint_id, clock, detail having count(*) > 1) d")});
        rows.put("levels reached twice", new long[] {0, count(stack, "select count(*) from (select 1 from clock_history "
                + "where action = 'ESCALATED' group by complaint_id, level having count(*) > 1) d")});
        rows.put("SlaWarning events (outbox) = warnings", new long[] {warnings,
                count(stack, "select count(*) from outbox_events where event_type = 'SlaWarning'")});
        rows.put("SlaBreached events (outbox) = breaches", new long[] {breaches,
                count(stack, "select count(*) from outbox_events where event_type = 'SlaBreached'")});
        rows.put("ComplaintEscalated events (outbox)", new long[] {n * LEVELS,
                count(stack, "select count(*) from outbox_events where event_type = 'ComplaintEscalated'")});
        rows.put("reporting: levels reached (complaint_escalations)", new long[] {n * LEVELS,
                ExactCounts.count(stack, Service.REPORTING, "select count(*) from complaint_escalations")});
        rows.put("SlaBreached events for one deadline twice", new long[] {0, count(stack, "select count(*) from "
                + "(select 1 from outbox_events where event_type = 'SlaBreached' group by event_key, "
                + "(envelope::json -> 'payload' ->> 'clock'), (envelope::json -> 'payload' ->> 'dueAt') "
                + "having count(*) > 1) d")});
        long outbox = count(stack, "select count(*) from outbox_events where topic = 'tousu.escalations'");
        rows.put("records on tousu.escalations = outbox rows", new long[] {outbox, kafka.records("tousu.escalations")});
        long intakeOutbox = ExactCounts.count(stack, Service.INTAKE,
                "select count(*) from outbox_events where topic = 'tousu.complaints'");
        rows.put("records on tousu.complaints = intake's outbox", new long[] {intakeOutbox,
                kafka.records("tousu.complaints")});

        log.out().println();
        log.out().printf(Locale.ROOT, "%-46s %10s %10s%n", "deadlines with two escalation replicas", "expected", "found");
        for (Map.Entry<String, long[]> row : rows.entrySet()) {
            long expected = row.getValue()[0];
            long found = row.getValue()[1];
            log.out().printf(Locale.ROOT, "%-46s %,10d %,10d%s%n", row.getKey(), expected, found,
                    expected == found ? "" : "  WRONG");
            if (expected != found) {
                failures.add(row.getKey() + " " + found + " instead of " + expected);
            }
        }
        log.out().printf(Locale.ROOT, "%-46s %,10d%n", "breaches fired (history rows, all levels)", breaches);
        log.out().printf(Locale.ROOT, "%-46s %,10d   (a clock first looked at after its due time breaches "
                + "without a warning)%n", "clocks warned before their due time", warnings);
        for (int i = 0; i < escalations.size(); i++) {
            String metrics = api.text(escalations.get(i).resolve("/q/metrics"));
            log.out().printf(Locale.ROOT, "%-46s %,10.0f%n", "fired by escalation" + (i == 0 ? "" : "-" + (i + 1))
                    + " (warnings + breaches)", EscalationBenchmark.sum(metrics, "tousu_sla_firing_lateness_seconds_count"));
        }
    }

    private static long count(Stack stack, String sql) throws SQLException {
        return ExactCounts.count(stack, Service.ESCALATION, sql);
    }
}
