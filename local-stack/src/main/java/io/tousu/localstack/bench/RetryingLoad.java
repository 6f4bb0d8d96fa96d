package io.tousu.localstack.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The drills' load: a fixed number of complaints from several clients, each complaint submitted
 * until intake takes it (201) or says it already has it (200), with the same channel reference, as
 * a channel would while intake is down or restarting. With several intake replicas the clients are
 * spread over them (client i sends to replica i mod n). Start it, do the drill's work while it runs,
 * then {@link #awaitDone}.
 */
final class RetryingLoad {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    private final List<IntakeClient> intakes;
    private final ComplaintRequests requests;
    private final int complaints;
    private final int clients;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong[] perIntake;
    private ExecutorService pool;

    RetryingLoad(List<IntakeClient> intakes, ComplaintRequests requests, int complaints, int clients) {
        if (intakes.isEmpty()) {
            throw new IllegalArgumentException("no intake to send to");
        }
        this.intakes = List.copyOf(intakes);
        this.requests = requests;
        this.complaints = complaints;
        this.clients = clients;
        this.perIntake = new AtomicLong[intakes.size()];
        for (int i = 0; i < perIntake.length; i++) {
            perIntake[i] = new AtomicLong();
        }
    }

    /** Starts the clients; returns at once. */
    void start() {
        pool = Executors.newFixedThreadPool(clients, task -> {
            Thread thread = new Thread(task, "tousu-drill-client");
            thread.setDaemon(true);
            return thread;
        });
        for (int c = 0; c < clients; c++) {
            int replica = c % intakes.size();
            pool.submit(() -> {
                while (next.getAndIncrement() < complaints && !Thread.currentThread().isInterrupted()) {
                    submitUntilTaken(replica, requests.next());
                }
                return null;
            });
        }
        pool.shutdown();
    }

    /** Complaints taken in so far. */
    long accepted() {
        return accepted.get();
    }

    /** Complaints taken in so far by the intake replica {@code i} (in the order given). */
    long acceptedBy(int i) {
        return perIntake[i].get();
    }

    /** Submissions repeated because intake did not answer or answered 5xx. */
    long retries() {
        return retries.get();
    }

    /** True once every client has finished. */
    boolean isDone() {
        return pool.isTerminated();
    }

    /** Waits until {@code accepted} complaints were taken in, or the load ended. */
    void awaitAccepted(long accepted) throws InterruptedException {
        while (this.accepted.get() < accepted && !isDone()) {
            Thread.sleep(200);
        }
    }

    /**
     * Waits until every complaint was taken in, telling {@code progress} every 5 s.
     *
     * @throws InterruptedException if interrupted; the clients are stopped
     */
    void awaitDone(Consumer<String> progress) throws InterruptedException {
        try {
            while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                progress.accept(String.format(Locale.ROOT, "%,d of %,d taken in (%,d retries)", accepted.get(),
                        complaints, retries.get()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Submits one complaint until intake answers 201 (taken in) or 200 (it already had it). */
    private void submitUntilTaken(int replica, String body) throws InterruptedException {
        IntakeClient intake = intakes.get(replica);
        while (true) {
            try {
                int status = intake.submit(body);
                if (status == IntakeClient.CREATED || status == 200) {
                    accepted.incrementAndGet();
                    perIntake[replica].incrementAndGet();
                    return;
                }
                if (status >= 400 && status < 500) {
                    throw new IllegalStateException("intake refused a drill complaint with " + status);
                }
            } catch (IOException e) {
                // intake is down or restarting: the channel keeps the complaint and tries again
            }
            retries.incrementAndGet();
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }
}
