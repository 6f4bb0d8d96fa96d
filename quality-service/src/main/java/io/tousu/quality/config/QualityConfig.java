package io.tousu.quality.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Quality settings of this province's deployment. */
@ConfigMapping(prefix = "tousu.quality")
public interface QualityConfig {

    /** The province's time zone: sampling quotas and flags count per calendar month in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How resolved complaints are sampled for inspection. */
    Sampling sampling();

    /** The time limits the automatic scorecard items check. */
    Timeliness timeliness();

    /** Appeals (复核) against scores. */
    Appeals appeals();

    /** The risk-rule library (风险地雷库). */
    Risk risk();

    /** Flags of agents and teams whose error or risk-hit rate is abnormal. */
    Flags flags();

    /** Risk-rule settings. */
    interface Risk {

        /**
         * How long a replica uses the enabled rules it loaded before reading them again; a change made
         * through this replica's API applies at once, one made through another replica within this long.
         */
        @WithDefault("PT30S")
        Duration rulesRefresh();
    }

    /** Flag settings: see io.tousu.quality.domain.PeerOutliers for the statistic. */
    interface Flags {

        /** Tickets an agent or team must have finished in the month before it can be flagged. */
        @WithDefault("20")
        int minVolume();

        /**
         * How many standard errors above its peers' pooled rate a rate must be to be flagged (the
         * upper control limit of a p-chart; 3 flags about 1 in 740 by chance).
         */
        @WithDefault("3.0")
        double zThreshold();
    }

    /** Appeal settings. */
    interface Appeals {

        /** How long after scoring the inspected agent may appeal. */
        @WithDefault("P7D")
        Duration window();
    }

    /** Sampling settings. */
    interface Sampling {

        /** Share (0 to 1) of the complaints that are not high-risk sampled at random. */
        @WithDefault("0.1")
        double randomShare();

        /** Seed of the random draw: the same seed and complaint always give the same decision. */
        @WithDefault("20261122")
        long seed();

        /** Inspections each agent gets per month at least (sampled before the random draw decides); 0 turns it off. */
        @WithDefault("1")
        int perAgentMonthly();
    }

    /** Limits of the automatic items. */
    interface Timeliness {

        /** First contact with the customer is in time within this long after receipt. */
        @WithDefault("PT2H")
        Duration firstResponse();

        /** A hand-off to the back office is answered in time (handed back or resolved) within this long. */
        @WithDefault("PT24H")
        Duration handOffAnswer();
    }
}
