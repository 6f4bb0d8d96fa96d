package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;

/**
 * The customer urged the complaint (催单); urges raise its priority and escalate it sooner.
 *
 * @param urgeCount how many times this complaint has been urged, this urge included
 * @param channel   where the urge came from: HOTLINE, APP, WEB, WECHAT, SMS, STORE, EMAIL, REGULATOR, MEDIA
 * @param urgedAt   when the urge was received
 */
public record ComplaintUrged(int urgeCount, String channel, Instant urgedAt) implements EventPayload {
}
