package io.tousu.localstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * An open model: complaints are sent on a fixed schedule whether or not earlier ones were answered,
 * as independent callers would. A latency runs from the moment a request was due, so time spent
 * queueing behind a slow answer (in the client or the service) counts.
 */
final class FixedRateLoad {

    /** More requests than this waiting for an answer means intake has fallen far behind: stop adding. */
    static final int MAX_WAITING = 512;

    /** How long the answers to the last requests are waited for; longer than the request timeout. */
    private static final Duration DRAIN = Duration.ofSeconds(15);

    private FixedRateLoad() {
    }

    /**
     * Sends {@code rate} complaints per second until the limit is reached, waits for the answers and
     * returns what was measured. Requests not sent because {@link #MAX_WAITING} were waiting count as errors.
     *
     * @param progress hears a progress line every few seconds
     * @throws InterruptedException if interrupted; requests in flight are abandoned
     */
    static LatencyStats run(IntakeClient client, ComplaintRequests requests, int rate, PhaseLimit limit,
            Consumer<String> progress) throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        long total = Math.min(limit.maxOperations(), rate * limit.duration().toSeconds());
        double interval = 1e9 / rate;
        AtomicInteger waiting = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        long began = System.nanoTime();
        try (PhaseProgress ignored = new PhaseProgress(progress, limit.duration(), "complaints", recorder::successes,
                recorder::failures)) {
            for (long i = 0; i < total; i++) {
                long due = began + Math.round(i * interval);
                sleepUntil(due);
                if (waiting.get() >= MAX_WAITING) {
                    recorder.failure("not sent, " + MAX_WAITING + " already waiting");
                    continue;
                }
                waiting.incrementAndGet();
                CompletableFuture<Integer> answer = client.submitAsync(requests.next());
                answer.whenComplete((status, failure) -> {
                    long now = System.nanoTime();
                    if (failure != null) {
                        recorder.failure(IntakeClient.failureKind(failure));
                    } else if (status == IntakeClient.CREATED) {
                        recorder.success(now - due);
                    } else {
                        recorder.failure(IntakeClient.statusKind(status));
                    }
                    lastAnswer.accumulateAndGet(now, Math::max);
                    waiting.decrementAndGet();
                });
                sent.add(answer);
            }
            awaitAnswers(sent);
        }
        long end = Math.max(lastAnswer.get(), began + limit.duration().toNanos());
        return recorder.stats(Duration.ofNanos(end - began));
    }

    /** Waits up to {@link #DRAIN} for the answers; cancels (and so counts as errors) those still missing. */
    private static void awaitAnswers(List<CompletableFuture<Integer>> sent) throws InterruptedException {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // each failure is already counted by its own request
        } catch (TimeoutException e) {
            sent.forEach(answer -> answer.cancel(false));
        } catch (InterruptedException e) {
            sent.forEach(answer -> answer.cancel(false));
            throw e;
        }
    }

    private static void sleepUntil(long due) throws InterruptedException {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while pacing requests");
            }
        }
    }
}
