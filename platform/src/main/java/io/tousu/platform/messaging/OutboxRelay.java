package io.tousu.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tousu.platform.config.OutboxConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in id order and marks them sent. Only one replica relays at a
 * time: each pass runs in a transaction holding a PostgreSQL advisory lock, so one complaint's
 * events keep their order even with several replicas. Delivery is at least once; consumers
 * de-duplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key of the relay (each service has its own database, so one key suffices). */
    static final long RELAY_LOCK = 0x70757375_0001L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final OutboxConfig config;
    private final Counter published;

    /** Buffer large enough for a whole batch: the relay sends a batch at once and waits for all acks. */
    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> emitter;

    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private long timer = -1;

    public OutboxRelay(Pool pool, Vertx vertx, OutboxConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.published = Counter.builder("tousu_outbox_published").description("Events published from the outbox")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> poll());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One tick: drain the outbox unless the previous tick is still at it. */
    void poll() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        drain().subscribe().with(published -> running.set(false), failure -> {
            if (!stopping) {
                LOG.warnf("outbox relay pass failed, will retry: %s", failure.toString());
            }
            running.set(false);
        });
    }

    /** Publishes batches until the outbox is empty; returns how many rows were published. */
    public Uni<Integer> drain() {
        return publishBatch().flatMap(n -> n < config.batchSize()
                ? Uni.createFrom().item(n)
                : drain().map(more -> more + n));
    }

    /** One pass: lock, read up to a batch of unsent rows in order, publish, mark sent. */
    Uni<Integer> publishBatch() {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .flatMap(lock -> lock.iterator().next().getBoolean(0) ? publishPending(conn) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection conn) {
        return conn.preparedQuery("select id, topic, event_key, envelope from outbox_events where sent_at is null "
                + "order by id limit $1")
                .execute(Tuple.of(config.batchSize()))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : send(conn, rows));
    }

    private Uni<Integer> send(SqlConnection conn, RowSet<Row> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        List<Uni<Void>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.getString("topic"))
                    .withKey(row.getString("event_key"))
                    .build();
            sends.add(emitter.sendMessage(Message.of(row.getString("envelope")).addMetadata(metadata)));
        }
        return Uni.join().all(sends).andFailFast()
                .flatMap(acked -> conn.preparedQuery("update outbox_events set sent_at = now() where id = any($1)")
                        .execute(Tuple.of(ids.toArray(new Long[0]))))
                .map(updated -> {
                    published.increment(ids.size());
                    return ids.size();
                });
    }
}
