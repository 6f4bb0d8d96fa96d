package io.tousu.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay: how often and how much it publishes. */
@ConfigMapping(prefix = "tousu.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unsent rows; it publishes a found backlog in one go. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Most rows published in one relay transaction; the relay loops while batches come back full. */
    @WithDefault("500")
    int batchSize();

    /** How long published rows are kept (for audits and replays) before the monitor deletes them. */
    @WithDefault("P7D")
    Duration retention();

    /** How often the pending count and the lag of the outbox are measured for /q/metrics. */
    @WithDefault("5s")
    Duration monitorInterval();

    /** Whether this replica runs the relay at all (another replica holding the lock is fine either way). */
    @WithDefault("true")
    boolean relayEnabled();
}
