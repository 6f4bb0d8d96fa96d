package io.tousu.events.reporting;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * Complaints about one category, product or region spiked above their own baseline: an early
 * warning (服务风险预警) before they become mass complaints. Not about one complaint: the envelope's
 * complaint id is null.
 *
 * @param dimension   CATEGORY, PRODUCT or REGION
 * @param key         the value of that dimension, e.g. {@code DATA_USAGE_DISPUTE} or a city
 * @param windowStart start of the window counted (inclusive)
 * @param windowEnd   end of the window counted (exclusive)
 * @param count       complaints in the window
 * @param baseline    complaints expected in a window of this length, from history
 * @param ratio       {@code count / baseline}
 * @param detectedAt  when the hot spot was detected
 */
public record HotSpotDetected(String dimension, String key, Instant windowStart, Instant windowEnd, long count,
        double baseline, double ratio, Instant detectedAt) implements EventPayload {
}
