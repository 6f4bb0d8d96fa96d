package io.tousu.escalation.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.config.EscalationConfig;
import io.tousu.escalation.domain.ComplaintClocks;
import io.tousu.escalation.domain.SlaClock;
import io.tousu.escalation.messaging.EscalationMetrics.Firing;
import io.tousu.escalation.repository.ComplaintClocksStore;
import io.tousu.escalation.repository.SlaClockRepository;
import io.tousu.escalation.repository.TrackedComplaintRepository;
import io.tousu.platform.config.OutboxConfig;
import io.tousu.platform.messaging.OutboxRelay;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The firing loop: every tick it claims running clocks whose firing time has come, in batches,
 * with {@code FOR UPDATE SKIP LOCKED}, and fires them (warning, or breach and escalation) in the
 * same transaction that writes their events to the outbox. Two replicas never claim one row, a
 * crash rolls the batch back for the next pass, and a restart picks up whatever came due meanwhile.
 * A complaint another transaction holds (an event being applied) is left for the next pass.
 */
@ApplicationScoped
public class DeadlineFiring {

    private static final Logger LOG = Logger.getLogger(DeadlineFiring.class);
    private final SlaClockRepository clocks;
    private final TrackedComplaintRepository complaints;
    private final ComplaintClocksStore store;
    private final EscalationMetrics metrics;
    private final EscalationConfig config;
    private final Clock clock;
    private final OutboxRelay relay;
    private final boolean relayHere;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> catchUpLimit;
    /** Done once a firing pass found no more due clocks after the launch (or firing is off, or it took too long). */
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();

    public DeadlineFiring(SlaClockRepository clocks, TrackedComplaintRepository complaints, ComplaintClocksStore store,
            EscalationMetrics metrics, EscalationConfig config, Clock clock, OutboxRelay relay,
            OutboxConfig outbox) {
        this.clocks = clocks;
        this.complaints = complaints;
        this.store = store;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.relay = relay;
        this.relayHere = outbox.relayEnabled();
    }

    /**
     * Starts the loops as soon as the application starts, before the Kafka connectors (which take a
     * few seconds to set up): after a restart, what came due meanwhile fires at once.
     */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (config.firingEnabled()) {
            AtomicInteger threads = new AtomicInteger();
            executor = Executors.newScheduledThreadPool(config.firingWorkers(),
                    r -> new Thread(r, "sla-firing-" + threads.incrementAndGet()));
            long tick = config.tick().toMillis();
            for (int i = 0; i < config.firingWorkers(); i++) {
                // the first at once; staggered, so that the loops look at different moments
                executor.scheduleWithFixedDelay(this::drain, i * tick / config.firingWorkers(), tick,
                        TimeUnit.MILLISECONDS);
            }
            catchUpLimit = executor.schedule(() -> caughtUp.complete(null), config.catchUpLimit().toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            caughtUp.complete(null);
        }
    }

    /**
     * Completes once the firing loops have fired what came due while no replica was firing (a pass
     * found fewer than a batch) and a relay pass has published it, at the latest
     * {@code tousu.escalation.catch-up-limit} after the launch. The complaint consumers wait for it
     * before their first poll: after a restart, the deadlines due meanwhile
     * and the complaints that arrived meanwhile would otherwise share the cold JVM's CPU, and every
     * deadline coming due in the next seconds would queue behind both.
     */
    public Uni<Void> caughtUp() {
        if (caughtUp.isDone()) {
            return Uni.createFrom().voidItem();
        }
        // go on in the caller's Vert.x context (the consumer's transaction needs it), not on the firing thread
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> caughtUp.whenComplete((done, failure) -> {
            if (context == null) {
                emitter.complete(null);
            } else {
                context.runOnContext(ignored -> emitter.complete(null));
            }
        }));
    }

    /**
     * Stops the loops after one last pass, so that what came due since the last tick is fired by
     * this replica now rather than by the next one after its launch.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (executor != null) {
            catchUpLimit.cancel(false);
            executor.execute(this::drain);
            executor.shutdown();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Fires batches until a batch fires less than a full one; after each batch that fired, has the
     * outbox relay publish now rather than at its next tick.
     */
    void drain() {
        try {
            int fired;
            do {
                fired = VertxContextSupport.subscribeAndAwait(this::fireDue);
                if (fired > 0) {
                    publishNow();
                }
            } while (fired >= config.batchSize() && !executor.isShutdown());
            if (fired < config.batchSize() && !caughtUp.isDone()) {
                // and what they fired published, before the consumers' catch-up takes the CPU
                if (relayHere) {
                    VertxContextSupport.subscribeAndAwait(relay::drain);
                }
                caughtUp.complete(null);
            }
        } catch (Throwable e) {
            LOG.warnf("firing pass failed, will retry: %s", e.toString());
        }
    }

    /**
     * Starts a relay pass at once (without waiting for it). The relay's advisory lock keeps a single
     * pass at a time across threads and replicas: when its timer's pass holds the lock, this one
     * publishes nothing and that pass or the next tick publishes the batch.
     */
    private void publishNow() {
        if (relayHere) {
            relay.drain().subscribe().with(published -> {
            }, failure -> LOG.debugf("relay pass after firing failed, the next tick retries: %s", failure));
        }
    }

    /** One transaction: claims up to a batch of due clocks and fires them; returns how many fired. */
    public Uni<Integer> fireDue() {
        Instant now = clock.instant();
        List<ComplaintClocks> changed = new ArrayList<>();
        List<Fired> firingTimes = new ArrayList<>();
        return Panache.withTransaction(() -> clocks.claimDue(now, config.batchSize())
                .flatMap(due -> due.isEmpty() ? Uni.createFrom().item(0) : fire(due, now, changed, firingTimes)))
                .invoke(fired -> {
                    changed.forEach(c -> metrics.published(c.outgoing(), c.complaint().category));
                    Instant committed = clock.instant();
                    firingTimes.forEach(f -> metrics.fired(f.action(), Duration.between(f.at(), committed)));
                });
    }

    /** A clock fired: what it did and the time it was to be fired at. */
    private record Fired(Firing action, Instant at) {
    }

    private Uni<Integer> fire(List<SlaClock> due, Instant now, List<ComplaintClocks> changed,
            List<Fired> firingTimes) {
        Map<UUID, List<SlaClock>> byComplaint = due.stream()
                .collect(Collectors.groupingBy(c -> c.complaintId));
        return complaints.lockAvailable(List.copyOf(byComplaint.keySet()))
                .flatMap(available -> available.isEmpty() ? Uni.createFrom().item(0) : store.loadAll(available)
                        .flatMap(aggregates -> {
                            int fired = 0;
                            for (ComplaintClocks aggregate : aggregates) {
                                fired += fire(aggregate, byComplaint.get(aggregate.complaint().complaintId), now,
                                        firingTimes);
                                changed.add(aggregate);
                            }
                            return store.saveAll(aggregates).replaceWith(fired);
                        }));
    }

    private static int fire(ComplaintClocks aggregate, List<SlaClock> due, Instant now, List<Fired> firingTimes) {
        int fired = 0;
        for (SlaClock c : due) {
            Instant firingTime = c.fireAt;
            Firing action = c.warningDue(now) ? Firing.WARNING : Firing.BREACH;
            if (aggregate.fire(c, now)) {
                firingTimes.add(new Fired(action, firingTime));
                fired++;
            }
        }
        return fired;
    }
}
