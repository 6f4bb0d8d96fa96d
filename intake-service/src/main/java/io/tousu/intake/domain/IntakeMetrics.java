package io.tousu.intake.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Business metrics of intake, exported at /q/metrics with the {@code tousu_} prefix. */
@ApplicationScoped
public class IntakeMetrics {

    private final MeterRegistry registry;
    /**
     * The counters by name and tag values, looked up once: building and registering five counters for
     * every complaint showed in intake's profile. The keys are bounded (provinces x channels x
     * categories x priorities at most).
     */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private Counter counter(List<String> key, Supplier<Counter> register) {
        Counter counter = counters.get(key);
        return counter != null ? counter : counters.computeIfAbsent(key, k -> register.get());
    }

    /**
     * A complaint was taken in. The counters of what may follow for its province and category
     * (repeats, malicious flags, urges, the first assignment) are registered too, at zero, so that
     * Prometheus' increase() counts their first step and dashboards find every series.
     */
    public void received(Complaint c) {
        counter(List.of("received", c.province, c.channel.name(), c.category, c.priority.name()),
                () -> Counter.builder("tousu_complaints_received").description("Complaints taken in")
                        .tag("province", c.province).tag("channel", c.channel.name()).tag("category", c.category)
                        .tag("priority", c.priority.name()).register(registry)).increment();
        Counter repeats = repeats(c);
        Counter malicious = suspectedMalicious(c);
        urges(c);
        transitions(c, ComplaintStatus.RECEIVED, ComplaintStatus.ASSIGNED);
        if (!c.repeatOf.isEmpty()) {
            repeats.increment();
        }
        if (c.suspectedMalicious) {
            malicious.increment();
        }
    }

    /** A complaint was urged (counted urges only). */
    public void urged(Complaint c) {
        urges(c).increment();
    }

    /** A complaint moved from one status to another. */
    public void transition(Complaint c, ComplaintStatus from, ComplaintStatus to) {
        transitions(c, from, to).increment();
    }

    private Counter repeats(Complaint c) {
        return counter(List.of("repeat", c.province, c.category), () -> Counter.builder("tousu_complaints_repeat")
                .description("Repeat complaints (same customer and category)")
                .tag("province", c.province).tag("category", c.category).register(registry));
    }

    private Counter suspectedMalicious(Complaint c) {
        return counter(List.of("malicious", c.province), () -> Counter.builder("tousu_complaints_suspected_malicious")
                .description("Complaints flagged as malicious or bulk").tag("province", c.province).register(registry));
    }

    private Counter urges(Complaint c) {
        return counter(List.of("urged", c.province, c.category), () -> Counter.builder("tousu_complaints_urged")
                .description("Counted urges (催单)").tag("province", c.province).tag("category", c.category)
                .register(registry));
    }

    private Counter transitions(Complaint c, ComplaintStatus from, ComplaintStatus to) {
        return counter(List.of("transition", c.province, from.name(), to.name()),
                () -> Counter.builder("tousu_complaint_transitions").description("Status changes of complaints")
                        .tag("province", c.province).tag("from", from.name()).tag("to", to.name()).register(registry));
    }
}
