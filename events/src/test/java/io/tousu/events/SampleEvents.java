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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One fixed sample payload per event type, and the envelope the contract tests wrap it in. */
final class SampleEvents {

    static final UUID EVENT_ID = UUID.fromString("0b6e2f4c-7d1a-4e8b-9c3f-5a2d8e1b7c40");
    static final String PROVINCE = "GD";
    static final String COMPLAINT_ID = "3f9a1c2e-5b7d-4e60-8a14-c2d3e4f5a6b7";
    /** When every sample happened; the payloads' other instants are relative to it. */
    static final Instant AT = Instant.parse("2026-11-22T08:30:00Z");

    private static final String PROMISE_ID = "7c1e9a3b-2d4f-4a6e-8b0c-1d2e3f4a5b6c";
    private static final String INSPECTION_ID = "a4b5c6d7-e8f9-4a0b-9c1d-2e3f4a5b6c7d";

    /** Types whose events are not about one complaint: their envelope has no complaint id. */
    private static final Set<EventType> NOT_ABOUT_A_COMPLAINT =
            Set.of(EventType.CALL_VOLUME_REPORTED, EventType.HOT_SPOT_DETECTED);

    private static final Map<EventType, EventPayload> BY_TYPE = Stream.of(
            new ComplaintReceived("GD20261122000123", "HOTLINE", "ivr-20261122-0815-0042", "Guangzhou",
                    Msisdn.mask("13812345678"), "GOTONE", "BILLING_DISPUTE", "SP_SUBSCRIPTION", "HIGH",
                    List.of("REPEAT", "SENSITIVE_WORD"), List.of("1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d"), false,
                    AT),
            new ComplaintAssigned("agent-0417", "Li Na", "team-fo-03", "FRONT", "SYSTEM", AT),
            new ComplaintHandedOff("FRONT", "BACK", "agent-0417", "agent-1102", "team-bo-billing",
                    "refund needs a billing-system adjustment", AT),
            new ComplaintStatusChanged("ASSIGNED", "IN_PROGRESS", "owner started work", AT),
            new ComplaintCategoryChanged("BILLING_DISPUTE", "VAS_SP", "agent-1102", AT),
            new CustomerWaitStarted("customer to send the SP subscription SMS", AT),
            new CustomerWaitEnded(5400, AT),
            new PromiseMade(PROMISE_ID, "CALL_BACK", AT.plus(Duration.ofHours(4)), "agent-1102", AT),
            new PromiseKept(PROMISE_ID, AT),
            new PromiseBroken(PROMISE_ID, AT.minus(Duration.ofMinutes(5)), AT),
            new ComplaintUrged(2, "APP", AT),
            new InformationAdded("CUSTOMER", "charged 10 yuan a month since August for a music service", AT),
            new NoteAdded("agent-1102", "SP confirms no subscription record on their side", AT),
            new ComplaintResolved(true, "PARTNER", null, "REFUND", "SP subscription cancelled, 30 yuan refunded",
                    new BigDecimal("30.00"), false, false, true, "agent-1102", AT),
            new ComplaintFollowedUp(false, false, "the charge appeared again this month", AT),
            new ComplaintReopened("UNSATISFIED_FOLLOW_UP", 1, AT),
            new ComplaintClosed(AT),
            new SlaWarning("RESOLUTION", AT.plus(Duration.ofHours(2)), 7200, "agent-1102", AT),
            new SlaBreached("RESOLUTION", AT, 1, AT),
            new ComplaintEscalated(1, 2, "MANAGER", "BREACH", AT.plus(Duration.ofHours(8)), AT),
            new RegulatorRiskRaised(82, List.of("REPEAT", "URGED", "SENSITIVE_WORDS"), AT),
            new InspectionSampled(INSPECTION_ID, "agent-1102", "COMPENSATION", true, AT),
            new InspectionScored(INSPECTION_ID, "inspector-07", "agent-1102", "scorecard-billing", 3,
                    new BigDecimal("86.5"), new BigDecimal("100"), false, AT),
            new TicketErrorRecorded("e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", "WRONG_CATEGORY", "agent-0417",
                    "team-fo-03", "SP subscription filed as a billing dispute", "inspector-07", AT),
            new RiskHitRecorded("f0e1d2c3-b4a5-4968-8776-655443322110", "rule-0031", "SR-FORCED-SUBSCRIPTION",
                    "SERVICE_RED_LINE", "HIGH", "agent-0417", "team-fo-03",
                    "package changed without the customer's confirmation", AT),
            new AppealDecided("b7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e", INSPECTION_ID, "qa-lead-02", true,
                    new BigDecimal("86.5"), new BigDecimal("92.0"), "the customer's identity was verified by SMS code",
                    AT),
            new CallVolumeReported(LocalDate.of(2026, 11, 21), "Guangzhou", 48213, AT),
            new HotSpotDetected("CATEGORY", "DATA_USAGE_DISPUTE", AT.minus(Duration.ofHours(24)), AT, 312, 120.0,
                    2.6, AT),
            new NotificationRequested("c9d0e1f2-a3b4-4c5d-8e6f-7a8b9c0d1e2f", "CUSTOMER", COMPLAINT_ID, "SMS",
                    "COMPLAINT_RECEIVED", Map.of("ticketNo", "GD20261122000123", "dueDate", "2026-11-24"), AT))
            .collect(Collectors.toUnmodifiableMap(EventPayload::eventType, Function.identity()));

    private SampleEvents() {
    }

    /** The types that have a sample. */
    static Set<EventType> types() {
        return BY_TYPE.keySet();
    }

    /** The sample payload of a type. */
    static EventPayload payload(EventType type) {
        EventPayload payload = BY_TYPE.get(type);
        if (payload == null) {
            throw new IllegalStateException("no sample of " + type + ": add one to SampleEvents");
        }
        return payload;
    }

    /** The sample payload of a type in an envelope with fixed id, time and province. */
    static EventEnvelope envelope(EventType type) {
        String complaintId = NOT_ABOUT_A_COMPLAINT.contains(type) ? null : COMPLAINT_ID;
        return EventEnvelope.of(EVENT_ID, payload(type), PROVINCE, complaintId, AT);
    }
}
