package io.tousu.escalation.rest;

import io.tousu.escalation.domain.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An SLA policy as stored. */
@Schema(description = "An SLA policy; durations are ISO-8601")
public record PolicyView(long id, String name, String province, String channel, String category, String priority,
        String firstResponse, String nextUpdate, String resolution, Integer warnBeforePercent, String warnBefore,
        String calendarMode, String calendar, List<StepView> chain, Instant updatedAt) {

    /** One escalation level. */
    public record StepView(String level, String deadline) {
    }

    static PolicyView of(SlaPolicy p) {
        return new PolicyView(p.id, p.name, p.province, p.channel, p.category, p.priority,
                Duration.ofSeconds(p.firstResponseSeconds).toString(), Duration.ofSeconds(p.nextUpdateSeconds).toString(),
                Duration.ofSeconds(p.resolutionSeconds).toString(), p.warnBeforePercent,
                p.warnBeforeSeconds == null ? null : Duration.ofSeconds(p.warnBeforeSeconds).toString(),
                p.calendarMode.name(), p.calendarCode,
                p.chain.stream().map(s -> new StepView(s.level().name(),
                        s.deadline() == null ? null : s.deadline().toString())).toList(), p.updatedAt);
    }
}
