package io.tousu.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.tousu.localstack.Ports;
import io.tousu.localstack.Service;
import io.tousu.localstack.demo.TrafficMix.FollowUpAnswer;
import io.tousu.localstack.demo.TrafficMix.Handling;
import io.tousu.localstack.demo.TrafficMix.Resolution;
import io.tousu.testing.Tokens;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demo traffic: drives the public APIs of a running stack like a provincial centre (GD) on an
 * accelerated clock. Complaints arrive on a {@link DailyRhythm} with the {@link TrafficMix}'s channels,
 * categories and cities; most are assigned, started and resolved (some handed to the back office, some
 * waiting for the customer, large compensations approved by a supervisor) and followed up; some are
 * left alone so their clocks run out, and their customers urge. An inspector scores the pending
 * inspections, the call centre reports its daily call volume, and early on an outage in one city
 * brings a burst of network complaints. Progress every 10 s; errors are counted, never thrown.
 *
 * <p>The simulated clock starts at 09:00 of today and runs {@code speed} times real time. It sets the
 * pace; the services stamp everything with their own (real) time, and SLA clocks run in real time.
 */
public final class DemoTraffic {

    static final String PROVINCE = "GD";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Complaints in the busiest simulated hour. */
    static final double PEAK_PER_HOUR = 90;
    /** The most complaints per real second, whatever the speed: this machine runs the services too. */
    static final double MAX_REAL_RATE = 3.0;
    static final int OUTAGE_COMPLAINTS = 36;
    /** Calls due but waiting for a free worker beyond which new arrivals are skipped (the services are slow). */
    static final int MAX_BACKLOG = 50;

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    private static final long TICK_MILLIS = 250;
    private static final long PROGRESS_SECONDS = 10;
    private static final int RECENT_CUSTOMERS = 400;
    /** The demo province's customer base: small, like its traffic, so that per-10k-customer figures show. */
    private static final long DEMO_CUSTOMERS = 150_000;

    private record Staff(String id, String team, String token) {
    }

    /** One complaint the demo follows. */
    private static final class Tracked {
        final String id;
        final String ticketNo;
        final String msisdn;
        final String category;
        final Staff agent;
        final Handling handling;
        int round;

        Tracked(String id, String ticketNo, String msisdn, String category, Staff agent, Handling handling) {
            this.id = id;
            this.ticketNo = ticketNo;
            this.msisdn = msisdn;
            this.category = category;
            this.agent = agent;
            this.handling = handling;
        }
    }

    private final DemoOptions options;
    private final PrintStream out;
    private final DemoApi api;
    private final String intake;
    private final String escalation;
    private final String quality;
    private final String reporting;
    private final Random random;
    private final ScheduledThreadPoolExecutor executor;
    /** Arrivals and progress lines, never held up by slow calls. */
    private final ScheduledThreadPoolExecutor clock;
    private final List<Staff> agents = new ArrayList<>();
    private final Map<String, Staff> backOffice = new LinkedHashMap<>();
    private final String channelToken;
    private final Staff supervisor;
    private final Staff inspector;
    private final List<String[]> recentCustomers = new ArrayList<>();
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    private final AtomicLong created = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong outage = new AtomicLong();
    private final AtomicLong resolved = new AtomicLong();
    private final AtomicLong approved = new AtomicLong();
    private final AtomicLong handedOff = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong reopened = new AtomicLong();
    private final AtomicLong unhandled = new AtomicLong();
    private final AtomicLong urges = new AtomicLong();
    private final AtomicLong inspections = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    private volatile TrafficMix mix;
    private volatile long startedNanos;
    private volatile Instant startedAt = Instant.now();
    private double owed;
    private long lastTickNanos;
    private volatile LocalDate lastCallVolumeDay;

    private DemoTraffic(DemoOptions options, Ports ports, PrintStream out) {
        this.options = options;
        this.out = out;
        this.api = new DemoApi(out);
        this.intake = "http://localhost:" + ports.http().get(Service.INTAKE);
        this.escalation = "http://localhost:" + ports.http().get(Service.ESCALATION);
        this.quality = "http://localhost:" + ports.http().get(Service.QUALITY);
        this.reporting = "http://localhost:" + ports.http().get(Service.REPORTING);
        this.random = new Random(options.seed());
        this.executor = new ScheduledThreadPoolExecutor(6, r -> {
            Thread thread = new Thread(r, "tousu-demo");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.clock = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "tousu-demo-clock");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 1; i <= 12; i++) {
            String id = String.format(Locale.ROOT, "A%04d", 1000 + i);
            String team = "GD-FRONT-" + (1 + (i - 1) / 4);
            agents.add(new Staff(id, team, Tokens.mint(id, List.of("agent"), PROVINCE, team, TOKEN_LIFETIME)));
        }
        backOffice.put("GD-BILLING", new Staff("B2001", "GD-BILLING",
                Tokens.mint("B2001", List.of("backoffice"), PROVINCE, "GD-BILLING", TOKEN_LIFETIME)));
        backOffice.put("GD-NETWORK", new Staff("B2002", "GD-NETWORK",
                Tokens.mint("B2002", List.of("backoffice"), PROVINCE, "GD-NETWORK", TOKEN_LIFETIME)));
        channelToken = Tokens.mint("demo-channel", List.of("channel"), PROVINCE, null, TOKEN_LIFETIME);
        supervisor = new Staff("S3001", "GD-FRONT-1",
                Tokens.mint("S3001", List.of("supervisor"), PROVINCE, "GD-FRONT-1", TOKEN_LIFETIME));
        inspector = new Staff("qa-01", "GD-QA", Tokens.mint("qa-01", List.of("inspector"), PROVINCE, null,
                TOKEN_LIFETIME));
    }

    /** Demo traffic against the services on {@code ports}. */
    public static DemoTraffic against(Ports ports, DemoOptions options, PrintStream out) {
        return new DemoTraffic(options, ports, out);
    }

    /** Fetches the taxonomy and starts the traffic; false (with the reason printed) if intake cannot be read. */
    public boolean start() {
        JsonNode categories = api.get(intake + "/api/v1/categories?province=" + PROVINCE, supervisor.token(),
                "reading the categories");
        List<String> codes = new ArrayList<>();
        if (categories != null) {
            for (JsonNode category : categories) {
                if (category.path("active").asBoolean(true)) {
                    codes.add(category.path("code").asText());
                }
            }
        }
        if (codes.isEmpty()) {
            out.println("demo: intake at " + intake + " gave no categories; is ./tousu up running?");
            return false;
        }
        mix = new TrafficMix(codes);
        String admin = Tokens.mint("demo-admin", List.of("admin"), PROVINCE, null, TOKEN_LIFETIME);
        int policies = DemoSlaPolicies.install(api, escalation, admin, PROVINCE, options.speed());
        reportCustomerBase(admin);
        out.printf(Locale.ROOT, "SLA policies of %s on the demo's time scale (%d of %d installed): everyday complaints "
                + "resolved within %s, regulator appeals within %s, then up the chain; the real policies come back with "
                + "./tousu up --fresh.%n", PROVINCE, policies, DemoSlaPolicies.TERMS.size(),
                human(DemoSlaPolicies.scaled(DemoSlaPolicies.TERMS.get(0).resolution(), options.speed())),
                human(DemoSlaPolicies.scaled(DemoSlaPolicies.TERMS.get(1).resolution(), options.speed())));
        out.printf(Locale.ROOT, "Demo traffic for %s: %d categories, speed %d (a simulated %s per real second),"
                + " simulated day starting 09:00, seed %d.%n", PROVINCE, codes.size(), options.speed(),
                options.speed() >= 3600 ? "hour" : options.speed() >= 60 ? "minute" : "second", options.seed());
        startedNanos = System.nanoTime();
        startedAt = Instant.now();
        lastTickNanos = startedNanos;
        executor.execute(this::reportCallVolumes);
        clock.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(this::progress, PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(this::inspect, 15, 15, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(this::reportCallVolumes, 60, 60, TimeUnit.SECONDS);
        // the outage: a simulated 20 minutes in (at least 15 real seconds), one city loses its network
        executor.schedule(() -> safely(this::outageBurst), (long) Math.max(15, realSeconds(20 * 60)), TimeUnit.SECONDS);
        return true;
    }

    private static String human(Duration d) {
        return d.toMinutes() >= 2 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** Runs for the options' minutes (or until interrupted), then stops and prints the totals. */
    public void runToEnd() throws InterruptedException {
        try {
            if (options.minutes() > 0) {
                Thread.sleep(TimeUnit.MINUTES.toMillis(options.minutes()));
            } else {
                new java.util.concurrent.CountDownLatch(1).await();
            }
        } finally {
            stop();
        }
    }

    /** Stops the traffic (work in flight is abandoned) and prints the totals. */
    public void stop() {
        if (executor.isShutdown()) {
            return;
        }
        clock.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("Demo traffic stopped. " + line());
    }

    // ---- the clock ------------------------------------------------------------------------------

    /** The simulated local time: 09:00 today plus speed times the real time since the start. */
    LocalDateTime simulatedNow() {
        long realMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        return LocalDate.now(ZONE).atTime(9, 0).plusNanos(realMillis * options.speed() * 1_000_000L);
    }

    /** Real seconds that {@code simulatedSeconds} take. */
    private double realSeconds(double simulatedSeconds) {
        return simulatedSeconds / options.speed();
    }

    /** Runs {@code task} after {@code minMinutes} to {@code maxMinutes} simulated minutes (at least 0.3 real s). */
    private void later(double minMinutes, double maxMinutes, Runnable task) {
        double minutes;
        synchronized (random) {
            minutes = minMinutes + random.nextDouble() * (maxMinutes - minMinutes);
        }
        long millis = Math.max(300, (long) (realSeconds(minutes * 60) * 1000));
        laterReal(millis, task);
    }

    private void laterReal(long millis, Runnable task) {
        if (!executor.isShutdown()) {
            executor.schedule(() -> safely(task), millis, TimeUnit.MILLISECONDS);
        }
    }

    private void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            out.println("demo: " + e);
        }
    }

    private double chance() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    // ---- arrivals -------------------------------------------------------------------------------

    /** Complaints per real second at simulated {@code time} and {@code speed}, capped at {@link #MAX_REAL_RATE}. */
    static double realRate(DailyRhythm rhythm, LocalTime time, int speed) {
        return Math.min(MAX_REAL_RATE, rhythm.perHour(time) * speed / 3600.0);
    }

    private final DailyRhythm rhythm = new DailyRhythm(PEAK_PER_HOUR);

    private void tick() {
        long now = System.nanoTime();
        double seconds = (now - lastTickNanos) / 1e9;
        lastTickNanos = now;
        owed += realRate(rhythm, simulatedNow().toLocalTime(), options.speed()) * seconds;
        while (owed >= 1 || (owed > 0 && chance() < owed)) {
            owed -= 1;
            if (dueBacklog() > MAX_BACKLOG) {
                skipped.incrementAndGet();
            } else {
                executor.execute(() -> safely(() -> submit(null, null)));
            }
        }
        if (owed < 0) {
            owed = 0;
        }
    }

    /** Calls that are due and wait for a free worker. */
    private long dueBacklog() {
        return executor.getQueue().stream()
                .filter(task -> !(task instanceof Delayed delayed) || delayed.getDelay(TimeUnit.MILLISECONDS) <= 0)
                .count();
    }

    private void outageBurst() {
        out.println("demo: outage in " + TrafficMix.OUTAGE_CITY + ": a burst of " + TrafficMix.OUTAGE_CATEGORY
                + " complaints over the next simulated hour");
        long spanMillis = (long) Math.max(20_000, Math.min(90_000, realSeconds(3600) * 1000));
        for (int i = 0; i < OUTAGE_COMPLAINTS; i++) {
            laterReal(i * spanMillis / OUTAGE_COMPLAINTS, () -> {
                outage.incrementAndGet();
                submit(TrafficMix.OUTAGE_CATEGORY, TrafficMix.OUTAGE_CITY);
            });
        }
    }

    /** Submits one complaint (a repeat now and then) and plans what happens to it. */
    private void submit(String forcedCategory, String forcedCity) {
        String channel;
        String city;
        String category;
        String msisdn;
        String tier;
        Handling handling;
        boolean repeat = false;
        synchronized (random) {
            channel = TrafficMix.CHANNELS.draw(random);
            city = forcedCity != null ? forcedCity : TrafficMix.CITIES.draw(random);
            category = forcedCategory != null ? forcedCategory : mix.category(random);
            msisdn = TrafficMix.msisdn(random);
            tier = TrafficMix.TIERS.draw(random);
            handling = TrafficMix.HANDLING.draw(random);
            if (forcedCategory == null && !recentCustomers.isEmpty() && random.nextDouble() < TrafficMix.REPEAT_SHARE) {
                String[] earlier = recentCustomers.get(random.nextInt(recentCustomers.size()));
                msisdn = earlier[0];
                category = earlier[1];
                repeat = true;
            }
        }
        String ref = "demo-" + run + "-" + sequence.incrementAndGet();
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("msisdn", msisdn);
        customer.put("tier", tier);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("channelRef", ref);
        body.put("province", PROVINCE);
        body.put("city", city);
        body.put("customer", customer);
        body.put("category", category);
        synchronized (random) {
            body.put("description", TrafficMix.description(category, city, random));
        }
        JsonNode complaint = api.post(intake + "/api/v1/complaints", channelToken, body,
                "a " + channel + " complaint from " + TrafficMix.masked(msisdn));
        if (complaint == null) {
            return;
        }
        created.incrementAndGet();
        if (repeat) {
            repeats.incrementAndGet();
        }
        Staff agent;
        synchronized (random) {
            agent = agents.get(random.nextInt(agents.size()));
            if (!repeat) {
                if (recentCustomers.size() >= RECENT_CUSTOMERS) {
                    recentCustomers.remove(random.nextInt(recentCustomers.size()));
                }
                recentCustomers.add(new String[] {msisdn, category});
            }
        }
        Tracked c = new Tracked(complaint.path("id").asText(), complaint.path("ticketNo").asText(), msisdn, category,
                agent, handling);
        if (handling == Handling.UNHANDLED) {
            unhandled.incrementAndGet();
            if (chance() < TrafficMix.UNHANDLED_URGE_SHARE) {
                later(20, 120, () -> {
                    urge(c);
                    // an urge counts once per 10 minutes: the second one, which escalates, comes after that
                    laterReal(TimeUnit.MINUTES.toMillis(11), () -> urge(c));
                });
            }
            return;
        }
        if (chance() < TrafficMix.URGE_SHARE) {
            later(5, 30, () -> urge(c));
        }
        later(2, 20, () -> assign(c));
    }

    // ---- the closed loop ------------------------------------------------------------------------

    private String action(Tracked c, String action) {
        return intake + "/api/v1/complaints/" + c.id + "/" + action;
    }

    private void assign(Tracked c) {
        Map<String, Object> body = Map.of("ownerId", c.agent.id(), "teamId", c.agent.team(), "office", "FRONT");
        if (api.post(action(c, "assign"), c.agent.token(), body, "assigning " + c.ticketNo) != null) {
            later(1, 15, () -> startWork(c));
        }
    }

    private void startWork(Tracked c) {
        if (api.post(action(c, "start"), c.agent.token(), Map.of(), "starting " + c.ticketNo) == null) {
            return;
        }
        if (c.round == 0 && c.handling == Handling.HAND_OFF) {
            c.round = -1;
            later(10, 40, () -> handOff(c));
        } else if (c.round == 0 && c.handling == Handling.WAIT_FOR_CUSTOMER) {
            c.round = -1;
            later(5, 20, () -> waitForCustomer(c));
        } else {
            later(15, 180, () -> resolve(c));
        }
    }

    private void handOff(Tracked c) {
        String team = c.category.contains("NETWORK") ? "GD-NETWORK" : "GD-BILLING";
        Staff back = backOffice.get(team);
        Map<String, Object> body = Map.of("toTeamId", team, "toOwnerId", back.id(), "reason",
                "needs the " + team.substring(3).toLowerCase(Locale.ROOT) + " back office");
        if (api.post(action(c, "hand-off"), c.agent.token(), body, "handing off " + c.ticketNo) != null) {
            handedOff.incrementAndGet();
            later(30, 150, () -> {
                if (api.post(action(c, "hand-back"), back.token(), Map.of("reason", "checked and fixed on our side"),
                        "handing back " + c.ticketNo) != null) {
                    later(2, 15, () -> startWork(c));
                }
            });
        }
    }

    private void waitForCustomer(Tracked c) {
        if (api.post(action(c, "wait-for-customer"), c.agent.token(), Map.of("reason", "waiting for the customer's bill"),
                "waiting for the customer of " + c.ticketNo) != null) {
            later(20, 90, () -> {
                if (api.post(action(c, "resume"), c.agent.token(), Map.of("reason", "the customer sent the bill"),
                        "resuming " + c.ticketNo) != null) {
                    later(10, 60, () -> resolve(c));
                }
            });
        }
    }

    private void resolve(Tracked c) {
        Resolution resolution;
        synchronized (random) {
            resolution = c.round > 0 ? new Resolution(true, "PROCESS", "PROCESS_FIXED", null) : mix.resolution(random);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("substantiated", resolution.substantiated());
        body.put("responsibility", resolution.responsibility());
        if ("STAFF".equals(resolution.responsibility())) {
            body.put("staffId", c.agent.id());
        }
        body.put("resolutionCode", resolution.resolutionCode());
        body.put("summary", resolution.substantiated() ? "fixed and explained to the customer"
                : "checked: no fault found, explained to the customer");
        if (resolution.compensation() != null) {
            body.put("compensationAmount", resolution.compensation());
        }
        if (api.post(action(c, "resolve"), c.agent.token(), body, "resolving " + c.ticketNo) == null) {
            return;
        }
        if (resolution.needsApproval()) {
            later(10, 60, () -> {
                if (api.post(action(c, "approve"), supervisor.token(), Map.of(), "approving " + c.ticketNo) != null) {
                    approved.incrementAndGet();
                    resolved.incrementAndGet();
                    later(30, 240, () -> followUp(c));
                }
            });
        } else {
            resolved.incrementAndGet();
            later(30, 240, () -> followUp(c));
        }
    }

    private void followUp(Tracked c) {
        FollowUpAnswer answer;
        synchronized (random) {
            answer = c.round > 0 ? FollowUpAnswer.SATISFIED : TrafficMix.FOLLOW_UP.draw(random);
        }
        boolean solved = answer != FollowUpAnswer.NOT_RESOLVED;
        Map<String, Object> body = Map.of("satisfied", answer == FollowUpAnswer.SATISFIED, "resolved", solved,
                "comment", solved ? "customer confirmed" : "the problem is back");
        if (api.post(action(c, "follow-up"), c.agent.token(), body, "following up " + c.ticketNo) == null) {
            return;
        }
        if (solved) {
            closed.incrementAndGet();
        } else {
            reopened.incrementAndGet();
            c.round = Math.max(c.round, 0) + 1;
            later(5, 30, () -> assign(c));
        }
    }

    private void urge(Tracked c) {
        String verification = c.msisdn.substring(c.msisdn.length() - 4);
        if (api.post(intake + "/api/v1/track/" + c.ticketNo + "/urge", null, Map.of("verification", verification),
                "the customer urging " + c.ticketNo) != null) {
            urges.incrementAndGet();
        }
    }

    // ---- quality and reporting ------------------------------------------------------------------

    private void inspect() {
        safely(() -> {
            JsonNode page = api.get(quality + "/api/v1/inspections?status=PENDING&province=" + PROVINCE + "&size=5",
                    inspector.token(), "reading the inspection queue");
            if (page == null) {
                return;
            }
            for (JsonNode item : page.path("items")) {
                String id = item.path("id").asText();
                String url = quality + "/api/v1/inspections/" + id;
                if (api.post(url + "/claim", inspector.token(), Map.of(),
                        "claiming an inspection") == null) {
                    continue;
                }
                JsonNode detail = api.get(url, inspector.token(), "reading an inspection");
                if (detail == null) {
                    continue;
                }
                List<Map<String, Object>> answers = new ArrayList<>();
                for (JsonNode scorecardItem : detail.path("scorecard").path("items")) {
                    if (!scorecardItem.path("automatic").isNull() && !scorecardItem.path("automatic").isMissingNode()) {
                        continue;
                    }
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("code", scorecardItem.path("code").asText());
                    if ("POINTS".equals(scorecardItem.path("kind").asText())) {
                        int max = scorecardItem.path("maxPoints").asInt(10);
                        answer.put("points", chance() < 0.8 ? max : Math.max(0, max - 1 - (int) (chance() * max / 2)));
                    } else {
                        answer.put("passed", chance() < (scorecardItem.path("critical").asBoolean() ? 0.97 : 0.88));
                    }
                    answers.add(answer);
                }
                Map<String, Object> score = Map.of("items", answers, "comment",
                        "scored by the demo inspector");
                if (api.post(url + "/score", inspector.token(), score, "scoring an inspection") != null) {
                    inspections.incrementAndGet();
                }
            }
        });
    }

    /**
     * The customers of the demo province this month and last (the denominator of regulator complaints
     * per 10k customers), sized to the demo's volume so that the figure is not lost in rounding.
     */
    private void reportCustomerBase(String adminToken) {
        safely(() -> {
            YearMonth month = YearMonth.now(ZONE);
            for (YearMonth m : List.of(month.minusMonths(1), month)) {
                api.post(reporting + "/api/v1/customer-bases", adminToken,
                        Map.of("province", PROVINCE, "month", m.toString(), "customers", DEMO_CUSTOMERS),
                        "reporting the customer base of " + m);
            }
        });
    }

    /** The manual call volume of every day of this month so far (today's grows through the day). */
    private void reportCallVolumes() {
        safely(() -> {
            LocalDate today = LocalDate.now(ZONE);
            LocalDate from = lastCallVolumeDay == null ? today.withDayOfMonth(1) : today;
            for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
                int calls;
                synchronized (random) {
                    calls = 28_000 + random.nextInt(8_000);
                }
                if (day.equals(today)) {
                    double elapsed = Math.min(1.0, Duration.between(startedAt, Instant.now()).toSeconds()
                            * (double) options.speed() / 86_400 + 0.1);
                    calls = (int) (calls * elapsed);
                }
                api.post(reporting + "/api/v1/call-volumes", channelToken,
                        Map.of("province", PROVINCE, "date", day.toString(), "manualCalls", calls),
                        "reporting the call volume of " + day);
            }
            lastCallVolumeDay = today;
        });
    }

    // ---- progress -------------------------------------------------------------------------------

    private void progress() {
        safely(() -> out.println(line()));
    }

    private String line() {
        return String.format(Locale.ROOT, "demo %s | created %d (repeats %d, outage %d, left unhandled %d) | "
                + "handed off %d | resolved %d (approved %d) | closed %d | reopened %d | urges %d | inspections %d"
                + " | escalations %s | errors %d%s", simulatedNow().format(DateTimeFormatter.ofPattern("EEE HH:mm",
                Locale.ROOT)), created.get(), repeats.get(), outage.get(), unhandled.get(), handedOff.get(),
                resolved.get(), approved.get(), closed.get(), reopened.get(), urges.get(), inspections.get(),
                escalations(), api.errors(), skipped.get() == 0 ? ""
                        : " | skipped " + skipped.get() + " arrivals (services too slow)");
    }

    /** The escalations the escalation service has counted (its metrics), "?" when it does not answer. */
    private String escalations() {
        String metrics = api.text(escalation + "/q/metrics");
        if (metrics == null) {
            return "?";
        }
        return Long.toString(sumOf(metrics, "tousu_escalations_total"));
    }

    /** The sum of the samples of {@code name} in a Prometheus text exposition. */
    static long sumOf(String metrics, String name) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String[] parts = line.trim().split("\\s+");
                try {
                    sum += Double.parseDouble(parts[parts.length - 1]);
                } catch (NumberFormatException e) {
                    // not a sample
                }
            }
        }
        return Math.round(sum);
    }
}
