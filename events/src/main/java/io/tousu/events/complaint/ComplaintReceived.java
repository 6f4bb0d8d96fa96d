package io.tousu.events.complaint;

import io.tousu.events.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * A complaint was taken in from a channel. The phone number travels masked only.
 *
 * @param ticketNo           the number people read out on the phone, e.g. {@code GD20261122000123}
 * @param channel            HOTLINE, APP, WEB, WECHAT, SMS, STORE, EMAIL, REGULATOR, MEDIA
 * @param channelRef         the channel's own message id (idempotency key with the channel)
 * @param city               city code or name, when known
 * @param msisdnMasked       the customer's number, masked ({@code 138****5678})
 * @param customerTier       the customer's tier or brand, when known
 * @param category           taxonomy code, e.g. {@code BILLING_DISPUTE}
 * @param subcategory        taxonomy sub-code, when given
 * @param priority           LOW, NORMAL, HIGH, URGENT
 * @param priorityReasons    the rules that raised the priority
 * @param repeatOf           earlier complaints of the same customer and category in the window
 * @param suspectedMalicious flagged as a suspected malicious or bulk complaint
 * @param receivedAt         when intake accepted it
 */
public record ComplaintReceived(String ticketNo, String channel, String channelRef, String city, String msisdnMasked,
        String customerTier, String category, String subcategory, String priority, List<String> priorityReasons,
        List<String> repeatOf, boolean suspectedMalicious, Instant receivedAt) implements EventPayload {
}
