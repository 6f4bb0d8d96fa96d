package io.tousu.events;

import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.ComplaintCategoryChanged;
import io.tousu.events.complaint.ComplaintClosed;
import io.tousu.events.complaint.ComplaintFollowedUp;
import io.tousu.events.complaint.ComplaintHandedOff;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintReopened;
import io.tousu.events.complaint.ComplaintResolved;
import io.tousu.events.complaint.ComplaintStatusChanged;
import io.tousu.events.complaint.ComplaintUrged;
import io.tousu.events.complaint.CustomerWaitEnded;
import io.tousu.events.complaint.CustomerWaitStarted;
import io.tousu.events.complaint.InformationAdded;
import io.tousu.events.complaint.NoteAdded;
import io.tousu.events.complaint.PromiseBroken;
import io.tousu.events.complaint.PromiseKept;
import io.tousu.events.complaint.PromiseMade;
import io.tousu.events.escalation.ComplaintEscalated;
import io.tousu.events.escalation.RegulatorRiskRaised;
import io.tousu.events.escalation.SlaBreached;
import io.tousu.events.escalation.SlaWarning;
import io.tousu.events.notification.NotificationRequested;
import io.tousu.events.quality.AppealDecided;
import io.tousu.events.quality.InspectionSampled;
import io.tousu.events.quality.InspectionScored;
import io.tousu.events.quality.RiskHitRecorded;
import io.tousu.events.quality.TicketErrorRecorded;
import io.tousu.events.reporting.CallVolumeReported;
import io.tousu.events.reporting.HotSpotDetected;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the contract: its wire name, its topic and its payload record. */
public enum EventType {

    // complaint lifecycle, produced by intake-service
    COMPLAINT_RECEIVED("ComplaintReceived", Topics.COMPLAINTS, ComplaintReceived.class),
    COMPLAINT_ASSIGNED("ComplaintAssigned", Topics.COMPLAINTS, ComplaintAssigned.class),
    COMPLAINT_HANDED_OFF("ComplaintHandedOff", Topics.COMPLAINTS, ComplaintHandedOff.class),
    COMPLAINT_STATUS_CHANGED("ComplaintStatusChanged", Topics.COMPLAINTS, ComplaintStatusChanged.class),
    COMPLAINT_CATEGORY_CHANGED("ComplaintCategoryChanged", Topics.COMPLAINTS, ComplaintCategoryChanged.class),
    CUSTOMER_WAIT_STARTED("CustomerWaitStarted", Topics.COMPLAINTS, CustomerWaitStarted.class),
    CUSTOMER_WAIT_ENDED("CustomerWaitEnded", Topics.COMPLAINTS, CustomerWaitEnded.class),
    PROMISE_MADE("PromiseMade", Topics.COMPLAINTS, PromiseMade.class),
    PROMISE_KEPT("PromiseKept", Topics.COMPLAINTS, PromiseKept.class),
    PROMISE_BROKEN("PromiseBroken", Topics.COMPLAINTS, PromiseBroken.class),
    COMPLAINT_URGED("ComplaintUrged", Topics.COMPLAINTS, ComplaintUrged.class),
    INFORMATION_ADDED("InformationAdded", Topics.COMPLAINTS, InformationAdded.class),
    NOTE_ADDED("NoteAdded", Topics.COMPLAINTS, NoteAdded.class),
    COMPLAINT_RESOLVED("ComplaintResolved", Topics.COMPLAINTS, ComplaintResolved.class),
    COMPLAINT_FOLLOWED_UP("ComplaintFollowedUp", Topics.COMPLAINTS, ComplaintFollowedUp.class),
    COMPLAINT_REOPENED("ComplaintReopened", Topics.COMPLAINTS, ComplaintReopened.class),
    COMPLAINT_CLOSED("ComplaintClosed", Topics.COMPLAINTS, ComplaintClosed.class),

    // SLA clocks, escalation and regulator risk, produced by escalation-service
    SLA_WARNING("SlaWarning", Topics.ESCALATIONS, SlaWarning.class),
    SLA_BREACHED("SlaBreached", Topics.ESCALATIONS, SlaBreached.class),
    COMPLAINT_ESCALATED("ComplaintEscalated", Topics.ESCALATIONS, ComplaintEscalated.class),
    REGULATOR_RISK_RAISED("RegulatorRiskRaised", Topics.ESCALATIONS, RegulatorRiskRaised.class),

    // inspections, ticket errors, risk hits and appeals, produced by quality-service
    INSPECTION_SAMPLED("InspectionSampled", Topics.QUALITY, InspectionSampled.class),
    INSPECTION_SCORED("InspectionScored", Topics.QUALITY, InspectionScored.class),
    TICKET_ERROR_RECORDED("TicketErrorRecorded", Topics.QUALITY, TicketErrorRecorded.class),
    RISK_HIT_RECORDED("RiskHitRecorded", Topics.QUALITY, RiskHitRecorded.class),
    APPEAL_DECIDED("AppealDecided", Topics.QUALITY, AppealDecided.class),

    // call volume from the call centre; findings of reporting-service
    CALL_VOLUME_REPORTED("CallVolumeReported", Topics.CALL_VOLUME, CallVolumeReported.class),
    HOT_SPOT_DETECTED("HotSpotDetected", Topics.REPORTING, HotSpotDetected.class),

    // messages for a gateway to deliver
    NOTIFICATION_REQUESTED("NotificationRequested", Topics.NOTIFICATIONS, NotificationRequested.class);

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String wireName;
    private final String topic;
    private final Class<? extends EventPayload> payloadType;

    EventType(String wireName, String topic, Class<? extends EventPayload> payloadType) {
        this.wireName = wireName;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> byWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    /** The type of a payload record; throws for a record that is not registered. */
    public static EventType of(Class<?> payloadType) {
        EventType type = BY_PAYLOAD.get(payloadType);
        if (type == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not a registered event payload");
        }
        return type;
    }
}
