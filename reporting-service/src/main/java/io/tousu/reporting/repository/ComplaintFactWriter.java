package io.tousu.reporting.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tousu.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the complaint facts, in the caller's transaction. A complaint's events come on three
 * topics in no guaranteed order, so every write is an upsert: whichever event comes first creates
 * the row with the id, the province and its own columns, later ones update their columns on it; the
 * upsert locks the row, so concurrent consumers of different topics never lose each other's writes.
 *
 * <p>The events of {@code tousu.complaints} are written a batch at a time ({@link #applyAll}): the
 * batch is cut into rounds, the n-th round holding the n-th event of each complaint, and each round
 * is written with one multi-row upsert per kind of event ({@link FactEvent}). Within a round no
 * complaint appears twice, and each complaint's events keep their order across rounds, so the rows
 * end as if the events had been applied one by one; a burst costs a few statements, not one per event.
 */
@ApplicationScoped
public class ComplaintFactWriter {

    /**
     * Writes the facts of {@code tousu.complaints} events (in partition order per complaint); events
     * that move no indicator are left out.
     */
    public Uni<Void> applyAll(List<EventEnvelope> events) {
        List<Uni<Void>> statements = new ArrayList<>();
        for (Map<FactEvent, List<Map<String, Object>>> round : rounds(events)) {
            round.forEach((kind, rows) -> statements.add(execute(kind.sql(), FactEvent.json(rows))));
        }
        return statements.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(statements).onItem().transformToUniAndConcatenate(u -> u)
                        .collect().last().replaceWithVoid();
    }

    /**
     * The rows to write, round by round and kind by kind: round n holds the n-th fact event of each
     * complaint, so no complaint appears twice in a round and each complaint's events keep their order.
     */
    static List<Map<FactEvent, List<Map<String, Object>>>> rounds(List<EventEnvelope> events) {
        List<Map<FactEvent, List<Map<String, Object>>>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (EventEnvelope event : events) {
            FactEvent kind = event.knownType().flatMap(FactEvent::of).orElse(null);
            if (kind == null) {
                continue;
            }
            Map<String, Object> row = kind.row(event);
            int round = seen.merge((String) row.get("complaint_id"), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new EnumMap<>(FactEvent.class));
            }
            rounds.get(round).computeIfAbsent(kind, k -> new ArrayList<>()).add(row);
        }
        return rounds;
    }

    /** A RESOLUTION clock ran out at {@code dueAt}; the earliest such breach is kept. */
    public Uni<Void> resolutionBreached(UUID id, String province, Instant dueAt) {
        return upsert(id, province, "resolution_breach_due_at", "?2",
                "resolution_breach_due_at = least(complaint_facts.resolution_breach_due_at, ?2)", dueAt);
    }

    public Uni<Void> escalated(UUID id, String province, int level) {
        return upsert(id, province, "escalation_level", "?2",
                "escalation_level = greatest(complaint_facts.escalation_level, ?2)", level);
    }

    /** Records that the complaint reached an escalation level (once per level; redeliveries change nothing). */
    public Uni<Void> escalation(UUID id, String province, int level, String reason, Instant at) {
        return execute("insert into complaint_escalations (complaint_id, to_level, province, reason, escalated_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict (complaint_id, to_level) do nothing",
                id, level, province, reason, at);
    }

    /**
     * One statement: creates the row with {@code columns} set to {@code values} when this is the
     * complaint's first event, or sets them on the existing row by {@code set} (whose expressions see
     * what other events already wrote as {@code complaint_facts.*}). Parameters: ?1 the id, ?2 on
     * {@code params}, then the province. {@code values} must equal {@code set} applied to a row of
     * defaults, so that the order of a complaint's events does not change the row. All SQL text is
     * constant; values are bound.
     */
    private static Uni<Void> upsert(UUID id, String province, String columns, String values, String set,
            Object... params) {
        Object[] all = new Object[params.length + 2];
        all[0] = id;
        System.arraycopy(params, 0, all, 1, params.length);
        all[params.length + 1] = province;
        return execute("insert into complaint_facts (complaint_id, province, " + columns + ") values (?1, ?"
                + (params.length + 2) + ", " + values + ") on conflict (complaint_id) do update set " + set, all);
    }

    static Uni<Void> execute(String sql, Object... params) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
