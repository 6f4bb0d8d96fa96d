package io.tousu.localstack.bench;

import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * What the drills that take a piece of infrastructure away share ({@code drill kafka}, {@code drill
 * postgres}): the load of {@link RetryingLoad} with every answer of intake counted by
 * {@link AnswerTally}; once a third of the complaints are taken in, the piece is stopped for the
 * chosen time while the load goes on, then started again; then the load runs to the end.
 */
final class OutageDrill {

    /** What the drill takes away and brings back. */
    interface Outage {

        /** For the progress lines and tables, e.g. {@code Kafka}. */
        String what();

        /** Called once just before it is taken away (e.g. to check what works while it is there). */
        default void beforeStop(Stack stack) throws Exception {
        }

        /** Takes it away. */
        void stop(Stack stack) throws Exception;

        /** Brings it back; returns once it serves again. */
        void start(Stack stack) throws Exception;

        /** Called about once a second while it is away (e.g. to probe the services). */
        default void whileDown(Stack stack) throws Exception {
        }

        /** Called once just before it is started again (e.g. to measure what piled up). */
        default void beforeStart(Stack stack) throws Exception {
        }
    }

    /**
     * The command line of an outage drill: the drills' own options plus {@code --down-seconds N}.
     *
     * @param drill complaints, clients, help
     * @param downSeconds how long the piece stays away
     */
    record Options(DrillOptions drill, int downSeconds) {

        Options {
            OptionValues.requireRange("--down-seconds", downSeconds, 1, 3600);
        }

        /**
         * Takes {@code --down-seconds} out of the arguments and leaves the rest to {@link DrillOptions}.
         *
         * @throws IllegalArgumentException with a message for the user when an argument is wrong
         */
        static Options parse(String[] args, int defaultComplaints, int defaultClients, int defaultDownSeconds) {
            Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
            List<String> others = new ArrayList<>();
            int down = defaultDownSeconds;
            while (!rest.isEmpty()) {
                String arg = rest.removeFirst();
                if (arg.equals("--down-seconds") || arg.startsWith("--down-seconds=")) {
                    down = OptionValues.number("--down-seconds", OptionValues.value(arg, rest));
                } else {
                    others.add(arg);
                }
            }
            return new Options(DrillOptions.parse(others.toArray(String[]::new), defaultComplaints, defaultClients),
                    down);
        }

        boolean help() {
            return drill.help();
        }
    }

    /** How often a progress line is printed while the piece is away. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Options options;
    private final ProgressLog log;
    private final AnswerTally intakeAnswers = new AnswerTally();
    private long takenWhileDown;
    private Duration down = Duration.ZERO;

    OutageDrill(Options options, ProgressLog log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Runs the load with {@code outage} in its course and returns once every complaint was taken in.
     *
     * @throws Exception whatever stopping or starting the piece threw, or an interrupt
     */
    void run(Stack stack, Outage outage) throws Exception {
        int complaints = options.drill().complaints();
        RetryingLoad load = new RetryingLoad(List.of(new IntakeClient(stack.baseUrl(Service.INTAKE), intakeAnswers)),
                ComplaintRequests.random(), complaints, options.drill().clients());
        load.start();
        load.awaitAccepted(complaints / 3);
        outage.beforeStop(stack);
        long before = load.accepted();
        log.say("outage", String.format(Locale.ROOT, "%,d of %,d taken in; stopping %s for %d s", before, complaints,
                outage.what(), options.downSeconds()));
        intakeAnswers.outage(true);
        long since = System.nanoTime();
        outage.stop(stack);
        long until = System.nanoTime() + Duration.ofSeconds(options.downSeconds()).toNanos();
        long nextSay = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (System.nanoTime() < until) {
            Thread.sleep(Math.max(1, Math.min(1000, (until - System.nanoTime()) / 1_000_000)));
            outage.whileDown(stack);
            if (System.nanoTime() >= nextSay) {
                log.say("outage", String.format(Locale.ROOT, "%s down %d s of %d: %,d of %,d taken in, %,d meanwhile; "
                        + "intake answered %s", outage.what(), Duration.ofNanos(System.nanoTime() - since).toSeconds(),
                        options.downSeconds(), load.accepted(), complaints, load.accepted() - before,
                        summary(intakeAnswers, true)));
                nextSay += PROGRESS_EVERY.toNanos();
            }
        }
        outage.beforeStart(stack);
        outage.start(stack);
        intakeAnswers.outage(false);
        down = Duration.ofNanos(System.nanoTime() - since);
        takenWhileDown = load.accepted() - before;
        log.say("outage", String.format(Locale.ROOT, "%s is back after %d s; %,d complaints were taken in meanwhile",
                outage.what(), down.toSeconds(), takenWhileDown));
        load.awaitDone(line -> log.say("load", line));
        log.say("load", String.format(Locale.ROOT, "all %,d taken in (%,d submissions repeated)", load.accepted(),
                load.retries()));
    }

    /** Intake's answers to the load's complaints. */
    AnswerTally intakeAnswers() {
        return intakeAnswers;
    }

    /** Complaints intake took in while the piece was away. */
    long takenWhileDown() {
        return takenWhileDown;
    }

    /** How long the piece was away, from the stop to being back. */
    Duration down() {
        return down;
    }

    /** Prints the table of intake's answers: while the piece was away, and over the whole drill. */
    void printIntakeAnswers(String what) {
        log.out().println();
        log.out().println(AnswerTally.header("intake: POST /api/v1/complaints"));
        log.out().println(intakeAnswers.row(String.format(Locale.ROOT, "  while %s was down (%d s)", what,
                down.toSeconds()), true));
        log.out().println(intakeAnswers.row("  whole drill", false));
    }

    /** For example {@code 2xx 310, 503 problem 12}: the kinds seen, in total or while down. */
    static String summary(AnswerTally tally, boolean whileDown) {
        List<String> parts = new ArrayList<>();
        for (AnswerTally.Kind kind : AnswerTally.Kind.values()) {
            long n = whileDown ? tally.duringOutage(kind) : tally.total(kind);
            if (n > 0) {
                parts.add(String.format(Locale.ROOT, "%s %,d", kind.heading, n));
            }
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }
}
