package io.tousu.reporting.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.reporting.HotSpotDetected;
import io.tousu.platform.messaging.Outbox;
import io.tousu.reporting.config.ReportingConfig;
import io.tousu.reporting.repository.HotSpotRepository;
import io.tousu.reporting.repository.HotSpotRepository.WindowCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Evaluates every category and city of every province on a schedule with the {@link HotSpotDetector}:
 * opens an episode and raises {@code HotSpotDetected} (through the outbox, in the same transaction)
 * once per episode, follows its peak, and ends it when the complaints subside.
 */
@ApplicationScoped
public class HotSpotMonitor {

    private static final Logger LOG = Logger.getLogger(HotSpotMonitor.class);

    private final HotSpotRepository spots;
    private final Outbox outbox;
    private final ReportingConfig.HotSpots config;
    private final HotSpotDetector detector;
    private volatile boolean stopping;

    public HotSpotMonitor(HotSpotRepository spots, Outbox outbox, ReportingConfig config) {
        this.spots = spots;
        this.outbox = outbox;
        this.config = config.hotspots();
        this.detector = new HotSpotDetector(this.config.minCount(), this.config.raiseProbability(),
                this.config.endProbability());
    }

    @Scheduled(every = "{tousu.reporting.hotspots.evaluate-every}", delayed = "{tousu.reporting.hotspots.evaluate-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.enabled() || stopping) {
            return Uni.createFrom().voidItem();
        }
        return evaluate(Instant.now()).onFailure().recoverWithUni(e -> {
            if (!stopping) {
                LOG.warnf("hot-spot evaluation failed, will retry: %s", e.toString());
            }
            return Uni.createFrom().voidItem();
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Evaluates the window ending {@code now} for every dimension. */
    public Uni<Void> evaluate(Instant now) {
        return Multi.createFrom().items(HotSpotDimension.values())
                .onItem().transformToUniAndConcatenate(d -> evaluate(d, now))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> evaluate(HotSpotDimension dimension, Instant now) {
        return Panache.withSession(() -> spots.openEpisodes(dimension))
                .flatMap(open -> spots.windowCounts(dimension, now, config.window(), config.baselineDays())
                        .map(counts -> keys(counts, open)))
                .flatMap(keys -> Panache.withTransaction(() -> Multi.createFrom().iterable(keys)
                        .onItem().transformToUniAndConcatenate(k -> apply(dimension, k.counts(), k.open(), now))
                        .collect().last()))
                .replaceWithVoid();
    }

    /** A key to assess: its window counts and whether it has an open episode. */
    private record Key(WindowCounts counts, boolean open) {
    }

    /** Every key with complaints, and every key with an open episode (with zeros when it had no complaint). */
    private List<Key> keys(List<WindowCounts> counts, List<HotSpot> open) {
        Map<List<String>, WindowCounts> byKey = counts.stream()
                .collect(Collectors.toMap(c -> List.of(c.province(), c.key()), Function.identity()));
        open.forEach(spot -> byKey.computeIfAbsent(List.of(spot.province, spot.key),
                k -> new WindowCounts(spot.province, spot.key, new long[config.baselineDays() + 1])));
        Set<List<String>> openKeys = open.stream().map(s -> List.of(s.province, s.key)).collect(Collectors.toSet());
        return byKey.entrySet().stream().map(e -> new Key(e.getValue(), openKeys.contains(e.getKey()))).toList();
    }

    private Uni<Void> apply(HotSpotDimension dimension, WindowCounts counts, boolean open, Instant now) {
        List<Long> history = Arrays.stream(counts.counts()).skip(1).boxed().toList();
        long count = counts.counts()[0];
        HotSpotDetector.Assessment a = detector.assess(count, history, open);
        return switch (a.decision()) {
            case QUIET -> Uni.createFrom().voidItem();
            case CONTINUE -> spots.continueEpisode(counts.province(), dimension, counts.key(), count);
            case END -> spots.endEpisode(counts.province(), dimension, counts.key(), count, now)
                    .invoke(() -> LOG.infof("hot spot ended: %s %s %s (%d complaints in the window)",
                            counts.province(), dimension, counts.key(), count));
            case RAISE -> raise(dimension, counts, a, now);
        };
    }

    private Uni<Void> raise(HotSpotDimension dimension, WindowCounts counts, HotSpotDetector.Assessment a,
            Instant now) {
        HotSpot spot = new HotSpot();
        spot.id = UUID.randomUUID();
        spot.province = counts.province();
        spot.dimension = dimension;
        spot.key = counts.key();
        spot.detectedAt = now;
        spot.windowStart = now.minus(config.window());
        spot.windowEnd = now;
        spot.count = a.count();
        spot.baseline = BigDecimal.valueOf(a.baseline()).setScale(2, RoundingMode.HALF_UP);
        return spots.openEpisode(spot).flatMap(opened -> {
            if (!opened) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("hot spot raised: %s %s %s, %d complaints in the window against a baseline of %.2f",
                    spot.province, dimension, spot.key, spot.count, a.baseline());
            return outbox.append(EventEnvelope.of(new HotSpotDetected(dimension.name(), spot.key, spot.windowStart,
                    spot.windowEnd, spot.count, a.baseline(), a.ratio(), now), spot.province, null, now));
        });
    }
}
