package io.tousu.intake.repository;

import io.tousu.intake.domain.Channel;
import io.tousu.intake.domain.ComplaintStatus;
import io.tousu.intake.domain.Priority;
import java.time.Instant;
import java.util.Optional;

/** Search criteria for complaints; every criterion is optional. */
public record ComplaintFilter(Optional<String> province, Optional<ComplaintStatus> status, Optional<Channel> channel,
        Optional<String> category, Optional<Priority> priority, Optional<String> ownerId, Optional<String> teamId,
        Optional<Instant> receivedFrom, Optional<Instant> receivedTo) {
}
