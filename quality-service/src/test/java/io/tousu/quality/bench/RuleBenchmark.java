package io.tousu.quality.bench;

import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import io.tousu.events.complaint.ComplaintUrged;
import io.tousu.events.complaint.InformationAdded;
import io.tousu.quality.domain.ComplaintHistory;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.quality.domain.RuleBook;
import io.tousu.quality.domain.RuleContext;
import io.tousu.quality.domain.SeedRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Throughput of risk-rule evaluation with the seeded rules (the V6 migration) over a synthetic but
 * realistic event stream: complaints with notes (some with a full phone number, some telling the
 * customer to swap the SIM), promises kept and broken, hand-offs answered or not, SLA breaches,
 * escalations, compensation within and above authority, red-line categories, follow-ups, reopens and
 * closes. Three rows:
 * <ul>
 * <li>{@code evaluate only}: the rules against contexts built beforehand;</li>
 * <li>{@code fold + evaluate}: what the consumer does in memory per event - fold the complaint's
 * history from all its events so far, build the context, evaluate;</li>
 * <li>{@code decode + fold + evaluate}: the same from the JSON records on the topic.</li>
 * </ul>
 * Not a test: it prints a table and exits 0 whether or not the goal (5,000 events/s) is met.
 * Database and Kafka are not measured (see the intake benchmark for those).
 *
 * <p>Options: {@code --complaints N} (default 5000), {@code --rounds N} measured rounds after one
 * warm-up (default 5), {@code --seed N} (default 20261125).
 */
public final class RuleBenchmark {

    static final double GOAL = 5_000;

    private RuleBenchmark() {
    }

    public static void main(String[] args) {
        int complaints = 5000;
        int rounds = 5;
        long seed = 20261125L;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--complaints" -> complaints = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --complaints N --rounds N --seed N");
                    System.exit(2);
                }
            }
        }
        RuleBook book = SeedRules.book();
        List<List<EventEnvelope>> stream = stream(complaints, new Random(seed));
        List<List<String>> json = stream.stream().map(c -> c.stream().map(EventCodec::write).toList()).toList();
        long events = stream.stream().mapToLong(List::size).sum();
        System.out.printf(Locale.ROOT, "%d seeded rules, %d complaints, %d events, %d rounds after a warm-up%n",
                book.size(), complaints, events, rounds);

        List<Row> rows = new ArrayList<>();
        List<List<RuleContext>> contexts = stream.stream().map(RuleBenchmark::contexts).toList();
        rows.add(measure("evaluate only (contexts prebuilt)", events, rounds, () -> evaluate(book, contexts)));
        rows.add(measure("fold + evaluate (as the consumer)", events, rounds, () -> foldAndEvaluate(book, stream)));
        rows.add(measure("decode + fold + evaluate", events, rounds, () -> decodeFoldAndEvaluate(book, json)));

        System.out.println();
        System.out.printf(Locale.ROOT, "%-36s %10s %10s %12s %10s %8s%n", "what", "events", "best s", "events/s",
                "us/event", "hits");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-36s %10d %10.3f %12.0f %10.2f %8d%n", r.what, r.events, r.bestSeconds,
                    r.rate(), 1e6 / r.rate(), r.hits);
        }
        Row consumer = rows.get(2);
        System.out.printf(Locale.ROOT, "%nrule evaluation from the wire: %.0f events/s   goal >= %.0f -> %s%n",
                consumer.rate(), GOAL, consumer.rate() >= GOAL ? "met" : "not met");
        System.out.printf(Locale.ROOT, "median of the rounds: %s events/s%n",
                Arrays.toString(rows.stream().mapToLong(r -> Math.round(r.median())).toArray()));
    }

    private record Row(String what, long events, double bestSeconds, double medianSeconds, long hits) {
        double rate() {
            return events / bestSeconds;
        }

        double median() {
            return events / medianSeconds;
        }
    }

    private interface Run {
        long run();
    }

    private static Row measure(String what, long events, int rounds, Run run) {
        long hits = run.run(); // warm-up
        double[] seconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            hits = run.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "  %-36s round %d: %.0f events/s%n", what, i + 1, events / seconds[i]);
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return new Row(what, events, sorted[0], sorted[sorted.length / 2], hits);
    }

    private static long evaluate(RuleBook book, List<List<RuleContext>> contexts) {
        long hits = 0;
        for (List<RuleContext> complaint : contexts) {
            for (RuleContext c : complaint) {
                hits += book.evaluate(c).size();
            }
        }
        return hits;
    }

    private static long foldAndEvaluate(RuleBook book, List<List<EventEnvelope>> stream) {
        long hits = 0;
        for (List<EventEnvelope> complaint : stream) {
            for (int i = 0; i < complaint.size(); i++) {
                hits += check(book, complaint.subList(0, i + 1));
            }
        }
        return hits;
    }

    private static long decodeFoldAndEvaluate(RuleBook book, List<List<String>> json) {
        long hits = 0;
        for (List<String> complaint : json) {
            List<EventEnvelope> sofar = new ArrayList<>(complaint.size());
            for (String record : complaint) {
                sofar.add(EventCodec.read(record));
                hits += check(book, sofar);
            }
        }
        return hits;
    }

    /** As the consumer: the history folded from all events so far in time order, then the rules. */
    private static long check(RuleBook book, List<EventEnvelope> sofar) {
        EventEnvelope event = sofar.get(sofar.size() - 1);
        List<EventEnvelope> ordered = sofar.stream().sorted(Comparator.comparing(EventEnvelope::occurredAt)).toList();
        return book.evaluate(RuleContext.of(event, ordered, ComplaintHistory.of(ordered))).size();
    }

    private static List<RuleContext> contexts(List<EventEnvelope> complaint) {
        List<RuleContext> out = new ArrayList<>(complaint.size());
        for (int i = 0; i < complaint.size(); i++) {
            List<EventEnvelope> sofar = complaint.subList(0, i + 1);
            out.add(RuleContext.of(sofar.get(i), sofar, ComplaintHistory.of(sofar)));
        }
        return out;
    }

    private static final String[] CATEGORIES = {"BILLING_DISPUTE", "DATA_USAGE_DISPUTE", "VALUE_ADDED_SP",
        "NETWORK_QUALITY", "BROADBAND_INSTALL", "MARKETING_VIOLATION", "BUSINESS_HANDLING", "STAFF_ATTITUDE",
        "OTHER"};
    private static final String[] CHANNELS = {"HOTLINE", "HOTLINE", "HOTLINE", "APP", "WEB", "WECHAT", "STORE",
        "REGULATOR"};
    private static final String[] NOTES = {"customer called again, explained the plan fee",
        "checked the bill items with the customer", "系统查询: no fault on the cell, explained coverage",
        "customer asks for a call on 13812345678 after six", "told the customer to swap the SIM",
        "建议客户换机", "waiting for the billing team", "customer will send a screenshot of the charge"};

    /** Complaints of a provincial centre, each a list of events in time order. */
    static List<List<EventEnvelope>> stream(int complaints, Random r) {
        Instant base = Instant.parse("2026-11-02T00:00:00Z");
        List<List<EventEnvelope>> out = new ArrayList<>(complaints);
        for (int n = 0; n < complaints; n++) {
            String agent = "ag-" + r.nextInt(200);
            String team = "team-" + r.nextInt(20);
            Instant start = base.plusSeconds(r.nextInt(30 * 24 * 3600));
            Lifecycle c = new Lifecycle("GD", start)
                    .received(CHANNELS[r.nextInt(CHANNELS.length)], CATEGORIES[r.nextInt(CATEGORIES.length)],
                            r.nextInt(10) == 0)
                    .assigned(Duration.ofMinutes(5), agent, team);
            long t = 10;
            if (r.nextInt(10) < 9) {
                c.started(Duration.ofMinutes(t += r.nextInt(180)));
            }
            int notes = r.nextInt(3);
            for (int i = 0; i < notes; i++) {
                c.note(Duration.ofMinutes(t += 5 + r.nextInt(60)), agent, NOTES[r.nextInt(NOTES.length)]);
            }
            if (r.nextInt(3) == 0) {
                c.add(Duration.ofMinutes(t += 30), new InformationAdded("CUSTOMER", "photo of the bill",
                        start.plus(Duration.ofMinutes(t))));
            }
            if (r.nextBoolean()) {
                String promise = "p-" + n;
                c.promise(Duration.ofMinutes(t += 10), promise, agent, Duration.ofHours(4));
                if (r.nextInt(5) == 0) {
                    c.broken(Duration.ofMinutes(t += 4 * 60 + 5), promise, start.plus(Duration.ofMinutes(t - 5)));
                } else {
                    c.kept(Duration.ofMinutes(t += 60), promise);
                }
            }
            if (r.nextInt(4) == 0) {
                c.handedOff(Duration.ofMinutes(t += 20), agent, "back-" + r.nextInt(5));
                if (r.nextInt(3) == 0) {
                    t += 30 * 60; // a day and more without an answer
                    c.breached(Duration.ofMinutes(t), "NEXT_UPDATE");
                    c.escalated(Duration.ofMinutes(t += 1), 1);
                    c.add(Duration.ofMinutes(t += 30), new ComplaintUrged(1, "HOTLINE",
                            start.plus(Duration.ofMinutes(t))));
                }
                c.handedBack(Duration.ofMinutes(t += 60 + r.nextInt(600)), agent, team);
            }
            BigDecimal compensation = switch (r.nextInt(10)) {
                case 0 -> new BigDecimal("50");
                case 1 -> new BigDecimal("150");
                case 2 -> new BigDecimal("2500");
                default -> null;
            };
            String responsibility = switch (r.nextInt(5)) {
                case 0 -> "STAFF";
                case 1 -> "PARTNER";
                case 2 -> "SYSTEM";
                default -> "NONE";
            };
            c.resolved(Duration.ofMinutes(t += 30), agent, r.nextBoolean(), responsibility, compensation,
                    compensation != null && r.nextBoolean(), r.nextInt(20) == 0 ? "refunded, called 13912345678"
                            : "explained and fixed");
            if (r.nextInt(10) < 8) {
                boolean satisfied = r.nextInt(6) > 0;
                c.followedUp(Duration.ofMinutes(t += 24 * 60), satisfied);
                if (!satisfied) {
                    c.reopened(Duration.ofMinutes(t += 1), 1);
                    c.resolved(Duration.ofMinutes(t += 120), agent, true, responsibility, null, false, "fixed again");
                    c.followedUp(Duration.ofMinutes(t += 24 * 60), true);
                }
            }
            c.closed(Duration.ofMinutes(t + 60));
            out.add(c.events());
        }
        return out;
    }
}
