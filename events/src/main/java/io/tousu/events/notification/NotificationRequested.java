package io.tousu.events.notification;

import io.tousu.events.EventPayload;
import java.time.Instant;
import java.util.Map;

/**
 * A gateway should send a message to a customer or a member of staff. The gateway renders the
 * template and resolves the recipient's address itself: no event carries a full phone number.
 *
 * @param notificationId identifies the message; a gateway sends each id at most once
 * @param audience       CUSTOMER, OWNER (the complaint's owner) or MANAGER (an escalation level)
 * @param recipientId    the staff member's id; for CUSTOMER the complaint id, through which the
 *                       gateway finds the customer
 * @param channel        SMS, APP, EMAIL or WECHAT
 * @param template       the message template's code, e.g. {@code COMPLAINT_RECEIVED}
 * @param params         values for the template's placeholders
 * @param requestedAt    when the message was requested
 */
public record NotificationRequested(String notificationId, String audience, String recipientId, String channel,
        String template, Map<String, String> params, Instant requestedAt) implements EventPayload {
}
