package io.tousu.reporting.domain;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tousu.reporting.config.ReportingConfig;
import io.tousu.reporting.repository.HotSpotRepository;
import io.tousu.reporting.repository.IndicatorQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Prometheus gauges {@code tousu_indicator{province, indicator}} of the current month's monitoring
 * table, and {@code tousu_hotspots_open{province, dimension}} (hot-spot episodes not yet ended),
 * recomputed on a schedule from the database, so that Grafana can chart the key indicators and
 * alerts can fire on them (every replica reports the same figures; alerts take the max). An
 * undefined figure (nothing to divide by yet) is NaN.
 */
@ApplicationScoped
public class IndicatorGauges {

    private static final Logger LOG = Logger.getLogger(IndicatorGauges.class);

    private final IndicatorReports reports;
    private final IndicatorQueries queries;
    private final HotSpotRepository hotSpots;
    private final MeterRegistry registry;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();
    private final Map<List<String>, Double> values = new ConcurrentHashMap<>();
    private final Map<List<String>, Long> openHotSpots = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public IndicatorGauges(IndicatorReports reports, IndicatorQueries queries, HotSpotRepository hotSpots,
            MeterRegistry registry, ReportingConfig config) {
        this.reports = reports;
        this.queries = queries;
        this.hotSpots = hotSpots;
        this.registry = registry;
        this.zone = config.zone();
    }

    @Scheduled(every = "{tousu.reporting.gauge-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        YearMonth month = YearMonth.now(clock.withZone(zone));
        return queries.provinces()
                .flatMap(provinces -> hotSpots.openCounts().invoke(open -> recordHotSpots(provinces, open))
                        .replaceWith(provinces))
                .onItem().transformToMulti(provinces -> Multi.createFrom().iterable(provinces))
                .onItem().transformToUniAndConcatenate(province -> reports.monthly(province, month))
                .invoke(this::record)
                .collect().last().replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    if (!stopping) {
                        LOG.warnf("indicator gauge refresh failed, will retry: %s", e.toString());
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Every province with complaints gets a series per dimension, zero when nothing is open. */
    private void recordHotSpots(List<String> provinces, Map<List<String>, Long> open) {
        for (String province : provinces) {
            for (HotSpotDimension dimension : HotSpotDimension.values()) {
                List<String> key = List.of(province, dimension.name());
                if (openHotSpots.put(key, open.getOrDefault(key, 0L)) == null) {
                    Gauge.builder("tousu_hotspots_open", openHotSpots, v -> v.getOrDefault(key, 0L))
                            .description("Hot-spot episodes (service risk warnings) detected and not yet ended")
                            .tag("province", province)
                            .tag("dimension", dimension.name())
                            .register(registry);
                }
            }
        }
    }

    private void record(MonthlyTable table) {
        for (IndicatorComparison row : table.rows()) {
            List<String> key = List.of(table.province(), row.indicator().name());
            double value = row.current().value() == null ? Double.NaN : row.current().value().doubleValue();
            if (values.put(key, value) == null) {
                Gauge.builder("tousu_indicator", values, v -> v.getOrDefault(key, Double.NaN))
                        .description("Key complaint indicator of the current month, in its unit (percent, per 10k "
                                + "calls or count)")
                        .tag("province", table.province())
                        .tag("indicator", row.indicator().name())
                        .register(registry);
            }
        }
    }
}
