package io.tousu.escalation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.ClockHistoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Appends many clock-history lines in one statement (rows in list order), inside the caller's
 * transaction: with the platform's {@code Outbox.appendAll} a firing batch writes two statements
 * instead of several per clock.
 */
@ApplicationScoped
public class BatchWrites {

    private static final String HISTORY = """
            insert into clock_history (complaint_id, clock, action, level, at, detail)
            select * from unnest(cast(cast(?1 as text[]) as uuid[]), cast(?2 as text[]), cast(?3 as text[]),
                                 cast(cast(?4 as text[]) as int[]), cast(cast(?5 as text[]) as timestamptz[]),
                                 cast(?6 as text[]))""";

    // every parameter goes in as text (text[]) and is cast in SQL: the reactive client types a
    // parameter by what the statement expects and would not coerce strings to uuid[] or timestamptz[]

    public Uni<Void> history(List<ClockHistoryEntry> lines) {
        if (lines.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = lines.size();
        String[] complaints = new String[n];
        String[] clocks = new String[n];
        String[] actions = new String[n];
        String[] levels = new String[n];
        String[] at = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            ClockHistoryEntry h = lines.get(i);
            complaints[i] = h.complaintId.toString();
            clocks[i] = h.clock;
            actions[i] = h.action;
            levels[i] = String.valueOf(h.level);
            at[i] = h.at.toString();
            details[i] = h.detail;
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery(HISTORY)
                .setParameter(1, complaints).setParameter(2, clocks).setParameter(3, actions)
                .setParameter(4, levels).setParameter(5, at).setParameter(6, details)
                .executeUpdate()).replaceWithVoid();
    }
}
