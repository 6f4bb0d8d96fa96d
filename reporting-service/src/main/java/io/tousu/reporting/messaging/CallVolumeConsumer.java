package io.tousu.reporting.messaging;

import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventType;
import io.tousu.events.reporting.CallVolumeReported;
import io.tousu.platform.messaging.EventInbox;
import io.tousu.reporting.repository.CallVolumeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Stores the call centre's manual call reports from {@code tousu.call-volume}, once per event. */
@ApplicationScoped
public class CallVolumeConsumer {

    static final String CONSUMER = "reporting.call-volume";

    private final EventInbox inbox;
    private final CallVolumeRepository volumes;

    public CallVolumeConsumer(EventInbox inbox, CallVolumeRepository volumes) {
        this.inbox = inbox;
        this.volumes = volumes;
    }

    @Incoming("call-volume")
    public Uni<Void> consume(String json) {
        return inbox.process(CONSUMER, json, this::apply).replaceWithVoid();
    }

    private Uni<Void> apply(EventEnvelope event) {
        if (event.knownType().orElseThrow() != EventType.CALL_VOLUME_REPORTED || event.province() == null) {
            return Uni.createFrom().voidItem();
        }
        CallVolumeReported report = event.payloadAs(CallVolumeReported.class);
        return volumes.report(event.province(), report.date(), report.city(), report.manualCalls(),
                report.reportedAt() != null ? report.reportedAt() : event.occurredAt());
    }
}
