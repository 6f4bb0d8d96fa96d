package io.tousu.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.tousu.events.EventEnvelope;
import io.tousu.events.EventPayload;
import io.tousu.events.complaint.ComplaintAssigned;
import io.tousu.events.complaint.NoteAdded;
import io.tousu.events.complaint.ComplaintReopened;
import io.tousu.events.complaint.ComplaintResolved;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactRoundsTest {

    private static final Instant AT = Instant.parse("2026-09-05T02:00:00Z");
    private static final String A = "00000000-0000-0000-0000-00000000000a";
    private static final String B = "00000000-0000-0000-0000-00000000000b";

    @Test
    void eachRoundHoldsAComplaintOnceAndItsEventsKeepTheirOrder() {
        List<EventEnvelope> batch = List.of(
                event(A, assigned("agent-1")),
                event(B, assigned("agent-2")),
                event(A, resolved(false)),
                event(A, new NoteAdded("agent-1", "called back", AT)), // moves no fact
                event(A, new ComplaintReopened("UNSATISFIED_FOLLOW_UP", 1, AT)),
                event(A, resolved(true)),
                event(B, resolved(true)));
        List<Map<FactEvent, List<Map<String, Object>>>> rounds = ComplaintFactWriter.rounds(batch);

        assertThat(rounds).hasSize(4);
        assertThat(rounds.get(0).get(FactEvent.ASSIGNED)).extracting(r -> r.get("complaint_id"))
                .containsExactly(A, B);
        assertThat(rounds.get(1).keySet()).containsExactly(FactEvent.RESOLVED);
        assertThat(rounds.get(1).get(FactEvent.RESOLVED)).extracting(r -> r.get("complaint_id"), r -> r.get("substantiated"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(A, false), org.assertj.core.groups.Tuple.tuple(B, true));
        assertThat(rounds.get(2)).containsOnlyKeys(FactEvent.REOPENED);
        // the later resolution of a is written after the earlier one, in a round of its own
        assertThat(rounds.get(3).get(FactEvent.RESOLVED)).extracting(r -> r.get("substantiated")).containsExactly(true);
    }

    @Test
    void aComplaintIdThatIsNoUuidIsTheEventsFaultNotTheDatabases() {
        // the inbox skips an event whose handler throws IllegalArgumentException (poison)
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ComplaintFactWriter.rounds(List.of(event("not-a-uuid", assigned("agent-1")))));
    }

    @Test
    void eventsThatMoveNoFactMakeNoStatement() {
        assertThat(ComplaintFactWriter.rounds(List.of(event(A, new NoteAdded("agent-1", "note", AT)))))
                .isEmpty();
    }

    @Test
    void rowsCarryTheColumnsOfTheirKindAsJson() {
        Map<String, Object> row = FactEvent.RESOLVED.row(event(A, resolved(true)));
        assertThat(FactEvent.json(List.of(row))).isEqualTo("[{\"complaint_id\":\"" + A + "\",\"province\":\"GD\","
                + "\"resolved_at\":\"2026-09-05T02:00:00Z\",\"substantiated\":true,\"responsibility\":\"STAFF\","
                + "\"staff_id\":\"agent-1\",\"first_contact\":true,\"handed_off\":false,\"owner_id\":\"agent-1\"}]");
        assertThat(FactEvent.RESOLVED.sql()).contains("jsonb_to_recordset(cast(?1 as text)::jsonb)")
                .contains("on conflict (complaint_id) do update set");
    }

    private static ComplaintAssigned assigned(String owner) {
        return new ComplaintAssigned(owner, "Agent", "team-1", "FRONT", "SYSTEM", AT);
    }

    private static ComplaintResolved resolved(boolean substantiated) {
        return new ComplaintResolved(substantiated, "STAFF", "agent-1", "REFUND", "refunded", null, false, true, false,
                "agent-1", AT);
    }

    private static EventEnvelope event(String complaint, EventPayload payload) {
        return EventEnvelope.of(payload, "GD", complaint, AT);
    }
}
