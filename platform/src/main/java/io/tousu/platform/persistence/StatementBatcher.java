package io.tousu.platform.persistence;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit for calls that each need one statement: concurrent calls are gathered and served by
 * one statement over all of them. At most {@code maxInFlight} batches run at a time; calls that come
 * meanwhile wait, and the next batch takes up to {@code maxSize} of them at once. A lone call is a batch
 * of its own at once (no timer, no added wait); under load one statement, one round trip and one
 * commit (one WAL flush) serve many calls.
 *
 * <p>{@code batch} answers one result per item, in the items' order. When a batch of several fails,
 * each of its items is run again alone, so one call's bad input (a constraint it breaks) fails only
 * that call. Each caller is answered on the Vert.x context it called from. Thread-safe.
 *
 * @param <I> what one call asks for
 * @param <R> what one call gets back
 */
public final class StatementBatcher<I, R> {

    /** A call waiting for its batch, with the Vert.x context it came from (null outside Vert.x). */
    private record Waiting<I, R>(I item, UniEmitter<? super R> caller, Context context) {
    }

    private final Function<List<I>, Uni<List<R>>> batch;
    private final int maxSize;
    private final int maxInFlight;
    private final ArrayDeque<Waiting<I, R>> queue = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param batch the statement over several items: one result per item, in their order
     * @param maxSize most items in one batch
     * @param maxInFlight most batches running at once (at least 1)
     */
    public StatementBatcher(Function<List<I>, Uni<List<R>>> batch, int maxSize, int maxInFlight) {
        if (maxSize < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxSize and maxInFlight must be at least 1");
        }
        this.batch = batch;
        this.maxSize = maxSize;
        this.maxInFlight = maxInFlight;
    }

    /** This item's result, from the next batch that has room for it. */
    public Uni<R> submit(I item) {
        return Uni.createFrom().emitter(caller -> {
            synchronized (this) {
                queue.addLast(new Waiting<>(item, caller, Vertx.currentContext()));
            }
            startBatches();
        });
    }

    /** Starts batches while there is room and something waits. */
    private void startBatches() {
        while (true) {
            List<Waiting<I, R>> taken;
            synchronized (this) {
                if (inFlight >= maxInFlight || queue.isEmpty()) {
                    return;
                }
                inFlight++;
                taken = new ArrayList<>(Math.min(maxSize, queue.size()));
                while (taken.size() < maxSize && !queue.isEmpty()) {
                    taken.add(queue.pollFirst());
                }
            }
            run(taken, this::finished);
        }
    }

    private void finished() {
        synchronized (this) {
            inFlight--;
        }
        startBatches();
    }

    /**
     * Runs one batch and answers its callers, then {@code done}; a failed batch of several is run again
     * item by item. Callers are answered only once the statement's outcome is known, and a caller's
     * own failure while being answered never runs the statement again.
     */
    private void run(List<Waiting<I, R>> taken, Runnable done) {
        execute(taken.stream().map(Waiting::item).toList()).subscribe().with(results -> {
            if (results.size() == taken.size()) {
                for (int i = 0; i < taken.size(); i++) {
                    answer(taken.get(i), results.get(i), null);
                }
            } else {
                IllegalStateException wrong = new IllegalStateException(
                        "a batch of " + taken.size() + " answered " + results.size() + " results");
                taken.forEach(waiting -> answer(waiting, null, wrong));
            }
            done.run();
        }, failure -> {
            if (taken.size() == 1) {
                answer(taken.get(0), null, failure);
                done.run();
                return;
            }
            // again one by one, one after the other, then done
            runAlone(taken, 0, done);
        });
    }

    private void runAlone(List<Waiting<I, R>> taken, int next, Runnable done) {
        if (next == taken.size()) {
            done.run();
            return;
        }
        run(List.of(taken.get(next)), () -> runAlone(taken, next + 1, done));
    }

    /**
     * Answers a caller on the Vert.x context it called from, as if its statement had been its own:
     * what it does next (a Hibernate Reactive session bound to its context, its request's state) must
     * not run on the context of the connection that ran the batch, shared with the batch's other callers.
     */
    private static <I, R> void answer(Waiting<I, R> waiting, R result, Throwable failure) {
        Context context = waiting.context();
        if (context != null && context != Vertx.currentContext()) {
            context.runOnContext(ignored -> answerHere(waiting, result, failure));
        } else {
            answerHere(waiting, result, failure);
        }
    }

    private static <I, R> void answerHere(Waiting<I, R> waiting, R result, Throwable failure) {
        try {
            if (failure == null) {
                waiting.caller().complete(result);
            } else {
                waiting.caller().fail(failure);
            }
        } catch (RuntimeException callerFailed) {
            // the caller's own continuation failed; it has its own error handling, the batch is done
        }
    }

    private Uni<List<R>> execute(List<I> items) {
        try {
            return batch.apply(items);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
