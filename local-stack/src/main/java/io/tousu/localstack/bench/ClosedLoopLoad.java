package io.tousu.localstack.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A closed loop: a fixed number of clients, each sending its next complaint as soon as the last one
 * is answered. The rate is what intake sustains; a latency is one request's round trip.
 */
final class ClosedLoopLoad {

    /** Longer than a request may take, so the last requests can finish after the phase ends. */
    private static final Duration FINISH_GRACE = Duration.ofSeconds(15);

    private ClosedLoopLoad() {
    }

    /**
     * Runs {@code clients} clients until the limit is reached and returns what they measured.
     *
     * @param progress hears a progress line every few seconds
     * @throws InterruptedException if interrupted; the clients are stopped
     */
    static LatencyStats run(IntakeClient client, ComplaintRequests requests, int clients, PhaseLimit limit,
            Consumer<String> progress) throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        AtomicLong left = new AtomicLong(limit.maxOperations());
        long began = System.nanoTime();
        long deadline = began + limit.duration().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients, task -> {
            Thread thread = new Thread(task, "tousu-bench-client");
            thread.setDaemon(true);
            return thread;
        });
        Callable<Void> loop = () -> {
            while (System.nanoTime() < deadline && left.getAndDecrement() > 0) {
                send(client, requests.next(), recorder);
            }
            return null;
        };
        try (PhaseProgress ignored = new PhaseProgress(progress, limit.duration(), "complaints", recorder::successes,
                recorder::failures)) {
            for (int i = 0; i < clients; i++) {
                pool.submit(loop);
            }
            pool.shutdown();
            if (!pool.awaitTermination(limit.duration().plus(FINISH_GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("clients still busy " + FINISH_GRACE.toSeconds()
                        + " s after the phase ended");
            }
        } finally {
            pool.shutdownNow();
        }
        return recorder.stats(Duration.ofNanos(System.nanoTime() - began));
    }

    private static void send(IntakeClient client, String body, LatencyRecorder recorder) throws InterruptedException {
        long sent = System.nanoTime();
        try {
            // the load's keep-alive connections (as the fixed-rate load), not the JDK client: the
            // client's CPU would otherwise be taken from intake's on a small machine
            int status = client.submitAsync(body).get();
            if (status == IntakeClient.CREATED) {
                recorder.success(System.nanoTime() - sent);
            } else {
                recorder.failure(IntakeClient.statusKind(status));
            }
        } catch (ExecutionException e) {
            recorder.failure(IntakeClient.failureKind(e.getCause()));
        }
    }
}
