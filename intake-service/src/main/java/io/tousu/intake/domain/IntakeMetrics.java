package io.tousu.intake.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Business metrics of intake, exported at /q/metrics with the {@code tousu_} prefix. */
@ApplicationScoped
public class IntakeMetrics {

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A complaint was taken in. */
    public void received(Complaint c) {
        Counter.builder("tousu_complaints_received").description("Complaints taken in")
                .tag("province", c.province).tag("channel", c.channel.name()).tag("category", c.category)
                .tag("priority", c.priority.name()).register(registry).increment();
        if (!c.repeatOf.isEmpty()) {
            Counter.builder("tousu_complaints_repeat").description("Repeat complaints (same customer and category)")
                    .tag("province", c.province).tag("category", c.category).register(registry).increment();
        }
        if (c.suspectedMalicious) {
            Counter.builder("tousu_complaints_suspected_malicious").description("Complaints flagged as malicious or bulk")
                    .tag("province", c.province).register(registry).increment();
        }
    }

    /** A complaint was urged (counted urges only). */
    public void urged(Complaint c) {
        Counter.builder("tousu_complaints_urged").description("Counted urges (催单)")
                .tag("province", c.province).tag("category", c.category).register(registry).increment();
    }

    /** A complaint moved from one status to another. */
    public void transition(Complaint c, ComplaintStatus from, ComplaintStatus to) {
        Counter.builder("tousu_complaint_transitions").description("Status changes of complaints")
                .tag("province", c.province).tag("from", from.name()).tag("to", to.name()).register(registry)
                .increment();
    }
}
