package io.tousu.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.localstack.Service;
import io.tousu.testing.Tokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A month of one province's traffic in a minute: 240 complaints through the public APIs with a known
 * mix (channels with regulator appeals, repeats that reopen what was resolved, resolutions
 * substantiated or not with staff responsibility for some, hand-offs, promises kept, follow-ups
 * satisfied, unsatisfied or "not resolved", a category corrected after resolution, inspectors'
 * ticket errors, scored inspections, a late resolution policy for one category, the call centre's
 * manual call volume). The test keeps its own tally of what it sent and computes every figure of the
 * monthly key-indicator table with the formulas of DOMAIN.md ("Reporting"), rounded HALF_UP to two
 * places, then waits for reporting's table of the current month (in the province's zone) to show
 * exactly those figures, numerators and denominators included.
 *
 * <p>Risk hits are counted from the seeded rules the traffic is made to hit, and no other: a
 * resolution without any contact (OV_RESOLVED_WITHOUT_CONTACT), a substantiated staff-attitude or
 * marketing complaint against staff (RL_STAFF_COMPLAINT_SUBSTANTIATED, RL_FORCED_PRACTICE_SUBSTANTIATED,
 * once per resolution), a regulator appeal repeating a complaint (RL_REGULATOR_APPEAL_AFTER_LOCAL_HANDLING)
 * and a second reopen (PE_REOPENED_AGAIN).
 */
@Order(5)
@ExtendWith(PackagedSuite.class)
class MonthOfTrafficIT {

    /** No other story uses Sichuan. */
    private static final String PROVINCE = "SC";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int ORIGINALS = 216;
    private static final int REPEATS = 24;
    private static final int SCORED = 10;
    /** Concurrent clients (front ends) sending the traffic. */
    private static final int CLIENTS = 8;
    private static final List<String> CATEGORIES = List.of("BILLING_DISPUTE", "DATA_USAGE_DISPUTE", "VALUE_ADDED_SP",
            "NETWORK_QUALITY", "BROADBAND_INSTALL", "MARKETING_VIOLATION", "BUSINESS_HANDLING", "STAFF_ATTITUDE",
            "OTHER");
    private static final List<String> CHANNELS = List.of("HOTLINE", "APP", "WEB", "WECHAT", "SMS", "STORE");
    private static final List<String> RESPONSIBILITIES = List.of("PROCESS", "SYSTEM", "PARTNER");
    /** Resolution target of 2 s for this category in this province: every one of them is resolved late. */
    private static final String LATE_CATEGORY = "NETWORK_QUALITY";

    /** Decimals as written (98.70 stays 98.70, never a double). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String TOKEN = Tokens.superuser();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One complaint as the test sent it: the test's own record, never read back from a service. */
    static final class Ticket {
        final int k;
        final String channel;
        final String receivedCategory;
        final Ticket originalOf;
        final String msisdn;
        String id;
        String category;
        boolean started;
        boolean handedOff;
        boolean promised;
        int reopens;
        int resolutions;
        Boolean satisfied;

        Ticket(int k, String channel, String category, Ticket originalOf, String msisdn) {
            this.k = k;
            this.channel = channel;
            this.receivedCategory = category;
            this.category = category;
            this.originalOf = originalOf;
            this.msisdn = msisdn;
        }

        boolean repeat() {
            return originalOf != null;
        }

        boolean substantiated() {
            return k % 3 == 0 || k % 5 == 2;
        }

        String responsibility() {
            return !substantiated() ? "NONE" : k % 4 == 0 ? "STAFF" : RESPONSIBILITIES.get((k / 3) % 3);
        }
    }

    /** The risk hits the traffic makes, counted as it is sent. */
    private final AtomicInteger riskHits = new AtomicInteger();
    /** Ticket errors: categories corrected after resolution (automatic) and inspectors' findings. */
    private final AtomicInteger ticketErrors = new AtomicInteger();

    @Test
    void theMonthlyTableShowsExactlyWhatTheTrafficMakes() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        Assumptions.assumeTrue(now.plusMinutes(5).getMonth() == now.getMonth(),
                "not within 5 minutes of the end of the month in " + ZONE);
        YearMonth month = YearMonth.from(now);
        Instant started = Instant.now();
        phaseStart = started;
        String run = Long.toString(System.nanoTime() % 100_000);

        send(Service.ESCALATION, "POST", "/api/v1/sla-policies", """
                {"name":"Sichuan network drill","province":"%s","category":"%s",
                 "firstResponse":"PT1H","nextUpdate":"PT1H","resolution":"PT2S","warnBefore":"PT1S",
                 "calendarMode":"ALWAYS",
                 "chain":[{"level":"TEAM_LEAD","deadline":"PT1H"},{"level":"MANAGER","deadline":"PT1H"},
                          {"level":"CENTRE_DIRECTOR","deadline":"PT1H"},{"level":"PROVINCE"}]}"""
                .formatted(PROVINCE, LATE_CATEGORY), 201);

        // A: the originals, every channel, a regulator appeal in ten
        List<Ticket> originals = new ArrayList<>();
        for (int o = 0; o < ORIGINALS; o++) {
            originals.add(new Ticket(o, o % 10 == 0 ? "REGULATOR" : CHANNELS.get(o % CHANNELS.size()),
                    CATEGORIES.get(o % CATEGORIES.size()), null, "1880%07d".formatted(o)));
        }
        parallel(originals, t -> submit(t, run));

        phase("A originals");
        // B: seven in eight are worked and resolved; some handed off, some never started, some promised a call-back
        List<Ticket> resolvedOriginals = originals.stream().filter(t -> t.k % 8 != 7).toList();
        parallel(resolvedOriginals, t -> {
            act(t, "assign", "{\"ownerId\":\"SC-A%02d\",\"teamId\":\"SC-FRONT-%d\",\"office\":\"FRONT\"}"
                    .formatted(t.k % 12, t.k % 3));
            if (t.k % 25 != 1) {
                act(t, "start", "{}");
                t.started = true;
            }
            if (t.k % 7 == 3) {
                act(t, "hand-off", "{\"toTeamId\":\"SC-BACK-1\",\"reason\":\"needs the billing system team\"}");
                t.handedOff = true;
            }
            if (t.k % 11 == 4) {
                String promise = send(Service.INTAKE, "POST", "/api/v1/complaints/" + t.id + "/promises",
                        "{\"kind\":\"CALL_BACK\",\"dueAt\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\"}", 201)
                        .get("id").asText();
                act(t, "promises/" + promise + "/kept", "{}");
                t.promised = true;
            }
            resolve(t);
            if (t.k % 30 == 13) {
                // corrected after resolution: quality records a WRONG_CATEGORY ticket error
                t.category = t.category.equals("OTHER") ? "BILLING_DISPUTE" : "OTHER";
                act(t, "category", "{\"category\":\"" + t.category + "\"}");
                ticketErrors.incrementAndGet();
            }
        });

        phase("B worked and resolved");
        // C: one in nine customers complains again about the same thing; a resolved original is reopened by it
        List<Ticket> repeats = new ArrayList<>();
        for (int r = 0; r < REPEATS; r++) {
            Ticket original = originals.get(9 * r + 2);
            repeats.add(new Ticket(ORIGINALS + r, r % 5 == 0 ? "REGULATOR" : "HOTLINE", original.category, original,
                    original.msisdn));
        }
        parallel(repeats, t -> {
            submit(t, run);
            if (t.channel.equals("REGULATOR")) {
                riskHits.incrementAndGet(); // RL_REGULATOR_APPEAL_AFTER_LOCAL_HANDLING
            }
            if (t.originalOf.resolutions > 0) {
                reopened(t.originalOf);
            }
        });

        phase("C repeats");
        // D: the reopened originals are resolved again; two repeats in three are resolved
        List<Ticket> rework = new ArrayList<>(repeats.stream().map(t -> t.originalOf).filter(t -> t.reopens > 0).toList());
        rework.addAll(repeats.stream().filter(t -> t.k % 3 != 2).toList());
        parallel(rework, t -> {
            act(t, "assign", "{\"ownerId\":\"SC-A%02d\",\"teamId\":\"SC-FRONT-%d\",\"office\":\"FRONT\"}"
                    .formatted(t.k % 12, t.k % 3));
            act(t, "start", "{}");
            t.started = true;
            resolve(t);
        });

        phase("D resolved again");
        // E: follow-up visits: satisfied, unsatisfied but resolved, "not resolved" (reopens), or none
        List<Ticket> all = new ArrayList<>(originals);
        all.addAll(repeats);
        List<Ticket> visited = all.stream().filter(t -> t.resolutions > 0 && t.k % 4 != 3).toList();
        parallel(visited, t -> {
            boolean satisfied = t.k % 4 == 0;
            boolean resolved = t.k % 4 != 2;
            act(t, "follow-up", "{\"satisfied\":%s,\"resolved\":%s}".formatted(satisfied, resolved));
            t.satisfied = satisfied;
            if (!resolved) {
                reopened(t);
            }
        });

        phase("E follow-ups");
        // F: what the follow-up reopened is resolved again
        parallel(visited.stream().filter(t -> t.k % 4 == 2).toList(), t -> {
            act(t, "assign", "{\"ownerId\":\"SC-A%02d\",\"teamId\":\"SC-FRONT-%d\",\"office\":\"FRONT\"}"
                    .formatted(t.k % 12, t.k % 3));
            act(t, "start", "{}");
            t.started = true;
            resolve(t);
        });

        phase("F resolved again");
        // G: inspectors record ticket errors (once quality has the complaint)
        parallel(all.stream().filter(t -> t.k % 20 == 7).toList(), t -> {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> request(
                    Service.QUALITY, "POST", "/api/v1/ticket-errors", """
                            {"complaintId":"%s","errorType":"MISSING_INFORMATION",
                             "description":"account number missing on ticket %d","recordedBy":"QA-SC-01"}"""
                            .formatted(t.id, t.k)).statusCode() == 201);
            ticketErrors.incrementAndGet();
        });

        phase("G ticket errors");
        // H: the call centre's manual call volume: two days of the month, today's reported twice (the later counts)
        LocalDate today = now.toLocalDate();
        long calls = 0;
        if (today.getDayOfMonth() != 1) {
            callVolume(month.atDay(1), 12_345);
            calls += 12_345;
        }
        callVolume(today, 5_000);
        callVolume(today, 23_456);
        calls += 23_456;

        phase("H call volumes");
        // I: an inspector scores ten inspections of the month (all passed): the audited tickets
        scoreInspections();

        phase("I inspections scored");
        Map<String, Expected> expected = expected(all, calls);
        System.out.printf("[MonthOfTrafficIT] %d complaints sent in %d s; expected %s%n", all.size(),
                Duration.between(started, Instant.now()).toSeconds(), expected);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertTable(monthly(month), expected));
        System.out.printf("[MonthOfTrafficIT] converged after %d s%n", Duration.between(started, Instant.now())
                .toSeconds());
    }

    // ------------------------------------------------------------------ the test's own arithmetic

    /** One row of the table as the test expects it; the previous month (nothing in SC) is empty. */
    record Expected(BigDecimal value, long numerator, Long denominator, boolean count) {
    }

    private Map<String, Expected> expected(List<Ticket> all, long calls) {
        long complaints = all.size();
        long repeats = all.stream().filter(Ticket::repeat).count();
        long regulator = all.stream().filter(t -> t.channel.equals("REGULATOR")).count();
        List<Ticket> resolved = all.stream().filter(t -> t.resolutions > 0).toList();
        long substantiated = resolved.stream().filter(Ticket::substantiated).count();
        long staff = resolved.stream().filter(t -> t.responsibility().equals("STAFF")).count();
        long firstContact = resolved.stream().filter(t -> !t.handedOff && t.reopens == 0 && !t.repeat()).count();
        long onTime = resolved.stream().filter(t -> !t.receivedCategory.equals(LATE_CATEGORY)).count();
        long followedUp = all.stream().filter(t -> t.satisfied != null).count();
        long satisfied = all.stream().filter(t -> Boolean.TRUE.equals(t.satisfied)).count();
        long errors = ticketErrors.get();
        long hits = riskHits.get();

        Map<String, Expected> rows = new LinkedHashMap<>();
        rows.put("TICKET_ACCURACY_RATE", rate(complaints - errors, complaints, 100));
        rows.put("VALID_COMPLAINTS_PER_10K_CALLS", rate(substantiated, calls, 10_000));
        rows.put("SUBSTANTIATED_STAFF_COMPLAINTS", count(staff));
        rows.put("FIRST_CONTACT_RESOLUTION_RATE", rate(firstContact, resolved.size(), 100));
        rows.put("ON_TIME_RESOLUTION_RATE", rate(onTime, resolved.size(), 100));
        rows.put("FOLLOW_UP_SATISFACTION", rate(satisfied, followedUp, 100));
        rows.put("COMPLAINT_VOLUME", count(complaints));
        rows.put("REPEAT_COMPLAINT_RATE", rate(repeats, complaints, 100));
        rows.put("REGULATOR_ESCALATION_RATE", rate(regulator, complaints, 100));
        rows.put("RISK_ANOMALY_RATE", rate(hits, SCORED, 100));
        // no customer base is reported for SC: the per-10k-customers figure (where the table has it) is undefined
        rows.put("REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS", new Expected(null, regulator, null, false));
        return rows;
    }

    private static Expected rate(long part, long whole, long factor) {
        return new Expected(whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(factor))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP), part, whole, false);
    }

    private static Expected count(long n) {
        return new Expected(BigDecimal.valueOf(n).setScale(2), n, null, true);
    }

    private static void assertTable(JsonNode table, Map<String, Expected> expected) {
        assertThat(table.get("province").asText()).isEqualTo(PROVINCE);
        List<String> codes = new ArrayList<>();
        for (JsonNode row : table.get("indicators")) {
            String code = row.get("code").asText();
            codes.add(code);
            Expected e = expected.get(code);
            assertThat(e).as("an indicator the test knows: " + code).isNotNull();
            assertThat(decimal(row.get("value"))).as(code + " value").isEqualTo(e.value());
            assertThat(row.get("numerator").asLong()).as(code + " numerator").isEqualTo(e.numerator());
            assertThat(row.get("denominator").isNull() ? null : row.get("denominator").asLong())
                    .as(code + " denominator").isEqualTo(e.denominator());
            // nothing was sent for SC last month
            assertThat(row.get("previousNumerator").asLong()).as(code + " previous numerator").isZero();
            if (e.count()) {
                assertThat(decimal(row.get("previous"))).as(code + " previous").isEqualByComparingTo("0");
                assertThat(decimal(row.get("difference"))).as(code + " difference").isEqualTo(e.value());
            } else {
                assertThat(decimal(row.get("previous"))).as(code + " previous").isNull();
                assertThat(decimal(row.get("difference"))).as(code + " difference").isNull();
            }
            assertThat(decimal(row.get("change"))).as(code + " change (previous zero or undefined)").isNull();
        }
        assertThat(codes).as("the table's indicators").containsAll(expected.keySet().stream()
                .filter(c -> !c.equals("REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS")).toList());
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue().setScale(2, RoundingMode.UNNECESSARY);
    }

    // ------------------------------------------------------------------ sending

    private Instant phaseStart = Instant.now();

    private void phase(String done) {
        Instant now = Instant.now();
        System.out.printf("[MonthOfTrafficIT] %-24s %5d ms%n", done, Duration.between(phaseStart, now).toMillis());
        phaseStart = now;
    }

    private void submit(Ticket t, String run) {
        t.id = send(Service.INTAKE, "POST", "/api/v1/complaints", """
                {"channel":"%s","channelRef":"st-month-%s-%d","province":"%s","city":"%s",
                 "customer":{"msisdn":"%s"},"category":"%s",
                 "description":"month of traffic, complaint %d of run %s"}""".formatted(t.channel, run, t.k, PROVINCE,
                t.k % 2 == 0 ? "Chengdu" : "Mianyang", t.msisdn, t.receivedCategory, t.k, run), 201)
                .get("id").asText();
    }

    private void resolve(Ticket t) {
        if (t.receivedCategory.equals(LATE_CATEGORY) && t.resolutions == 0) {
            // resolved only once escalation has seen the 2-second resolution target run out
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                HttpResponse<String> clocks = request(Service.ESCALATION, "GET", "/api/v1/escalations/" + t.id, null);
                if (clocks.statusCode() != 200) {
                    return false; // escalation has not taken the complaint in yet
                }
                for (JsonNode clock : JSON.readTree(clocks.body()).get("clocks")) {
                    if (clock.get("clock").asText().equals("RESOLUTION") && clock.hasNonNull("firstBreachedAt")) {
                        return true;
                    }
                }
                return false;
            });
        }
        String responsibility = t.responsibility();
        act(t, "resolve", "{\"substantiated\":%s,\"responsibility\":\"%s\",%s\"resolutionCode\":\"FIXED_%d\",\"summary\":\"handled, case %d\"}"
                .formatted(t.substantiated(), responsibility,
                        responsibility.equals("STAFF") ? "\"staffId\":\"SC-S%03d\",".formatted(t.k % 50) : "", t.k % 7,
                        t.k));
        // risk rules this resolution hits
        if (!t.started && !t.handedOff && !t.promised) {
            riskHits.incrementAndGet(); // OV_RESOLVED_WITHOUT_CONTACT
        }
        if (t.substantiated() && responsibility.equals("STAFF")) {
            if (t.category.equals("STAFF_ATTITUDE")) {
                riskHits.incrementAndGet(); // RL_STAFF_COMPLAINT_SUBSTANTIATED
            }
            if (t.category.equals("MARKETING_VIOLATION")) {
                riskHits.incrementAndGet(); // RL_FORCED_PRACTICE_SUBSTANTIATED
            }
        }
        t.resolutions++;
    }

    private void reopened(Ticket t) {
        t.reopens++;
        if (t.reopens >= 2) {
            riskHits.incrementAndGet(); // PE_REOPENED_AGAIN
        }
    }

    private void act(Ticket t, String action, String body) {
        send(Service.INTAKE, "POST", "/api/v1/complaints/" + t.id + "/" + action, body, 200);
    }

    private void callVolume(LocalDate day, long manualCalls) {
        send(Service.REPORTING, "POST", "/api/v1/call-volumes", """
                {"province":"%s","date":"%s","manualCalls":%d}""".formatted(PROVINCE, day, manualCalls),
                Set.of(200, 201));
    }

    private void scoreInspections() {
        List<String> ids = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            ids.clear();
            send(Service.QUALITY, "GET", "/api/v1/inspections?province=" + PROVINCE + "&status=PENDING&size=" + SCORED,
                    null, 200).get("items").forEach(i -> ids.add(i.get("id").asText()));
            return ids.size() == SCORED;
        });
        for (String id : ids) {
            send(Service.QUALITY, "POST", "/api/v1/inspections/" + id + "/claim", null, 200);
            JsonNode scorecard = send(Service.QUALITY, "GET", "/api/v1/inspections/" + id, null, 200).get("scorecard");
            List<String> items = new ArrayList<>();
            for (JsonNode item : scorecard.get("items")) {
                if (!item.hasNonNull("automatic")) {
                    items.add(item.get("kind").asText().equals("POINTS")
                            ? "{\"code\":\"%s\",\"points\":%d}".formatted(item.get("code").asText(),
                                    item.get("maxPoints").asInt())
                            : "{\"code\":\"%s\",\"passed\":true}".formatted(item.get("code").asText()));
                }
            }
            send(Service.QUALITY, "POST", "/api/v1/inspections/" + id + "/score",
                    "{\"items\":[" + String.join(",", items) + "],\"comment\":\"well handled\"}", 200);
        }
    }

    private JsonNode monthly(YearMonth month) {
        return send(Service.REPORTING, "GET", "/api/v1/indicators/monthly?province=" + PROVINCE + "&month=" + month,
                null, 200);
    }

    private JsonNode send(Service service, String method, String path, String body, int status) {
        return send(service, method, path, body, Set.of(status));
    }

    private JsonNode send(Service service, String method, String path, String body, Set<Integer> statuses) {
        HttpResponse<String> response = request(service, method, path, body);
        if (!statuses.contains(response.statusCode())) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ", not " + statuses
                    + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(method + " " + path + " answered no JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> request(Service service, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PackagedSuite.stack().baseUrl(service)
                        .toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} for every ticket, {@value #CLIENTS} at a time; each ticket's own steps stay in order. */
    private static void parallel(List<Ticket> tickets, Consumer<Ticket> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Ticket t : tickets) {
                running.add(pool.submit(() -> work.accept(t)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
