package io.tousu.reporting.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.ComplaintFollowedUp;
import io.tousu.events.complaint.ComplaintHandedOff;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintResolved;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes the complaint facts, in the caller's transaction. A complaint's events come on three
 * topics in no guaranteed order, so every write is one upsert: whichever event comes first creates
 * the row with the id, the province and its own columns, later ones update their columns on it; the
 * upsert locks the row, so concurrent consumers of different topics never lose each other's writes.
 */
@ApplicationScoped
public class ComplaintFactWriter {


    /** The complaint's own fields; keeps whatever other events already set. */
    public Uni<Void> received(UUID id, String province, ComplaintReceived r) {
        return execute("insert into complaint_facts (complaint_id, province, ticket_no, city, channel, category, "
                + "priority, received_at, repeat) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                + "on conflict (complaint_id) do update set ticket_no = excluded.ticket_no, city = excluded.city, "
                + "channel = excluded.channel, category = coalesce(complaint_facts.category, excluded.category), "
                + "priority = excluded.priority, received_at = excluded.received_at, repeat = excluded.repeat",
                id, province, r.ticketNo(), r.city(), r.channel(), r.category(), r.priority(), r.receivedAt(),
                r.repeatOf() != null && !r.repeatOf().isEmpty());
    }

    /** The new category wins over the one received (a recategorised complaint counts under its new category). */
    public Uni<Void> categoryChanged(UUID id, String province, String category) {
        return upsert(id, province, "category", "?2", "category = ?2", category);
    }

    public Uni<Void> assigned(UUID id, String province, ComplaintAssigned a) {
        return upsert(id, province, "owner_id, team_id", "?2, ?3", "owner_id = ?2, team_id = ?3", a.ownerId(),
                a.teamId());
    }

    /** A hand-off rules out first-contact resolution; the new owner (when named) and team take over. */
    public Uni<Void> handedOff(UUID id, String province, ComplaintHandedOff h) {
        return upsert(id, province, "handed_off, owner_id, team_id", "true, ?2, ?3", "handed_off = true, "
                + "owner_id = coalesce(?2, complaint_facts.owner_id), team_id = coalesce(?3, complaint_facts.team_id)",
                h.toOwnerId(), h.toTeamId());
    }

    /** The latest resolution counts; the owner defaults to the resolver when no assignment was seen. */
    public Uni<Void> resolved(UUID id, String province, ComplaintResolved r) {
        return upsert(id, province, "resolved_at, substantiated, responsibility, staff_id, first_contact, handed_off, "
                + "owner_id", "?2, ?3, ?4, ?5, ?6, ?7, ?8", "resolved_at = ?2, substantiated = ?3, responsibility = ?4, "
                + "staff_id = ?5, first_contact = ?6, handed_off = complaint_facts.handed_off or ?7, "
                + "owner_id = coalesce(complaint_facts.owner_id, ?8)", r.resolvedAt(),
                r.substantiated(), r.responsibility(), r.staffId(), r.firstContact(), r.handedOff(), r.resolvedBy());
    }

    public Uni<Void> followedUp(UUID id, String province, ComplaintFollowedUp f) {
        return upsert(id, province, "followed_up_at, satisfied", "?2, ?3", "followed_up_at = ?2, satisfied = ?3",
                f.followedUpAt(), f.satisfied());
    }

    public Uni<Void> reopened(UUID id, String province, int reopenCount) {
        return upsert(id, province, "reopen_count", "?2", "reopen_count = greatest(complaint_facts.reopen_count, ?2)",
                Math.max(reopenCount, 1));
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
