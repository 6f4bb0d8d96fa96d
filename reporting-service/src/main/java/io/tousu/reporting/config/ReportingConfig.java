package io.tousu.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Reporting settings of this province's deployment. */
@ConfigMapping(prefix = "tousu.reporting")
public interface ReportingConfig {

    /** Time zone of the province: day and month boundaries of every indicator use the local date. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Hot-spot detection (服务风险预警). */
    HotSpots hotspots();

    /** How often the Prometheus gauges of the current month's indicators ({@code tousu_indicator}) are recomputed. */
    @WithDefault("1m")
    Duration gaugeRefresh();

    /** Hot-spot detection settings; see {@link io.tousu.reporting.domain.HotSpotDetector} for the method. */
    interface HotSpots {

        /** Whether this replica evaluates hot spots on a schedule (episodes are unique in the database either way). */
        @WithDefault("true")
        boolean enabled();

        /** Length of the sliding window whose complaints are counted and compared with the baseline. */
        @WithDefault("1h")
        Duration window();

        /** How often the last window is evaluated. */
        @WithDefault("5m")
        Duration evaluateEvery();

        /** Days of history the seasonal baseline averages (the same window of the day, on each earlier day). */
        @WithDefault("7")
        int baselineDays();

        /** Fewest complaints in a window that can make a hot spot, whatever the baseline. */
        @WithDefault("10")
        int minCount();

        /** Poisson tail probability below which a window's count opens an episode. */
        @WithDefault("0.0001")
        double raiseProbability();

        /** Poisson tail probability above which a window's count closes the open episode. */
        @WithDefault("0.05")
        double endProbability();
    }
}
