package io.tousu.quality.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.domain.ComplaintFact;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
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

    private static final String UPSERT_ALL = """
            insert into complaint_facts (complaint_id, province, ticket_no, channel, category, agent_id, team_id,
                                         received_at, finished_at, finished_month)
            select * from unnest(cast(cast(?1 as text[]) as uuid[]), cast(?2 as text[]), cast(?3 as text[]),
                                 cast(?4 as text[]), cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]),
                                 cast(cast(?8 as text[]) as timestamptz[]), cast(cast(?9 as text[]) as timestamptz[]),
                                 cast(?10 as text[]))
            on conflict (complaint_id) do update set province = excluded.province, ticket_no = excluded.ticket_no,
                channel = excluded.channel, category = excluded.category, agent_id = excluded.agent_id,
                team_id = excluded.team_id, received_at = excluded.received_at, finished_at = excluded.finished_at,
                finished_month = excluded.finished_month""";

    /**
     * Writes these facts (new or replacing the stored ones) in one statement, in complaint id order;
     * a complaint must be in the list once. Parameters go in as text arrays, cast in SQL.
     */
    public Uni<Void> upsertAll(List<ComplaintFact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ComplaintFact> sorted = facts.stream().sorted(Comparator.comparing(f -> f.complaintId))
                .toList();
        int n = sorted.size();
        String[][] columns = new String[10][n];
        for (int i = 0; i < n; i++) {
            ComplaintFact f = sorted.get(i);
            columns[0][i] = f.complaintId.toString();
            columns[1][i] = f.province;
            columns[2][i] = f.ticketNo;
            columns[3][i] = f.channel;
            columns[4][i] = f.category;
            columns[5][i] = f.agentId;
            columns[6][i] = f.teamId;
            columns[7][i] = f.receivedAt == null ? null : f.receivedAt.toString();
            columns[8][i] = f.finishedAt == null ? null : f.finishedAt.toString();
            columns[9][i] = f.finishedMonth;
        }
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(UPSERT_ALL);
            for (int c = 0; c < columns.length; c++) {
                query.setParameter(c + 1, columns[c]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

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
