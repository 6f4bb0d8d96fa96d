package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.ProblemException;
import io.tousu.quality.repository.ComplaintFactRepository;
import io.tousu.quality.repository.RiskHitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Audits (稽查): sample a month's finished tickets of a province reproducibly (same seed, same
 * tickets) and record for each whether it hit a rule of the audit's set (rule codes and/or
 * minefields; neither: every rule). Risk anomaly rate (风险异常率) = tickets with a hit / tickets audited.
 */
@ApplicationScoped
public class Audits {

    /** What to audit. */
    public record Request(String province, String month, List<String> ruleCodes, List<Minefield> minefields,
            int sampleSize, long seed, String createdBy) {
    }

    /** An audit and its tickets. */
    public record Detail(Audit audit, List<AuditItem> items) {

        /** hits / audited, or null when nothing was audited. */
        public Double anomalyRate() {
            return audit.audited == 0 ? null : (double) audit.hits / audit.audited;
        }
    }

    private final ComplaintFactRepository facts;
    private final RiskHitRepository hits;
    private final Clock clock;

    public Audits(ComplaintFactRepository facts, RiskHitRepository hits, Clock clock) {
        this.facts = facts;
        this.hits = hits;
        this.clock = clock;
    }

    public Uni<Detail> run(Request r) {
        Set<String> codes = new LinkedHashSet<>(r.ruleCodes());
        Set<Minefield> fields = Set.copyOf(r.minefields());
        return Panache.withTransaction(() -> knownCodes(new ArrayList<>(codes))
                .flatMap(known -> facts.sample(r.province(), r.month(), r.seed(), r.sampleSize()))
                .flatMap(sample -> hits.ofComplaints(sample.stream().map(f -> f.complaintId).toList())
                        .flatMap(found -> store(r, codes, fields, sample, found))));
    }

    private Uni<Void> knownCodes(List<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return RiskRule.<RiskRule>list("code in ?1", codes).map(rules -> {
            Set<String> known = rules.stream().map(x -> x.code).collect(Collectors.toSet());
            for (int i = 0; i < codes.size(); i++) {
                if (!known.contains(codes.get(i))) {
                    throw ProblemException.invalidField("ruleCodes[" + i + "]", "no risk rule " + codes.get(i));
                }
            }
            return null;
        });
    }

    private Uni<Detail> store(Request r, Set<String> codes, Set<Minefield> fields, List<ComplaintFact> sample,
            List<RiskHit> found) {
        Predicate<RiskHit> inSet = h -> (codes.isEmpty() && fields.isEmpty()) || codes.contains(h.ruleCode)
                || fields.contains(h.minefield);
        Audit a = new Audit();
        a.id = UUID.randomUUID();
        a.province = r.province();
        a.month = r.month();
        a.ruleCodes = String.join(",", codes);
        a.minefields = fields.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        a.sampleSize = r.sampleSize();
        a.seed = r.seed();
        a.createdBy = r.createdBy();
        a.createdAt = clock.instant();
        List<AuditItem> items = new ArrayList<>();
        for (ComplaintFact f : sample) {
            AuditItem i = new AuditItem();
            i.auditId = a.id;
            i.complaintId = f.complaintId;
            i.ticketNo = f.ticketNo;
            i.agentId = f.agentId;
            i.teamId = f.teamId;
            i.ruleCodes = found.stream().filter(h -> h.complaintId.equals(f.complaintId)).filter(inSet)
                    .map(h -> h.ruleCode).distinct().sorted().collect(Collectors.joining(","));
            i.outcome = i.ruleCodes.isEmpty() ? AuditItem.CLEAN : AuditItem.HIT;
            items.add(i);
        }
        a.audited = items.size();
        a.hits = (int) items.stream().filter(i -> AuditItem.HIT.equals(i.outcome)).count();
        return a.persist().flatMap(x -> items.isEmpty() ? Uni.createFrom().voidItem() : AuditItem.persist(items))
                .replaceWith(new Detail(a, items));
    }

    /** Audits of {@code province} (null: every province), newest first, without their tickets. */
    public Uni<io.tousu.quality.repository.InspectionRepository.Slice<Audit>> page(String province,
            io.quarkus.panache.common.Page page) {
        var q = province == null ? Audit.<Audit>find("order by createdAt desc, id")
                : Audit.<Audit>find("province = ?1 order by createdAt desc, id", province);
        return Panache.withSession(() -> q.page(page).list().flatMap(items -> q.count()
                .map(total -> new io.tousu.quality.repository.InspectionRepository.Slice<>(items, total))));
    }

    /** The audit, or 404 when unknown or not {@code visible} to the caller. */
    public Uni<Detail> get(UUID id, Predicate<String> visible) {
        return Panache.withSession(() -> Audit.<Audit>findById(id).flatMap(a -> {
            if (a == null || !visible.test(a.province)) {
                throw ProblemException.notFound("no audit " + id);
            }
            return AuditItem.<AuditItem>list("auditId = ?1 order by outcome desc, ticketNo, complaintId", id)
                    .map(items -> new Detail(a, items));
        }));
    }
}
