package io.tousu.reporting.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.events.EventEnvelope;
import io.tousu.events.EventType;
import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.ComplaintCategoryChanged;
import io.tousu.events.complaint.ComplaintFollowedUp;
import io.tousu.events.complaint.ComplaintHandedOff;
import io.tousu.events.complaint.ComplaintReceived;
import io.tousu.events.complaint.ComplaintReopened;
import io.tousu.events.complaint.ComplaintResolved;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The kinds of {@code tousu.complaints} event that change a complaint fact, each with its multi-row
 * upsert: the rows come as one JSON array parameter (read with {@code jsonb_to_recordset}), the
 * first event of a complaint creates its row with the columns the event knows, and a later one sets
 * them on the existing row, seeing what other events wrote as {@code complaint_facts.*}. For every
 * kind, inserting equals updating a row of defaults, so the order of different kinds of event of a
 * complaint does not change the row. All SQL text is constant; the values are data.
 */
enum FactEvent {

    /** The complaint's own fields; keeps a category a recategorisation already set. */
    RECEIVED("ticket_no, city, channel, category, priority, received_at, repeat",
            "ticket_no text, city text, channel text, category text, priority text, received_at timestamptz, "
                    + "repeat boolean",
            "ticket_no = excluded.ticket_no, city = excluded.city, channel = excluded.channel, "
                    + "category = coalesce(complaint_facts.category, excluded.category), priority = excluded.priority, "
                    + "received_at = excluded.received_at, repeat = excluded.repeat"),
    /** The new category wins over the one received (a recategorised complaint counts under its new category). */
    CATEGORY_CHANGED("category", "category text", "category = excluded.category"),
    ASSIGNED("owner_id, team_id", "owner_id text, team_id text", "owner_id = excluded.owner_id, team_id = excluded.team_id"),
    /** A hand-off rules out first-contact resolution; the new owner (when named) and team take over. */
    HANDED_OFF("handed_off, owner_id, team_id", "handed_off boolean, owner_id text, team_id text",
            "handed_off = true, owner_id = coalesce(excluded.owner_id, complaint_facts.owner_id), "
                    + "team_id = coalesce(excluded.team_id, complaint_facts.team_id)"),
    /** The latest resolution counts; the owner defaults to the resolver when no assignment was seen. */
    RESOLVED("resolved_at, substantiated, responsibility, staff_id, first_contact, handed_off, owner_id",
            "resolved_at timestamptz, substantiated boolean, responsibility text, staff_id text, first_contact boolean, "
                    + "handed_off boolean, owner_id text",
            "resolved_at = excluded.resolved_at, substantiated = excluded.substantiated, "
                    + "responsibility = excluded.responsibility, staff_id = excluded.staff_id, "
                    + "first_contact = excluded.first_contact, "
                    + "handed_off = complaint_facts.handed_off or excluded.handed_off, "
                    + "owner_id = coalesce(complaint_facts.owner_id, excluded.owner_id)"),
    FOLLOWED_UP("followed_up_at, satisfied", "followed_up_at timestamptz, satisfied boolean",
            "followed_up_at = excluded.followed_up_at, satisfied = excluded.satisfied"),
    REOPENED("reopen_count", "reopen_count integer",
            "reopen_count = greatest(complaint_facts.reopen_count, excluded.reopen_count)");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sql;

    FactEvent(String columns, String types, String set) {
        this.sql = "insert into complaint_facts (complaint_id, province, " + columns + ") select r.complaint_id, "
                + "r.province, " + columns + " from jsonb_to_recordset(cast(?1 as text)::jsonb) as r(complaint_id uuid, "
                + "province text, " + types + ") on conflict (complaint_id) do update set " + set;
    }

    /** The kind of fact event a type is, if it changes a fact at all. */
    static Optional<FactEvent> of(EventType type) {
        return Optional.ofNullable(switch (type) {
            case COMPLAINT_RECEIVED -> RECEIVED;
            case COMPLAINT_CATEGORY_CHANGED -> CATEGORY_CHANGED;
            case COMPLAINT_ASSIGNED -> ASSIGNED;
            case COMPLAINT_HANDED_OFF -> HANDED_OFF;
            case COMPLAINT_RESOLVED -> RESOLVED;
            case COMPLAINT_FOLLOWED_UP -> FOLLOWED_UP;
            case COMPLAINT_REOPENED -> REOPENED;
            default -> null;
        });
    }

    /** The upsert of a JSON array of rows made by {@link #row}. */
    String sql() {
        return sql;
    }

    /**
     * The row of one event: the complaint, its province and the columns of this kind.
     *
     * @throws IllegalArgumentException when the complaint id is no UUID
     */
    Map<String, Object> row(EventEnvelope event) {
        Map<String, Object> row = new LinkedHashMap<>();
        // parsed here, not left to the database: an id that is no UUID is the event's own fault (poison,
        // skipped by the inbox), not a failure of the statement that the inbox would retry forever
        row.put("complaint_id", UUID.fromString(event.complaintId()).toString());
        row.put("province", event.province());
        switch (this) {
            case RECEIVED -> {
                ComplaintReceived r = event.payloadAs(ComplaintReceived.class);
                row.put("ticket_no", r.ticketNo());
                row.put("city", r.city());
                row.put("channel", r.channel());
                row.put("category", r.category());
                row.put("priority", r.priority());
                row.put("received_at", text(r.receivedAt()));
                row.put("repeat", r.repeatOf() != null && !r.repeatOf().isEmpty());
            }
            case CATEGORY_CHANGED -> row.put("category", event.payloadAs(ComplaintCategoryChanged.class).toCategory());
            case ASSIGNED -> {
                ComplaintAssigned a = event.payloadAs(ComplaintAssigned.class);
                row.put("owner_id", a.ownerId());
                row.put("team_id", a.teamId());
            }
            case HANDED_OFF -> {
                ComplaintHandedOff h = event.payloadAs(ComplaintHandedOff.class);
                row.put("handed_off", true);
                row.put("owner_id", h.toOwnerId());
                row.put("team_id", h.toTeamId());
            }
            case RESOLVED -> {
                ComplaintResolved r = event.payloadAs(ComplaintResolved.class);
                row.put("resolved_at", text(r.resolvedAt()));
                row.put("substantiated", r.substantiated());
                row.put("responsibility", r.responsibility());
                row.put("staff_id", r.staffId());
                row.put("first_contact", r.firstContact());
                row.put("handed_off", r.handedOff());
                row.put("owner_id", r.resolvedBy());
            }
            case FOLLOWED_UP -> {
                ComplaintFollowedUp f = event.payloadAs(ComplaintFollowedUp.class);
                row.put("followed_up_at", text(f.followedUpAt()));
                row.put("satisfied", f.satisfied());
            }
            case REOPENED -> row.put("reopen_count", Math.max(event.payloadAs(ComplaintReopened.class).reopenCount(), 1));
        }
        return row;
    }

    /** Rows as the JSON array parameter of {@link #sql}. */
    static String json(List<Map<String, Object>> rows) {
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("complaint fact rows cannot be written as JSON", e);
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
