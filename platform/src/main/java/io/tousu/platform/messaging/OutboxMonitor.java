package io.tousu.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tousu.platform.config.OutboxConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Watches the outbox: how many events wait to be published and how old the oldest is (the relay
 * lag an operator alerts on), and deletes published rows past their retention.
 */
@ApplicationScoped
public class OutboxMonitor {

    private static final Logger LOG = Logger.getLogger(OutboxMonitor.class);

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private long timer = -1;

    public OutboxMonitor(Pool pool, Vertx vertx, OutboxConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        Gauge.builder("tousu_outbox_pending", pending, AtomicLong::get)
                .description("Events written but not yet published").register(registry);
        Gauge.builder("tousu_outbox_lag_seconds", lagMillis, l -> l.get() / 1000.0)
                .description("Age of the oldest unpublished event (0 when none waits)").register(registry);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.monitorInterval().toMillis(), id -> measure());
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Measures pending and lag, and trims published rows past retention. */
    void measure() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minus(config.retention());
        pool.preparedQuery("select count(*) as pending, "
                + "coalesce(extract(epoch from (now() - min(created_at))) * 1000, 0)::bigint as lag_ms "
                + "from outbox_events where sent_at is null")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    pending.set(row.getLong("pending"));
                    lagMillis.set(row.getLong("lag_ms"));
                })
                .chain(() -> pool.preparedQuery("delete from outbox_events where id in (select id from outbox_events "
                        + "where sent_at < $1 limit 10000)").execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC))))
                .subscribe().with(deleted -> running.set(false), failure -> {
                    if (!stopping) {
                        LOG.warnf("outbox monitor pass failed: %s", failure.toString());
                    }
                    running.set(false);
                });
    }
}
