package io.tousu.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Intake settings of this province's deployment. */
@ConfigMapping(prefix = "tousu.intake")
public interface IntakeConfig {

    /** Time zone of the province: ticket numbers and day boundaries use the local date. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
