package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.domain.ComplaintFact;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Complaint facts: samples for audits, monthly counts per agent and team for flags. */
@ApplicationScoped
public class ComplaintFactRepository implements PanacheRepositoryBase<ComplaintFact, UUID> {

    /** One agent's or team's month: tickets finished, of them with a ticket error, of them with a risk hit. */
    public record Counts(String id, long tickets, long withError, long withHit) {
    }

    private static final String BY_AGENT = """
            select f.agent_id, count(*),
                   count(*) filter (where exists (select 1 from ticket_errors e where e.complaint_id = f.complaint_id)),
                   count(*) filter (where exists (select 1 from risk_hits h where h.complaint_id = f.complaint_id))
            from complaint_facts f
            where f.province = ?1 and f.finished_month = ?2 and f.agent_id is not null
            group by f.agent_id order by f.agent_id""";
    private static final String BY_TEAM = """
            select f.team_id, count(*),
                   count(*) filter (where exists (select 1 from ticket_errors e where e.complaint_id = f.complaint_id)),
                   count(*) filter (where exists (select 1 from risk_hits h where h.complaint_id = f.complaint_id))
            from complaint_facts f
            where f.province = ?1 and f.finished_month = ?2 and f.team_id is not null
            group by f.team_id order by f.team_id""";

    /**
     * A reproducible sample: the month's finished tickets ordered by a hash of the seed and the
     * complaint id, the first {@code size} of them. The same seed, province and month always give the
     * same tickets (while no more tickets are finished in the month).
     */
    private static final String SAMPLE = """
            select f.complaint_id from complaint_facts f
            where f.province = ?1 and f.finished_month = ?2
            order by md5(?3 || ':' || f.complaint_id::text), f.complaint_id
            limit ?4""";

    public Uni<List<Counts>> byAgent(String province, String month) {
        return counts(BY_AGENT, province, month);
    }

    public Uni<List<Counts>> byTeam(String province, String month) {
        return counts(BY_TEAM, province, month);
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Counts>> counts(String sql, String province, String month) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(sql).setParameter(1, province)
                .setParameter(2, month).getResultList()).map(rows -> ((List<Object[]>) (List<?>) rows).stream()
                        .map(r -> new Counts((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                                ((Number) r[3]).longValue()))
                        .toList());
    }

    /** The sampled tickets, see {@link #SAMPLE}. */
    public Uni<List<ComplaintFact>> sample(String province, String month, long seed, int size) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(SAMPLE).setParameter(1, province)
                .setParameter(2, month).setParameter(3, Long.toString(seed)).setParameter(4, size).getResultList())
                .flatMap(ids -> {
                    List<UUID> list = ids.stream().map(o -> (UUID) o).toList();
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(List.<ComplaintFact>of());
                    }
                    return list("complaintId in ?1", list).map(found -> {
                        java.util.Map<UUID, ComplaintFact> byId = new java.util.HashMap<>();
                        found.forEach(f -> byId.put(f.complaintId, f));
                        return list.stream().map(byId::get).toList();
                    });
                });
    }
}
