package io.tousu.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** Escalation settings of this province's deployment. */
@ConfigMapping(prefix = "tousu.escalation")
public interface EscalationConfig {

    /** How often the firing loop looks for due clocks (it drains a found backlog in one go). */
    @WithDefault("200ms")
    Duration tick();

    /** Most clocks fired in one transaction; the loop goes on while batches come back full. */
    @WithDefault("200")
    int batchSize();

    /**
     * Firing loops per replica. Each claims its own batches (SKIP LOCKED), so their database round
     * trips overlap; a clock whose complaint another loop holds is left for the next pass.
     */
    @WithDefault("2")
    int firingWorkers();

    /**
     * After a launch, how long the complaint consumers wait at most for the firing loops to fire
     * what came due while the service was down (deadlines first, then the complaints that arrived);
     * past it they start anyway. A replica that fires nothing never waits.
     */
    @WithDefault("10s")
    Duration catchUpLimit();

    /** Whether this replica fires clocks (any number of replicas may: rows are claimed with SKIP LOCKED). */
    @WithDefault("true")
    boolean firingEnabled();

    /** From this many urges (催单) on, every urge escalates the complaint one level; 0 turns it off. */
    @WithDefault("2")
    int urgesToEscalate();

    /** Whether a repeat complaint (二次投诉) starts at the first escalation level (TEAM_LEAD). */
    @WithDefault("true")
    boolean repeatEscalates();

    /** Regulator-risk score (0-100) from which RegulatorRiskRaised is raised, once per complaint. */
    @WithDefault("60")
    int riskThreshold();

    /** Categories that often reach the regulator; they add to the risk score. */
    @WithDefault("BILLING_DISPUTE,DATA_USAGE_DISPUTE,VALUE_ADDED_SP,MARKETING_VIOLATION")
    Set<String> riskyCategories();

    /** How often the open-clock gauges are refreshed from the database (read by their @Scheduled expression). */
    @WithDefault("15s")
    Duration gaugeRefresh();
}
