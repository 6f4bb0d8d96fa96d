package io.tousu.escalation.domain;

import java.io.Serializable;
import java.util.UUID;

/** Key of a clock: one of each kind per complaint. */
public record SlaClockId(UUID complaintId, ClockKind clock) implements Serializable {
}
