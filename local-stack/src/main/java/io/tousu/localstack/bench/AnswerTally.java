package io.tousu.localstack.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a service answered during a drill, counted by kind, in total and while the drill's outage
 * lasted: taken (2xx), a clear "unavailable" (503 {@code application/problem+json} with
 * {@code Retry-After}), an unclear 503, any other 5xx, a 4xx, or no answer at all (connection refused,
 * timeout). Thread-safe.
 */
final class AnswerTally implements IntakeClient.AnswerListener {

    /** The kinds of answer, in the order of the drills' tables. */
    enum Kind {
        OK("2xx"),
        UNAVAILABLE("503 problem"),
        UNCLEAR_503("503 other"),
        OTHER_5XX("other 5xx"),
        /** A 4xx, or a status no service sends (1xx, 3xx). */
        NOT_TAKEN("4xx/other"),
        NO_ANSWER("no answer");

        final String heading;

        Kind(String heading) {
            this.heading = heading;
        }
    }

    static final String PROBLEM_JSON = "application/problem+json";

    private final Map<Kind, LongAdder> total = adders();
    private final Map<Kind, LongAdder> duringOutage = adders();
    private volatile boolean outage;

    /** From now on (true) or no longer (false) answers also count as answers during the outage. */
    void outage(boolean on) {
        outage = on;
    }

    @Override
    public void answered(HttpResponse<?> answer) {
        add(classify(answer.statusCode(), answer.headers().firstValue("Content-Type"),
                answer.headers().firstValue("Retry-After")));
    }

    @Override
    public void unanswered(IOException failure) {
        add(Kind.NO_ANSWER);
    }

    /** Answers of {@code kind} since the drill began. */
    long total(Kind kind) {
        return total.get(kind).sum();
    }

    /** Answers of {@code kind} while the outage lasted. */
    long duringOutage(Kind kind) {
        return duringOutage.get(kind).sum();
    }

    /**
     * The kind of an answer: a 503 counts as a clear "unavailable" only with a problem+json body and a
     * Retry-After header telling the client when to come back.
     */
    static Kind classify(int status, Optional<String> contentType, Optional<String> retryAfter) {
        if (status >= 200 && status < 300) {
            return Kind.OK;
        }
        if (status == 503) {
            boolean problem = contentType.map(type -> type.toLowerCase(Locale.ROOT).startsWith(PROBLEM_JSON))
                    .orElse(false);
            boolean retry = retryAfter.map(value -> !value.isBlank()).orElse(false);
            return problem && retry ? Kind.UNAVAILABLE : Kind.UNCLEAR_503;
        }
        if (status >= 500) {
            return Kind.OTHER_5XX;
        }
        return Kind.NOT_TAKEN;
    }

    /** The heading line of a table of tallies, {@code what} as its first column. */
    static String header(String what) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-46s", what));
        for (Kind kind : Kind.values()) {
            line.append(String.format(Locale.ROOT, " %11s", kind.heading));
        }
        return line.toString();
    }

    /** One row: the counts of every kind, in total or while the outage lasted. */
    String row(String what, boolean whileDown) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-46s", what));
        for (Kind kind : Kind.values()) {
            line.append(String.format(Locale.ROOT, " %,11d", whileDown ? duringOutage(kind) : total(kind)));
        }
        return line.toString();
    }

    private void add(Kind kind) {
        total.get(kind).increment();
        if (outage) {
            duringOutage.get(kind).increment();
        }
    }

    private static Map<Kind, LongAdder> adders() {
        Map<Kind, LongAdder> adders = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            adders.put(kind, new LongAdder());
        }
        return adders;
    }
}
