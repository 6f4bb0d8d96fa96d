package io.tousu.events;

import java.util.List;

/** Kafka topic names. One topic per producing service; the key is always the complaint id. */
public final class Topics {

    /** Complaint lifecycle, produced by intake-service. */
    public static final String COMPLAINTS = "tousu.complaints";
    /** SLA warnings, breaches, escalations and regulator risk, produced by escalation-service. */
    public static final String ESCALATIONS = "tousu.escalations";
    /** Inspections, ticket errors, risk hits and appeals, produced by quality-service. */
    public static final String QUALITY = "tousu.quality";
    /** Manual call counts reported by the call centre. */
    public static final String CALL_VOLUME = "tousu.call-volume";
    /** Messages a gateway should deliver to a customer or a manager. */
    public static final String NOTIFICATIONS = "tousu.notifications";
    /** Hot spots and other findings produced by reporting-service. */
    public static final String REPORTING = "tousu.reporting";

    /** Every topic, in the order a fresh broker should create them. */
    public static final List<String> ALL = List.of(COMPLAINTS, ESCALATIONS, QUALITY, CALL_VOLUME, NOTIFICATIONS, REPORTING);

    private Topics() {
    }
}
