package io.tousu.reporting.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** The counts of the weekly report that the indicator measures do not have: overdue and escalated complaints. */
@ApplicationScoped
public class WeeklyQueries {

    private final Pool pool;

    public WeeklyQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * Overdue: complaints whose resolution clock ran out in {@code [from, to)} (SlaBreached on the
     * RESOLUTION clock). Escalated: distinct complaints that reached a new escalation level in it.
     *
     * @param overdue   complaints that became overdue
     * @param escalated complaints escalated
     */
    public record OverdueEscalated(long overdue, long escalated) {
    }

    public Uni<OverdueEscalated> overdueAndEscalated(String province, Instant from, Instant to) {
        Tuple params = Tuple.of(province, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        return pool.preparedQuery("select (select count(*) from complaint_facts where province = $1 "
                + "and resolution_breach_due_at >= $2 and resolution_breach_due_at < $3), "
                + "(select count(distinct complaint_id) from complaint_escalations where province = $1 "
                + "and escalated_at >= $2 and escalated_at < $3)")
                .execute(params)
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new OverdueEscalated(row.getLong(0), row.getLong(1));
                });
    }
}
