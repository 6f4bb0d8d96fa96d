package io.tousu.quality.domain;

import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import io.tousu.events.quality.RiskHitRecorded;
import io.tousu.quality.config.QualityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Checks every consumed event against the enabled risk rules, in the event's transaction: each hit
 * is stored with its evidence and published as RiskHitRecorded through the outbox. A hit is charged
 * to whoever acted in the event (the note's author, the resolver, the promise's maker, the one who
 * handed off), else to the complaint's current handler and team. One hit per rule, complaint and
 * event: a replayed event finds its hits already there.
 */
@ApplicationScoped
public class RiskDetector {

    private final RiskRules rules;
    private final QualityConfig config;
    private final Clock clock;

    public RiskDetector(RiskRules rules, QualityConfig config, Clock clock) {
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }

    /** Checks {@code event} of the complaint whose events (in time order, including it) are {@code ordered}. */
    public Uni<Void> check(EventEnvelope event, List<EventEnvelope> ordered, ComplaintHistory h, Outgoing out) {
        return rules.book().flatMap(book -> {
            List<RuleBook.Finding> findings = book.evaluate(RuleContext.of(event, ordered, h));
            if (findings.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            UUID complaintId = UUID.fromString(event.complaintId());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RuleBook.Finding f : findings) {
                chain = chain.flatMap(x -> record(f, event, complaintId, h, out));
            }
            return chain;
        });
    }

    private Uni<Void> record(RuleBook.Finding f, EventEnvelope event, UUID complaintId, ComplaintHistory h,
            Outgoing out) {
        return RiskHit.count("ruleId = ?1 and complaintId = ?2 and eventId = ?3", f.rule().id(), complaintId,
                event.eventId()).flatMap(n -> {
                    if (n > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = clock.instant();
                    RiskHit hit = new RiskHit();
                    hit.id = UUID.randomUUID();
                    hit.ruleId = f.rule().id();
                    hit.ruleCode = f.rule().code();
                    hit.ruleVersion = f.rule().version();
                    hit.minefield = f.rule().minefield();
                    hit.severity = f.rule().severity();
                    hit.complaintId = complaintId;
                    hit.eventId = event.eventId();
                    hit.eventType = event.type();
                    hit.province = event.province() != null ? event.province() : h.province();
                    hit.ticketNo = h.ticketNo();
                    hit.agentId = actor(event, h);
                    hit.teamId = h.teamId();
                    hit.evidence = Evidence.mask(String.join("; ", f.matched()));
                    hit.occurredAt = event.occurredAt();
                    hit.hitMonth = YearMonth.from(event.occurredAt().atZone(config.zone())).toString();
                    hit.recordedAt = now;
                    // the matched values are masked; the ids around them are not personal data
                    String evidence = f.rule().code() + " v" + f.rule().version() + " on " + event.type() + " "
                            + event.eventId() + ": " + hit.evidence;
                    return hit.persist().flatMap(x -> out.publish(new RiskHitRecorded(hit.id.toString(),
                            hit.ruleId.toString(), hit.ruleCode, hit.minefield.name(), hit.severity.name(),
                            hit.agentId, hit.teamId, evidence, now), hit.province, complaintId, now));
                });
    }

    /** Who acted in the event, else the complaint's handler. */
    static String actor(EventEnvelope e, ComplaintHistory h) {
        String field = switch (e.type()) {
            case "NoteAdded" -> "authorId";
            case "ComplaintResolved" -> "resolvedBy";
            case "PromiseMade" -> "madeBy";
            case "ComplaintHandedOff" -> "fromOwnerId";
            case "ComplaintCategoryChanged" -> "changedBy";
            default -> null;
        };
        if (field != null && e.payload().hasNonNull(field)) {
            return e.payload().get(field).asText();
        }
        if ("PromiseBroken".equals(e.type()) && e.payload().hasNonNull("promiseId")) {
            String promise = e.payload().get("promiseId").asText();
            for (ComplaintHistory.Promise p : h.promises()) {
                if (promise.equals(p.promiseId()) && p.madeBy() != null) {
                    return p.madeBy();
                }
            }
        }
        return h.agentId();
    }
}
