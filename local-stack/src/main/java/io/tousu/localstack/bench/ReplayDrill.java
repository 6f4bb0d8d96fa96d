package io.tousu.localstack.bench;

import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackOptions;
import io.tousu.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./tousu drill replay}: a redelivered event changes nothing, tested on the largest scale
 * there is. On a throw-away stack, N complaints are taken in and a share of them worked (assigned,
 * started, urged, resolved, followed up), and one province's complaints have deadlines of seconds,
 * so that its unworked ones breach and escalate (events on tousu.escalations too); once every clock
 * of that province has run out or stopped and everything has converged the drill reads the key
 * figures (reporting's monthly table, counts and indicators per province, escalation's clocks and
 * levels, quality's events, facts, sampling, inspections and risk hits, and a digest of every row of
 * the consumers' tables). Then every consuming service is stopped, its consumer group is moved back
 * to the beginning of every topic it reads (Kafka's admin client, as {@code kafka-consumer-groups
 * --reset-offsets --to-earliest}), and it is started again, so it re-reads every event from offset 0.
 * Once the lag is zero again, no figure may have changed and no topic may have grown. PASS or FAIL.
 */
public final class ReplayDrill {

    static final String USAGE = """
            Usage: ./tousu drill replay [options]

            Starts a throw-away stack, gives GD's hotline complaints SLA deadlines of seconds (so its
            unworked complaints breach and escalate), submits complaints from several clients and works a
            share of them (assign, start, urge, resolve, follow-up). Once all four services have converged it reads the
            key figures: reporting's monthly table, counts and indicators for each province used,
            escalation's clocks, levels and history, quality's events, sampling decisions, inspections
            and risk hits, and a digest of every row of every consumer table. Then it stops escalation,
            quality and reporting, resets their consumer groups to the beginning of every topic (Kafka
            admin client), starts them again, waits until their lag is zero and reads everything again.
            PASS when no figure changed and no topic grew.

              --complaints N  complaints to submit (default 5000)
              --clients N     concurrent clients (default 16)
              -h, --help      show this help""";

    private static final int DEFAULT_COMPLAINTS = 5_000;
    private static final int DEFAULT_CLIENTS = 16;
    private static final Duration QUIET_LIMIT = Duration.ofMinutes(5);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The province whose complaints get deadlines of seconds. */
    private static final String FIRING_PROVINCE = "GD";
    /** Every topic of the contract, for the check that a replay publishes nothing. */
    private static final List<String> TOPICS = List.of("tousu.complaints", "tousu.escalations", "tousu.quality",
            "tousu.call-volume", "tousu.notifications");
    /**
     * Tables whose rows change with time rather than with events: reporting's hot spots are evaluated
     * on a timer over a sliding window; Flyway's history is not data.
     */
    private static final Set<String> TIME_DRIVEN_TABLES = Set.of("hot_spots", "flyway_schema_history");
    private static final String NATIONAL = Tokens.mint("drill-national", List.of("supervisor", "inspector", "national"),
            null, null, Duration.ofHours(12));

    private final DrillOptions options;
    private final ProgressLog log = new ProgressLog(System.out);
    private final JsonApi api = new JsonApi();

    private ReplayDrill(DrillOptions options) {
        this.options = options;
    }

    /** Entry point; the checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        DrillOptions options = BenchLaunch.optionsOrExit("tousu drill replay", USAGE, args,
                a -> DrillOptions.parse(a, DEFAULT_COMPLAINTS, DEFAULT_CLIENTS), DrillOptions::help);
        if (options == null) {
            return;
        }
        // a PostgreSQL of the drill's own: the machine's server is shared with other stacks and its
        // connections may run out, which would fail the drill for a reason that is not the replay
        StackOptions stackOptions = DrillRun.stackOptions(b -> b.privatePostgres(true));
        BenchLaunch.routeLogsOrExit("tousu drill replay", stackOptions);
        ReplayDrill drill = new ReplayDrill(options);
        BenchLaunch.runUntilDoneOrCtrlC(() -> drill.run(stackOptions) ? 0 : BenchLaunch.EXIT_FAILED);
    }

    private boolean run(StackOptions stackOptions) {
        log.say("drill", String.format(Locale.ROOT, "replay drill: %,d complaints from %d clients, a share of them "
                + "worked; then every consumer re-reads every topic from offset 0; %s", options.complaints(),
                options.clients(), MachineLoad.describe()));
        return DrillRun.run("tousu drill replay", stackOptions, log, this::drill);
    }

    private boolean drill(Stack stack) throws Exception {
        // deadlines of seconds in one province, so that tousu.escalations has events to replay too
        DrillPolicies.install(stack, api, List.of(FIRING_PROVINCE));
        log.say("policies", "SLA policies of seconds for " + FIRING_PROVINCE + "'s hotline complaints: its unworked "
                + "complaints breach and climb the chain during the drill");
        RetryingLoad load = new RetryingLoad(List.of(new IntakeClient(stack.baseUrl(Service.INTAKE))),
                ComplaintRequests.random(), options.complaints(), options.clients());
        load.start();
        load.awaitDone(line -> log.say("load", line));
        log.say("load", String.format(Locale.ROOT, "all %,d taken in", load.accepted()));
        long actions = work(stack);
        log.say("work", String.format(Locale.ROOT, "%,d lifecycle actions done", actions));
        awaitClocksRunOut(stack);
        if (!ExactCounts.settle(stack, options.complaints(), "before the replay", log)) {
            log.out().println("FAIL: the load did not converge, so there is nothing to replay against");
            return false;
        }
        try (ConsumerGroups kafka = new ConsumerGroups(stack.kafkaBootstrapServers())) {
            List<Service> consumers = stack.services().stream()
                    .filter(s -> groupsOf(kafka).contains(s.moduleName())).toList();
            if (!awaitQuiet(stack, kafka, consumers, "converge")) {
                log.out().println("FAIL: the stack did not converge before the replay");
                return false;
            }
            Figures before = figures(stack);
            Map<String, Long> topicsBefore = kafka.endOffsets(TOPICS);
            log.say("figures", String.format(Locale.ROOT, "%,d figures read; topics end at %s", before.size(),
                    topicsBefore));

            for (Service consumer : consumers) {
                stack.stopService(consumer);
            }
            long replayed = 0;
            for (Service consumer : consumers) {
                ConsumerGroups.Reset reset = kafka.resetToEarliest(consumer.moduleName());
                replayed += reset.events();
                log.say("reset", String.format(Locale.ROOT, "group %s: %d partitions of %s back to %s; %,d events "
                        + "to re-read", consumer.moduleName(), reset.partitions(), reset.topics(),
                        reset.fromZero() ? "offset 0" : "their earliest offset", reset.events()));
            }
            for (Service consumer : consumers) {
                stack.startService(consumer);
            }
            boolean caughtUp = awaitQuiet(stack, kafka, consumers, "replay");
            Figures after = figures(stack);
            Map<String, Long> topicsAfter = kafka.endOffsets(TOPICS);

            log.out().println();
            int changed = Figures.compare(before, after, "figure (before and after the replay)", log.out());
            boolean topicsSame = topicsBefore.equals(topicsAfter);
            log.out().println();
            log.out().printf(Locale.ROOT, "topic end offsets: %s%n", topicsSame ? "unchanged " + topicsAfter
                    : "before " + topicsBefore + ", after " + topicsAfter + "  CHANGED (the replay published events)");
            log.out().println();
            if (changed == 0 && topicsSame && caughtUp) {
                log.out().printf(Locale.ROOT, "PASS: %,d complaints, %,d events re-read by %d consumers from offset 0; "
                        + "all %,d figures unchanged, no event published%n", options.complaints(), replayed,
                        consumers.size(), before.size());
                return true;
            }
            log.out().printf(Locale.ROOT, "FAIL: after re-reading %,d events, %d figures changed%s%s%n", replayed,
                    changed, topicsSame ? "" : ", the topics grew", caughtUp ? "" : ", the consumers did not catch up");
            return false;
        }
    }

    private Set<String> groupsOf(ConsumerGroups kafka) {
        try {
            return kafka.groups();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Works every 4th complaint as a province's supervisor: assign and start; every 8th is urged
     * once; then resolved (substantiated every other time), and every 8th followed up as satisfied,
     * which closes it. Run by the drill's clients in parallel.
     *
     * @return the actions done
     */
    private long work(Stack stack) throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String province : ComplaintRequests.PROVINCES) {
            tokens.put(province, Tokens.mint("drill-" + province, List.of("supervisor"), province, province + "-DRILL",
                    Duration.ofHours(12)));
        }
        List<String[]> worked = new ArrayList<>();
        try (Connection c = stack.connect(Service.INTAKE); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id, province from complaints order by ticket_no")) {
            for (int i = 0; r.next(); i++) {
                if (i % 4 == 0) {
                    worked.add(new String[] {r.getString(1), r.getString(2), String.valueOf(i)});
                }
            }
        }
        URI complaints = stack.baseUrl(Service.INTAKE).resolve("/api/v1/complaints/");
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try (PhaseProgress ignored = new PhaseProgress(line -> log.say("work", line), Duration.ofSeconds(60),
                "actions", done::get, null)) {
            List<Future<?>> results = new ArrayList<>();
            for (String[] complaint : worked) {
                results.add(pool.submit(() -> {
                    String id = complaint[0];
                    String token = tokens.get(complaint[1]);
                    int n = Integer.parseInt(complaint[2]);
                    URI base = complaints.resolve(id + "/");
                    api.post(base.resolve("assign"), token, "{\"ownerId\":\"D" + (n % 7) + "\",\"teamId\":\""
                            + complaint[1] + "-DRILL\",\"office\":\"FRONT\"}");
                    api.post(base.resolve("start"), token, "{}");
                    done.addAndGet(2);
                    if (n % 8 == 0) {
                        api.post(base.resolve("urges"), token, "{\"channel\":\"HOTLINE\"}");
                        done.incrementAndGet();
                    }
                    api.post(base.resolve("resolve"), token, n % 8 == 0
                            ? "{\"substantiated\":true,\"responsibility\":\"PROCESS\",\"resolutionCode\":\"REFUND\","
                                    + "\"summary\":\"refunded the double charge\",\"compensationAmount\":20.00}"
                            : "{\"substantiated\":false,\"responsibility\":\"NONE\",\"resolutionCode\":\"EXPLAINED\","
                                    + "\"summary\":\"explained the charges\"}");
                    done.incrementAndGet();
                    if (n % 8 == 0) {
                        api.post(base.resolve("follow-up"), token, "{\"satisfied\":true,\"resolved\":true}");
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return done.get();
    }

    /**
     * Waits until no clock of {@link #FIRING_PROVINCE} runs any more (each has run out to the top of
     * the chain or was stopped by the work), so that nothing fires between the two readings.
     */
    private void awaitClocksRunOut(Stack stack) throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + QUIET_LIMIT.toNanos();
        long lastSaid = 0;
        String sql = "select count(*) from sla_clocks where state = 'RUNNING' and province = '" + FIRING_PROVINCE + "'";
        for (long running = ExactCounts.count(stack, Service.ESCALATION, sql); running > 0;
                running = ExactCounts.count(stack, Service.ESCALATION, sql)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(running + " clocks of " + FIRING_PROVINCE + " still run after "
                        + QUIET_LIMIT.toSeconds() + " s");
            }
            if (System.nanoTime() - lastSaid > Duration.ofSeconds(5).toNanos()) {
                log.say("firing", String.format(Locale.ROOT, "%,d clocks of %s still running", running,
                        FIRING_PROVINCE));
                lastSaid = System.nanoTime();
            }
            Thread.sleep(1000);
        }
        log.say("firing", "every clock of " + FIRING_PROVINCE + " has run out or was stopped");
    }

    /**
     * Waits until every consumer group's lag is zero and no service has an unsent outbox row, twice
     * in a row a second apart (a consumer that applies an event may write an event of its own).
     *
     * @return false if that did not happen within {@link #QUIET_LIMIT}
     */
    private boolean awaitQuiet(Stack stack, ConsumerGroups kafka, List<Service> consumers, String phase)
            throws InterruptedException, SQLException {
        long deadline = System.nanoTime() + QUIET_LIMIT.toNanos();
        long lastSaid = System.nanoTime();
        int quietRounds = 0;
        while (quietRounds < 2) {
            Map<String, Long> lag = new LinkedHashMap<>();
            for (Service consumer : consumers) {
                lag.put(consumer.shortName(), kafka.lag(consumer.moduleName()));
            }
            long unsent = 0;
            for (Service service : stack.services()) {
                unsent += ExactCounts.count(stack, service, "select count(*) from outbox_events where sent_at is null");
            }
            boolean quiet = unsent == 0 && lag.values().stream().allMatch(l -> l == 0);
            quietRounds = quiet ? quietRounds + 1 : 0;
            if (System.nanoTime() - lastSaid > Duration.ofSeconds(5).toNanos()) {
                log.say(phase, "consumer lag " + lag + ", unsent outbox events " + unsent);
                lastSaid = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                log.say(phase, "not caught up after " + QUIET_LIMIT.toSeconds() + " s: consumer lag " + lag
                        + ", unsent outbox events " + unsent);
                return false;
            }
            Thread.sleep(1000);
        }
        log.say(phase, "every consumer lag is zero and every outbox is empty");
        return true;
    }

    /** The key figures, read through the APIs and from each consuming service's database. */
    private Figures figures(Stack stack) throws IOException, InterruptedException, SQLException {
        Figures f = new Figures();
        String month = YearMonth.now(ZONE).toString();
        URI reporting = stack.baseUrl(Service.REPORTING);
        f.putJson("reporting: counts per province and category", api.get(reporting.resolve(
                "/api/v1/indicators/counts"), NATIONAL));
        for (String p : ComplaintRequests.PROVINCES) {
            f.putJson("reporting: monthly table " + p + " " + month, api.get(reporting.resolve(
                    "/api/v1/indicators/monthly?province=" + p + "&month=" + month), NATIONAL));
            f.putJson("reporting: indicators " + p + " " + month + " by category", api.get(reporting.resolve(
                    "/api/v1/indicators?province=" + p + "&groupBy=category&from=" + month), NATIONAL));
            f.putJson("reporting: indicators " + p + " " + month + " by team", api.get(reporting.resolve(
                    "/api/v1/indicators?province=" + p + "&groupBy=team&from=" + month), NATIONAL));
        }
        rows(stack, f, Service.ESCALATION, "escalation: clocks by kind and state",
                "select kind || ' ' || state, count(*) from sla_clocks group by 1 order by 1");
        rows(stack, f, Service.ESCALATION, "escalation: complaints by phase and level",
                "select phase || ' level ' || level, count(*) from tracked_complaints group by 1 order by 1");
        rows(stack, f, Service.ESCALATION, "escalation: clock history by action",
                "select action, count(*) from clock_history group by 1 order by 1");
        rows(stack, f, Service.ESCALATION, "escalation: urges, breaches, reopens, risk",
                "select 'urges', sum(urge_count) from tracked_complaints union all select 'breaches', sum(breach_count) "
                        + "from tracked_complaints union all select 'reopens', sum(reopen_count) from tracked_complaints "
                        + "union all select 'risk score', sum(risk_score) from tracked_complaints");
        rows(stack, f, Service.QUALITY, "quality: events, facts, sampling, inspections, risk hits",
                "select 'complaint events', count(*) from complaint_events union all select 'complaint facts', "
                        + "count(*) from complaint_facts union all select 'high-risk decisions', count(*) from "
                        + "sampling_decisions where high_risk union all select 'sampled ' || reason, "
                        + "count(*) from sampling_decisions where sampled group by reason union all select "
                        + "'not sampled', count(*) from sampling_decisions where not sampled union all select "
                        + "'inspections', count(*) from inspections union all select 'risk hits ' || rule_code, "
                        + "count(*) from risk_hits group by rule_code");
        for (Service service : List.of(Service.ESCALATION, Service.QUALITY, Service.REPORTING)) {
            digests(stack, f, service);
        }
        return f;
    }

    /** Figures from a query answering (name, value) rows. */
    private static void rows(Stack stack, Figures f, Service service, String section, String sql) throws SQLException {
        try (Connection c = stack.connect(service); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                f.put(section, r.getString(1), r.getString(2));
            }
        }
    }

    /** Rows and an MD5 of every row of every table of the service (but the time-driven ones). */
    private static void digests(Stack stack, Figures f, Service service) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = stack.connect(service); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select table_name from information_schema.tables where table_schema = "
                    + "'public' and table_type = 'BASE TABLE' order by 1")) {
                while (r.next()) {
                    if (!TIME_DRIVEN_TABLES.contains(r.getString(1))) {
                        tables.add(r.getString(1));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("select count(*), coalesce(md5(string_agg(t::text, E'\\n' order by "
                        + "t::text)), '-') from \"" + table + "\" t")) {
                    r.next();
                    f.put(service.shortName() + ": every row (count, md5)", table, r.getLong(1) + " " + r.getString(2));
                }
            }
        }
    }
}
