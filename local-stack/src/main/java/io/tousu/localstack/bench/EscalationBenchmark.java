package io.tousu.localstack.bench;

import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.Topics;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.localstack.ProgressListener;
import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackException;
import io.tousu.localstack.StackOptions;
import io.tousu.testing.TestEvents;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./tousu bench escalation}: escalation-service at the scale of a large province — a
 * million open clocks in its database, new complaints arriving, deadlines coming due all the time,
 * and a restart in the middle.
 *
 * <p>Starts a throw-away stack (Kafka, PostgreSQL, escalation on free ports with a 512 MB heap, its
 * own database), stops escalation once Flyway has made its tables, and bulk-inserts the complaints
 * and their clocks with {@code generate_series} (two clocks per complaint, due in the coming week).
 * Starts escalation again (the time to ready with that many clocks is a figure), then moves the
 * first-response deadlines of some of those complaints so that {@code --breach-rate} come due per
 * second for {@code --seconds}, while a producer publishes {@code --rate} new ComplaintReceived per
 * second to {@code tousu.complaints}. Half-way the service is stopped and started again (SIGTERM,
 * as a rolling update does). Lateness is read from the SlaBreached events on
 * {@code tousu.escalations}: when the loop fired a clock ({@code breachedAt}) and when the outbox
 * relay published it (the record's timestamp), each against the clock's due time. Heap figures are
 * sampled every second from {@code /q/metrics}. A benchmark, not a test: it exits 0 whether or not
 * the goals are met.
 */
public final class EscalationBenchmark {

    /** The service's heap limit: the goal is a heap under 512 MB. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");
    /** How long after the window is armed the first clock comes due. */
    private static final Duration LEAD = Duration.ofSeconds(5);
    /** How long the clocks due in the window may take to come in after it ends. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    private static final Duration P99_GOAL = Duration.ofSeconds(1);
    private static final long HEAP_GOAL_BYTES = 512L * 1024 * 1024;
    private static final Duration RESUME_GOAL = Duration.ofSeconds(5);
    private static final String[] CATEGORIES = {"BILLING_DISPUTE", "NETWORK_QUALITY", "BROADBAND_INSTALL",
        "DATA_USAGE_DISPUTE", "STAFF_ATTITUDE", "OTHER"};

    /** Complaints of the bulk load; their clocks run 24x7 under the Default policy, due in the coming week. */
    private static final String INSERT_COMPLAINTS = """
            insert into tracked_complaints (complaint_id, ticket_no, province, channel, category, priority, phase,
                    phase_changed_at, policy_id, received_at, updated_at)
            select md5(? || i)::uuid, 'BENCH' || lpad(i::text, 10, '0'), 'GD', 'HOTLINE',
                   (?::text[])[1 + i % 6], 'NORMAL', 'OPEN', ?, ?, ?, ?
            from generate_series(1, ?) as i""";
    private static final String INSERT_CLOCKS = """
            insert into sla_clocks (complaint_id, kind, ref, province, category, state, started_at, due_at, fire_at,
                    warn_before_seconds, last_change_at)
            select md5(? || i)::uuid, k.kind, '', 'GD', (?::text[])[1 + i % 6], 'RUNNING', ?,
                   ? + ((i::bigint * 7919 + k.shift) % 604800) * interval '1 second',
                   ? + ((i::bigint * 7919 + k.shift) % 604800) * interval '1 second', 0, ?
            from generate_series(1, ?) as i
            cross join (values ('FIRST_RESPONSE', 0), ('RESOLUTION', 86400)) as k(kind, shift)""";
    /** Moves the first-response deadlines of complaints 1..n to one every {@code spacing} microseconds from a start. */
    private static final String ARM_WINDOW = """
            update sla_clocks c set due_at = w.due, fire_at = w.due
            from (select md5(? || i)::uuid as complaint_id, ? + ((i - 1) * ?::bigint) * interval '1 microsecond' as due
                  from generate_series(1, ?) as i) as w
            where c.complaint_id = w.complaint_id and c.kind = 'FIRST_RESPONSE'""";

    private final EscalationBenchOptions options;
    private final StackOptions stackOptions;
    private final PrintStream out;
    private final long began = System.nanoTime();
    private final String salt = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A first-response breach of the window, as read from tousu.escalations. */
    record Breach(String complaintId, Instant dueAt, Instant firedAt, Instant publishedAt) {
        long firedLatenessNanos() {
            return Math.max(0, Duration.between(dueAt, firedAt).toNanos());
        }

        long publishedLatenessNanos() {
            return Math.max(0, Duration.between(dueAt, publishedAt).toNanos());
        }
    }

    private EscalationBenchmark(EscalationBenchOptions options, StackOptions stackOptions, PrintStream out) {
        this.options = options;
        this.stackOptions = stackOptions;
        this.out = out;
    }

    /** Entry point; see {@link EscalationBenchOptions#USAGE}. The checkout is the system property {@code tousu.home}. */
    public static void main(String[] args) {
        EscalationBenchOptions options = BenchLaunch.optionsOrExit("tousu bench escalation", EscalationBenchOptions.USAGE, args, EscalationBenchOptions::parse, EscalationBenchOptions::help);
        if (options == null) {
            return;
        }
        Path home = BenchLaunch.home();
        StackOptions stackOptions = StackOptions.builder(home).isolated().services(List.of(Service.ESCALATION))
                .jvmOptions(JVM_OPTIONS).progress(ProgressListener.printingTo(System.out)).build();
        BenchLaunch.routeLogsOrExit("tousu bench escalation", stackOptions);
        EscalationBenchmark bench = new EscalationBenchmark(options, stackOptions, System.out);
        BenchLaunch.runUntilDoneOrCtrlC(bench::run);
    }

    private int run() {
        say("bench", String.format(Locale.ROOT, "escalation benchmark: %,d open clocks, %d complaints/s, %d breaches "
                + "due/s for %d s, a restart half-way; %s", options.clocks(), options.rate(), options.breachRate(),
                options.seconds(), MachineLoad.describe()));
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
        } catch (RuntimeException | SQLException e) {
            say("bench", "failed: " + e + " (escalation's log: " + stack.logFile(Service.ESCALATION) + ")");
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

    private boolean measure(Stack stack) throws InterruptedException, SQLException {
        int complaints = options.clocks() / 2;
        int due = options.breachRate() * options.seconds();
        URI metrics = stack.baseUrl(Service.ESCALATION).resolve("/q/metrics");
        List<String> rows = new ArrayList<>();

        // 1. the bulk load, with the service stopped (Flyway made the tables when it first started)
        stack.stopService(Service.ESCALATION);
        Duration load;
        try (Connection db = connect(stack)) {
            long t = System.nanoTime();
            say("load", String.format(Locale.ROOT, "inserting %,d complaints and %,d clocks (generate_series)",
                    complaints, complaints * 2L));
            bulkLoad(db, complaints);
            load = since(t);
            say("load", "done in " + seconds(load));
        }
        rows.add(row(String.format(Locale.ROOT, "bulk load: %,d complaints, %,d open clocks", complaints,
                complaints * 2L), seconds(load), ""));

        // 2. a start on that many open clocks
        long t = System.nanoTime();
        stack.startService(Service.ESCALATION);
        Duration coldStart = since(t);
        rows.add(row(String.format(Locale.ROOT, "start on %,d open clocks, to ready", complaints * 2L),
                seconds(coldStart), ""));

        Map<String, Breach> breaches = new ConcurrentHashMap<>();
        AtomicLong duplicates = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        HeapSampler heap = new HeapSampler(metrics);
        Thread reader = daemon("bench-reader", () -> readBreaches(stack.kafkaBootstrapServers(), breaches, duplicates,
                stop));
        reader.start();
        Thread.sleep(3000);
        Thread sampler = daemon("bench-heap", () -> heap.run(stop));
        sampler.start();

        // 3. the window: clocks due throughout, complaints arriving, a restart half-way
        Instant first = Instant.now().plus(LEAD).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long spacingMicros = 1_000_000L / options.breachRate();
        try (Connection db = connect(stack); PreparedStatement arm = db.prepareStatement(ARM_WINDOW)) {
            arm.setString(1, salt);
            arm.setObject(2, first.atOffset(ZoneOffset.UTC));
            arm.setLong(3, spacingMicros);
            arm.setInt(4, due);
            arm.executeUpdate();
        }
        Instant last = first.plus(Duration.ofNanos(spacingMicros * 1000 * (due - 1)));
        say("window", String.format(Locale.ROOT, "%,d first-response deadlines due from %s to %s; %d new complaints/s",
                due, first, last, options.rate()));
        AtomicLong sent = new AtomicLong();
        Thread publisher = daemon("bench-publisher", () -> publish(stack.kafkaBootstrapServers(),
                Duration.between(Instant.now(), last).plusSeconds(1), sent, stop));
        publisher.start();

        Instant halfway = first.plus(Duration.ofSeconds(options.seconds() / 2));
        sleepUntil(halfway, breaches, due);
        say("restart", "stopping escalation (SIGTERM) with deadlines coming due");
        Instant stopAt = Instant.now();
        stack.stopService(Service.ESCALATION);
        Duration stopTook = Duration.between(stopAt, Instant.now());
        Instant launchedAt = Instant.now();
        stack.startService(Service.ESCALATION);
        Duration ready = Duration.between(launchedAt, Instant.now());

        sleepUntil(last, breaches, due);
        publisher.join(Duration.ofSeconds(30).toMillis());
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (breaches.size() < due && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        long armed;
        try (Connection db = connect(stack); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from tracked_complaints where ticket_no not like 'BENCH%'")) {
            rs.next();
            armed = rs.getLong(1);
        }
        String gauges = openClockGauges(metrics);
        stop.set(true);
        reader.join(10_000);
        sampler.join(5_000);

        // 4. figures
        Collection<Breach> all = breaches.values();
        Predicate<Breach> restartBacklog = b -> !b.dueAt().isBefore(stopAt) && b.dueAt().isBefore(
                launchedAt.plus(ready));
        List<Breach> steady = all.stream().filter(restartBacklog.negate()).toList();
        List<Breach> backlog = all.stream().filter(restartBacklog).toList();
        LatencyStats fired = stats(steady, Breach::firedLatenessNanos);
        LatencyStats published = stats(steady, Breach::publishedLatenessNanos);
        Instant resumedAt = all.stream().map(Breach::firedAt).filter(f -> f.isAfter(launchedAt))
                .min(Instant::compareTo).orElse(null);
        Duration resume = resumedAt == null ? null : Duration.between(launchedAt, resumedAt);
        Instant caughtUp = backlog.stream().map(Breach::publishedAt).max(Instant::compareTo).orElse(null);

        rows.add(row("complaints arriving", String.format(Locale.ROOT, "%,d sent, %,d armed (%.1f/s)", sent.get(),
                armed, armed / (double) Math.max(1, Duration.between(first.minus(LEAD), last).toSeconds())), ""));
        rows.add(row("deadlines due in the window", String.format(Locale.ROOT, "%,d due, %,d fired, %d twice",
                due, all.size(), duplicates.get()), all.size() == due && duplicates.get() == 0 ? "all, once" : "MISSING"));
        rows.add(row("lateness, loop fired (p50/p99/max)", ms(fired), ""));
        rows.add(row("lateness, published (p50/p99/max)", ms(published), goal(published.p99Ms() < P99_GOAL.toMillis(),
                "p99 < 1000 ms")));
        rows.add(row("heap used max / live after GC max", String.format(Locale.ROOT, "%.0f MB / %.0f MB",
                heap.maxUsed.get() / 1048576.0, heap.maxLive.get() / 1048576.0), goal(heap.maxUsed.get() > 0
                        && heap.maxUsed.get() < HEAP_GOAL_BYTES, "< 512 MB (-Xmx512m)")));
        rows.add(row("restart: stop / ready / first firing", String.format(Locale.ROOT, "%s / %s / %s",
                seconds(stopTook), seconds(ready), resume == null ? "none" : seconds(resume)),
                goal(resume != null && resume.compareTo(RESUME_GOAL) < 0, "resume < 5 s")));
        rows.add(row("due while restarting", String.format(Locale.ROOT, "%,d, all fired %s after the launch",
                backlog.size(), caughtUp == null ? "-" : seconds(Duration.between(launchedAt, caughtUp))), ""));

        out.println();
        out.printf(Locale.ROOT, "%-40s %-36s %s%n", "what", "figure", "goal");
        rows.forEach(out::println);
        out.println();
        tail(steady, stopAt, launchedAt, launchedAt.plus(ready));
        out.println();
        out.println("open clocks at the end (tousu_sla_open_clocks): " + gauges);
        out.println("machine: " + MachineLoad.describe() + " (other work on the machine makes the figures noisy)");
        out.println();
        return all.size() == due && duplicates.get() == 0;
    }

    /**
     * Where the tail of the steady deadlines is: their lateness before the restart, in the first
     * 10 s after ready and after that, and the ten published latest (due time against the launch).
     */
    private void tail(List<Breach> steady, Instant stopAt, Instant launchedAt, Instant readyAt) {
        out.println("where the lateness is (steady deadlines; fired / published, p50/p99/max):");
        Map<String, Predicate<Breach>> phases = new java.util.LinkedHashMap<>();
        phases.put("before the restart", b -> b.dueAt().isBefore(stopAt));
        phases.put("first 10 s after ready", b -> !b.dueAt().isBefore(readyAt)
                && b.dueAt().isBefore(readyAt.plusSeconds(10)));
        phases.put("later after ready", b -> !b.dueAt().isBefore(readyAt.plusSeconds(10)));
        phases.forEach((name, phase) -> {
            List<Breach> in = steady.stream().filter(phase).toList();
            if (!in.isEmpty()) {
                out.printf(Locale.ROOT, "  %-26s %,6d due  fired %-24s published %s%n", name, in.size(),
                        ms(stats(in, Breach::firedLatenessNanos)), ms(stats(in, Breach::publishedLatenessNanos)));
            }
        });
        out.println("  published latest (due time from the launch; fired / published lateness):");
        steady.stream().sorted(java.util.Comparator.comparingLong(Breach::publishedLatenessNanos).reversed()).limit(10)
                .forEach(b -> out.printf(Locale.ROOT, "    due %+8.1f s   %6d / %6d ms%n",
                        Duration.between(launchedAt, b.dueAt()).toMillis() / 1000.0,
                        b.firedLatenessNanos() / 1_000_000, b.publishedLatenessNanos() / 1_000_000));
    }

    private void bulkLoad(Connection db, int complaints) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime received = now.minusHours(1);
        long policy;
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select id from sla_policies where name = 'Default'")) {
            rs.next();
            policy = rs.getLong(1);
        }
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement(INSERT_COMPLAINTS)) {
            ps.setString(1, salt);
            ps.setArray(2, db.createArrayOf("text", CATEGORIES));
            ps.setObject(3, received);
            ps.setLong(4, policy);
            ps.setObject(5, received);
            ps.setObject(6, received);
            ps.setInt(7, complaints);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement(INSERT_CLOCKS)) {
            ps.setString(1, salt);
            ps.setArray(2, db.createArrayOf("text", CATEGORIES));
            ps.setObject(3, received);
            // due from an hour from now on, spread over a week
            ps.setObject(4, now.plusHours(1));
            ps.setObject(5, now.plusHours(1));
            ps.setObject(6, received);
            ps.setInt(7, complaints);
            ps.executeUpdate();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
            st.execute("analyze tracked_complaints");
            st.execute("analyze sla_clocks");
        }
    }

    /** Publishes new complaints at the rate for {@code length}. */
    private void publish(String bootstrap, Duration length, AtomicLong sent, AtomicBoolean stop) {
        if (options.rate() == 0) {
            return;
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long intervalNanos = 1_000_000_000L / options.rate();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (long n = 0; !stop.get(); n++) {
                long at = start + n * intervalNanos;
                if (at > end) {
                    break;
                }
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                EventEnvelope e = TestEvents.complaintReceived("GD", CATEGORIES[(int) (n % CATEGORIES.length)], "NORMAL",
                        Instant.now());
                producer.send(new ProducerRecord<>(Topics.COMPLAINTS, e.complaintId(), EventCodec.write(e)));
                sent.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects the level-0 first-response breaches (the window's clocks) from tousu.escalations. */
    private static void readBreaches(String bootstrap, Map<String, Breach> breaches, AtomicLong duplicates,
            AtomicBoolean stop) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, String> eventIds = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.ESCALATIONS));
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope e = EventCodec.read(r.value());
                    if (!e.type().equals("SlaBreached")) {
                        continue;
                    }
                    SlaBreached b = e.payloadAs(SlaBreached.class);
                    if (!b.clock().equals("FIRST_RESPONSE") || b.level() != 0) {
                        continue;
                    }
                    String known = eventIds.putIfAbsent(e.complaintId(), e.eventId().toString());
                    if (known != null) {
                        if (!known.equals(e.eventId().toString())) {
                            duplicates.incrementAndGet();
                        }
                        continue;
                    }
                    breaches.put(e.complaintId(), new Breach(e.complaintId(), b.dueAt(), b.breachedAt(),
                            Instant.ofEpochMilli(r.timestamp())));
                }
            }
        }
    }

    /** Samples heap used and live data after GC from /q/metrics every second (missing while restarting). */
    private final class HeapSampler {
        final AtomicLong maxUsed = new AtomicLong();
        final AtomicLong maxLive = new AtomicLong();
        private final URI metrics;

        HeapSampler(URI metrics) {
            this.metrics = metrics;
        }

        void run(AtomicBoolean stop) {
            while (!stop.get()) {
                try {
                    String text = scrape(metrics);
                    maxUsed.accumulateAndGet((long) sum(text, "jvm_memory_used_bytes{area=\"heap\""), Math::max);
                    maxLive.accumulateAndGet((long) sum(text, "jvm_gc_live_data_size_bytes"), Math::max);
                } catch (IOException e) {
                    // restarting
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private String openClockGauges(URI metrics) {
        try {
            String text = scrape(metrics);
            return String.format(Locale.ROOT, "%,.0f (firing backlog %,.0f)", sum(text, "tousu_sla_open_clocks{"),
                    sum(text, "tousu_sla_firing_backlog"));
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private String scrape(URI metrics) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sum of the samples whose line starts with {@code prefix}. */
    static double sum(String prometheusText, String prefix) {
        return prometheusText.lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Sleeps until {@code until}, saying every 10 s how many of the window's breaches came in. */
    private void sleepUntil(Instant until, Map<String, Breach> breaches, int due) throws InterruptedException {
        long lastSaid = System.nanoTime();
        while (Instant.now().isBefore(until)) {
            Thread.sleep(Math.min(500, Math.max(1, Duration.between(Instant.now(), until).toMillis())));
            if (System.nanoTime() - lastSaid > 10_000_000_000L) {
                lastSaid = System.nanoTime();
                say("window", String.format(Locale.ROOT, "%,d of %,d deadlines fired", breaches.size(), due));
            }
        }
    }

    private Connection connect(Stack stack) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", stack.databaseUser());
        if (!stack.databasePassword().isEmpty()) {
            props.setProperty("password", stack.databasePassword());
        }
        return DriverManager.getConnection(stack.jdbcUrl(Service.ESCALATION), props);
    }

    private static LatencyStats stats(List<Breach> breaches, java.util.function.ToLongFunction<Breach> lateness) {
        return LatencyStats.of(breaches.stream().mapToLong(lateness).toArray(), Map.of(), Duration.ZERO);
    }

    private static String row(String what, String figure, String goal) {
        return String.format(Locale.ROOT, "%-40s %-36s %s", what, figure, goal);
    }

    private static String ms(LatencyStats s) {
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms", s.p50Ms(), s.p99Ms(), s.maxMs());
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

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }


    private void say(String component, String message) {
        out.println(ProgressListener.format(Duration.ofNanos(System.nanoTime() - began), component, message));
    }

}
