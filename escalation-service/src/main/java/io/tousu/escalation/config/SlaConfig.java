package io.tousu.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Default SLA targets of this province, until per-policy targets are configured. */
@ConfigMapping(prefix = "tousu.sla")
public interface SlaConfig {

    /** Time to resolve a complaint, by priority (URGENT, HIGH, NORMAL, LOW); 24x7 clock. */
    Map<String, Duration> resolution();

    /** Target for a priority missing from {@link #resolution()}. */
    @WithDefault("72h")
    Duration defaultResolution();
}
