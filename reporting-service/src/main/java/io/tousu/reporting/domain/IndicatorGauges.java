package io.tousu.reporting.domain;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tousu.reporting.config.ReportingConfig;
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
 * table, recomputed on a schedule, so that Grafana can chart the key indicators and alert on them.
 * An undefined figure (nothing to divide by yet) is NaN.
 */
@ApplicationScoped
public class IndicatorGauges {

    private static final Logger LOG = Logger.getLogger(IndicatorGauges.class);

    private final IndicatorReports reports;
    private final IndicatorQueries queries;
    private final MeterRegistry registry;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();
    private final Map<List<String>, Double> values = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public IndicatorGauges(IndicatorReports reports, IndicatorQueries queries, MeterRegistry registry,
            ReportingConfig config) {
        this.reports = reports;
        this.queries = queries;
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
