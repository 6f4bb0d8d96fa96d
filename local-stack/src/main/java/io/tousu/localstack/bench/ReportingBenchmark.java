package io.tousu.localstack.bench;

import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventPayload;
import io.tousu.events.Topics;
import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.ComplaintFollowedUp;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintResolved;
import io.tousu.localstack.ProgressListener;
import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackException;
import io.tousu.localstack.StackOptions;
import io.tousu.testing.Tokens;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./tousu bench reporting}: how fast reporting-service ingests a burst of complaint events,
 * and how fast it answers the monthly table of a province with ten million complaints.
 *
 * <p>Starts a throw-away stack (Kafka, PostgreSQL, reporting on free ports, its own database).
 * Ingest: a producer publishes {@code --events} lifecycle events of complaints (received, assigned,
 * resolved, followed up; keyed by complaint as intake publishes them) to {@code tousu.complaints}
 * as fast as it can, and the rate is the events over the time from the first send until reporting
 * has recorded them all in {@code processed_events} (so applied, not merely consumed). Monthly
 * table: bulk-inserts {@code --facts} complaint facts of province BJ spread evenly over
 * {@code --months} months with {@code generate_series} (a million a transaction), vacuums and
 * analyses, then times {@code --requests} sequential GET /api/v1/indicators/monthly of the last
 * of those months. The load runs with the rollup trigger of complaint_facts disabled and then fills
 * the province's hourly counts with one aggregate per event time, as the V6 migration does for the
 * facts already there (ten million rows through a per-row trigger would take most of the run). A benchmark, not a test: it exits 0 whether or not the goals are met.
 */
public final class ReportingBenchmark {

    private static final String CONSUMER = "reporting.complaint-facts";
    private static final String PROVINCE = "GD";
    private static final String BULK_PROVINCE = "BJ";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The month measured; the facts run up to its end. */
    private static final YearMonth MONTH = YearMonth.of(2025, 12);
    private static final Duration INGEST_LIMIT = Duration.ofMinutes(5);
    private static final int WARM_UP_REQUESTS = 5;
    private static final int LOAD_CHUNK = 1_000_000;
    private static final double INGEST_GOAL = 5_000;
    private static final double P99_GOAL_MS = 200;
    private static final String[] CATEGORIES = {"BILLING_DISPUTE", "NETWORK_QUALITY", "BROADBAND_INSTALL",
        "DATA_USAGE_DISPUTE", "STAFF_ATTITUDE", "OTHER"};
    private static final String[] CITIES = {"Guangzhou", "Shenzhen", "Dongguan", "Foshan", "Zhuhai", "Shantou",
        "Huizhou", "Zhongshan"};
    private static final String BEARER = "Bearer " + Tokens.mint("bench-national", List.of("national"), null, null,
            Duration.ofHours(12));

    /**
     * Facts {@code $2..$3} of the bulk province, one every {@code $5} microseconds from {@code $4}; ids
     * run in order (as time does), so the load appends instead of scattering index pages.
     */
    private static final String INSERT_FACTS = """
            insert into complaint_facts (complaint_id, province, ticket_no, city, channel, category, priority,
                    received_at, repeat, owner_id, team_id, handed_off, resolved_at, substantiated, responsibility,
                    staff_id, first_contact, reopen_count, resolution_breach_due_at, escalation_level, followed_up_at,
                    satisfied)
            select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, ?, 'BJ' || lpad(i::text, 12, '0'),
                   (?::text[])[1 + i % 8], case when i % 50 = 0 then 'REGULATOR' else 'HOTLINE' end,
                   (?::text[])[1 + i % 6], 'NORMAL', t.at, i % 20 = 0, 'agent-' || (i % 400), 'team-' || (i % 40),
                   i % 9 = 0, case when i % 10 < 8 then t.at + interval '1 day' end,
                   case when i % 10 < 8 then i % 3 = 0 end,
                   case when i % 10 < 8 then case when i % 12 = 0 then 'STAFF' else 'PROCESS' end end,
                   case when i % 12 = 0 then 'agent-' || (i % 400) end,
                   case when i % 10 < 8 then i % 4 <> 0 end, case when i % 25 = 0 then 1 else 0 end,
                   case when i % 15 = 0 then t.at + interval '20 hours' end, case when i % 30 = 0 then 1 else 0 end,
                   case when i % 10 < 4 then t.at + interval '2 days' end, case when i % 10 < 4 then i % 7 <> 0 end
            from generate_series(?::bigint, ?::bigint) as i
            cross join lateral (select ?::timestamptz + (i - 1) * ?::bigint * interval '1 microsecond' as at) as t""";

    /**
     * The hour counts of the bulk province, filled the way the V6 migration fills them for the facts
     * already there (the load itself runs with the per-row trigger disabled, as a backfill would).
     */
    private static final List<String> FILL_HOUR_COUNTS = List.of("""
            insert into fact_hour_counts (province, hour, complaints, repeats, regulator)
            select province, fact_hour(received_at), count(*), count(*) filter (where repeat),
                   count(*) filter (where channel = 'REGULATOR')
            from complaint_facts where province = ? and received_at is not null group by 1, 2""", """
            insert into fact_hour_counts as c (province, hour, resolved, substantiated, staff_substantiated,
                    first_contact, on_time)
            select province, fact_hour(resolved_at), count(*), count(*) filter (where substantiated),
                   count(*) filter (where substantiated and responsibility = 'STAFF'),
                   count(*) filter (where first_contact and not handed_off and reopen_count = 0 and not repeat),
                   count(*) filter (where resolution_breach_due_at is null or resolved_at < resolution_breach_due_at)
            from complaint_facts where province = ? and resolved_at is not null group by 1, 2
            on conflict (province, hour) do update set resolved = excluded.resolved,
                substantiated = excluded.substantiated, staff_substantiated = excluded.staff_substantiated,
                first_contact = excluded.first_contact, on_time = excluded.on_time""", """
            insert into fact_hour_counts as c (province, hour, followed_up, satisfied)
            select province, fact_hour(followed_up_at), count(*), count(*) filter (where satisfied)
            from complaint_facts where province = ? and followed_up_at is not null group by 1, 2
            on conflict (province, hour) do update set followed_up = excluded.followed_up,
                satisfied = excluded.satisfied""");

    private final ReportingBenchOptions options;
    private final StackOptions stackOptions;
    private final PrintStream out;
    private final long began = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ReportingBenchmark(ReportingBenchOptions options, StackOptions stackOptions, PrintStream out) {
        this.options = options;
        this.stackOptions = stackOptions;
        this.out = out;
    }

    /** Entry point; see {@link ReportingBenchOptions#USAGE}. The checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        ReportingBenchOptions options = BenchLaunch.optionsOrExit("tousu bench reporting", ReportingBenchOptions.USAGE, args, ReportingBenchOptions::parse, ReportingBenchOptions::help);
        if (options == null) {
            return;
        }
        Path home = BenchLaunch.home();
        StackOptions stackOptions = StackOptions.builder(home).isolated().services(List.of(Service.REPORTING))
                .progress(ProgressListener.printingTo(System.out)).build();
        BenchLaunch.routeLogsOrExit("tousu bench reporting", stackOptions);
        ReportingBenchmark bench = new ReportingBenchmark(options, stackOptions, System.out);
        BenchLaunch.runUntilDoneOrCtrlC(bench::run);
    }

    private int run() {
        say("bench", String.format(Locale.ROOT, "reporting benchmark: %,d events to ingest; monthly table over %,d "
                + "facts in %d months; %s", options.events(), options.facts(), options.months(), MachineLoad.describe()));
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
        } catch (RuntimeException | SQLException | IOException e) {
            say("bench", "failed: " + e + " (reporting's log: " + stack.logFile(Service.REPORTING) + ")");
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

    private boolean measure(Stack stack) throws InterruptedException, SQLException, IOException {
        List<String> rows = new ArrayList<>();

        // 1. ingest: a burst on tousu.complaints, measured until every event is applied
        long applied;
        double publishRate;
        Duration ingest;
        try (Connection db = connect(stack)) {
            long before = processed(db);
            say("ingest", String.format(Locale.ROOT, "publishing %,d events of %,d complaints as fast as possible",
                    options.events(), (options.events() + 3) / 4));
            long t0 = System.nanoTime();
            publishRate = publish(stack.kafkaBootstrapServers(), options.events(), t0);
            say("ingest", String.format(Locale.ROOT, "published at %,.0f events/s; waiting until all are applied",
                    publishRate));
            long deadline = t0 + INGEST_LIMIT.toNanos();
            long lastSaid = System.nanoTime();
            applied = processed(db) - before;
            while (applied < options.events() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                applied = processed(db) - before;
                if (System.nanoTime() - lastSaid > 5_000_000_000L) {
                    lastSaid = System.nanoTime();
                    say("ingest", String.format(Locale.ROOT, "%,d of %,d applied", applied, options.events()));
                }
            }
            ingest = since(t0);
        }
        double ingestRate = applied / (ingest.toNanos() / 1e9);
        rows.add(row("publish (producer, 1 thread)", String.format(Locale.ROOT, "%,.0f events/s", publishRate), ""));
        rows.add(row(String.format(Locale.ROOT, "ingest, %,d events to applied", options.events()),
                String.format(Locale.ROOT, "%,.0f events/s (%,d in %s)", ingestRate, applied, seconds(ingest)),
                goal(applied == options.events() && ingestRate >= INGEST_GOAL, ">= 5,000 events/s")));

        // 2. the monthly table of a province with --facts complaints
        Duration load;
        try (Connection db = connect(stack)) {
            long t = System.nanoTime();
            bulkLoad(db);
            load = since(t);
        }
        rows.add(row(String.format(Locale.ROOT, "bulk load %,d facts, hour counts, vacuum", options.facts()),
                seconds(load), ""));
        URI monthly = stack.baseUrl(Service.REPORTING).resolve("/api/v1/indicators/monthly?province=" + BULK_PROVINCE
                + "&month=" + MONTH);
        String first = get(monthly);
        for (int i = 1; i < WARM_UP_REQUESTS; i++) {
            get(monthly);
        }
        say("monthly", String.format(Locale.ROOT, "%d requests of the %s table of %s (complaints in the month: %s)",
                options.requests(), MONTH, BULK_PROVINCE, volume(first)));
        long[] latencies = new long[options.requests()];
        long t = System.nanoTime();
        for (int i = 0; i < latencies.length; i++) {
            long start = System.nanoTime();
            get(monthly);
            latencies[i] = System.nanoTime() - start;
        }
        LatencyStats table = LatencyStats.of(latencies, Map.of(), since(t));
        rows.add(row(String.format(Locale.ROOT, "monthly table, %,d facts (p50/p99/max)", options.facts()),
                String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms", table.p50Ms(), table.p99Ms(), table.maxMs()),
                goal(table.p99Ms() < P99_GOAL_MS, "< 200 ms")));

        out.println();
        out.printf(Locale.ROOT, "%-46s %-36s %s%n", "what", "figure", "goal");
        rows.forEach(out::println);
        out.println();
        out.println("complaints in " + MONTH + " of " + BULK_PROVINCE + ": " + volume(first) + " of " + String.format(
                Locale.ROOT, "%,d", options.facts()) + " facts over " + options.months() + " months");
        out.println("machine: " + MachineLoad.describe() + " (other work on the machine makes the figures noisy)");
        out.println();
        return applied == options.events();
    }

    /** Publishes the events as fast as the producer takes them; returns the publish rate (acknowledged). */
    private double publish(String bootstrap, int events, long t0) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "10",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Instant base = Instant.now().minus(Duration.ofDays(1));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            int sent = 0;
            for (int c = 0; sent < events; c++) {
                for (EnvelopeOf step : STEPS) {
                    if (sent == events) {
                        break;
                    }
                    EventEnvelope e = step.of(c, base.plusMillis(c));
                    producer.send(new ProducerRecord<>(Topics.COMPLAINTS, e.complaintId(), EventCodec.write(e)));
                    sent++;
                }
            }
            producer.flush();
        }
        return events / (since(t0).toNanos() / 1e9);
    }

    /** One lifecycle event of complaint number {@code c}. */
    private interface EnvelopeOf {
        EventEnvelope of(int c, Instant at);
    }

    private static final EnvelopeOf[] STEPS = {
        (c, at) -> envelope(c, new ComplaintReceived("GD2026" + String.format(Locale.ROOT, "%010d", c),
                c % 50 == 0 ? "REGULATOR" : "HOTLINE", "ref-" + c, CITIES[c % CITIES.length], "138****5678", null,
                CATEGORIES[c % CATEGORIES.length], null, "NORMAL", List.of(), List.of(), false, at), at),
        (c, at) -> envelope(c, new ComplaintAssigned("agent-" + c % 400, "Agent " + c % 400, "team-" + c % 40, "FRONT",
                "SYSTEM", at.plusSeconds(60)), at.plusSeconds(60)),
        (c, at) -> envelope(c, new ComplaintResolved(c % 3 == 0, c % 12 == 0 ? "STAFF" : "PROCESS",
                c % 12 == 0 ? "agent-" + c % 400 : null, "REFUND", "refunded", null, false, c % 4 != 0, false,
                "agent-" + c % 400, at.plusSeconds(3600)), at.plusSeconds(3600)),
        (c, at) -> envelope(c, new ComplaintFollowedUp(c % 7 != 0, c % 7 != 0, null, at.plusSeconds(7200)),
                at.plusSeconds(7200))
    };

    /** Complaint ids derived from the number, so that each complaint's events share a key and a partition. */
    private static EventEnvelope envelope(int c, EventPayload payload, Instant at) {
        UUID id = new UUID(0x5EEDL << 48, c);
        return EventEnvelope.of(payload, PROVINCE, id.toString(), at);
    }

    private void bulkLoad(Connection db) throws SQLException {
        OffsetDateTime from = MONTH.minusMonths(options.months() - 1L).atDay(1).atStartOfDay(ZONE).toOffsetDateTime();
        OffsetDateTime to = MONTH.plusMonths(1).atDay(1).atStartOfDay(ZONE).toOffsetDateTime();
        long spacingMicros = Math.max(1, Duration.between(from, to).toNanos() / 1000 / options.facts());
        try (Statement st = db.createStatement()) {
            st.execute("alter table complaint_facts disable trigger user");
        }
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement(INSERT_FACTS)) {
            for (long lo = 1; lo <= options.facts(); lo += LOAD_CHUNK) {
                long hi = Math.min(options.facts(), lo + LOAD_CHUNK - 1);
                ps.setString(1, BULK_PROVINCE);
                ps.setArray(2, db.createArrayOf("text", CITIES));
                ps.setArray(3, db.createArrayOf("text", CATEGORIES));
                ps.setLong(4, lo);
                ps.setLong(5, hi);
                ps.setObject(6, from);
                ps.setLong(7, spacingMicros);
                ps.executeUpdate();
                db.commit();
                say("load", String.format(Locale.ROOT, "%,d of %,d facts", hi, options.facts()));
            }
        }
        say("load", "hour counts of " + BULK_PROVINCE + " (one aggregate per event time, as V6 fills them)");
        for (String sql : FILL_HOUR_COUNTS) {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                ps.setString(1, BULK_PROVINCE);
                ps.executeUpdate();
            }
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
            st.execute("alter table complaint_facts enable trigger user");
        }
        say("load", "vacuum analyze complaint_facts, fact_hour_counts");
        try (Statement st = db.createStatement()) {
            st.execute("vacuum analyze complaint_facts");
            st.execute("vacuum analyze fact_hour_counts");
        }
    }

    private static long processed(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select count(*) from processed_events where consumer = ?")) {
            ps.setString(1, CONSUMER);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", BEARER).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String volume(String table) {
        Matcher m = Pattern.compile("\"code\":\"COMPLAINT_VOLUME\".*?\"numerator\":(\\d+)").matcher(table);
        return m.find() ? String.format(Locale.ROOT, "%,d", Long.parseLong(m.group(1))) : "?";
    }

    private Connection connect(Stack stack) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", stack.databaseUser());
        if (!stack.databasePassword().isEmpty()) {
            props.setProperty("password", stack.databasePassword());
        }
        return DriverManager.getConnection(stack.jdbcUrl(Service.REPORTING), props);
    }

    private static String row(String what, String figure, String goal) {
        return String.format(Locale.ROOT, "%-46s %-36s %s", what, figure, goal);
    }

    private static String goal(boolean met, String goal) {
        return goal + (met ? " -> met" : " -> not met");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }


    private void say(String component, String message) {
        out.println(ProgressListener.format(Duration.ofNanos(System.nanoTime() - began), component, message));
    }

}
