package io.tousu.intake.domain;

import io.tousu.platform.rest.ProblemException;
import java.util.List;

/**
 * Who may act on which complaint: callers see only their own province (another province's
 * complaint answers 404, as if it did not exist); agents and back-office handlers act only on
 * complaints they own or their team owns, and may pick up one nobody owns; supervisors act on any.
 */
public final class Access {

    private Access() {
    }

    /** Throws 404 or 403 unless {@code actor} may perform {@code action} on {@code c}. */
    public static void requireMayAct(Complaint c, Actor actor, Action action) {
        requireVisible(c, actor);
        if (actor.actsOnAnyComplaint()) {
            return;
        }
        boolean owner = actor.id().equals(c.ownerId);
        boolean team = actor.team() != null && actor.team().equals(c.teamId);
        boolean pickUp = action == Action.ASSIGN && c.ownerId == null && (c.teamId == null || team);
        if (!owner && !team && !pickUp) {
            throw new ProblemException(403, ProblemTypes.NOT_YOURS, "Not your complaint",
                    "only its owner" + (c.ownerId == null ? "" : " (" + c.ownerId + ")") + ", the owning team"
                            + (c.teamId == null ? "" : " (" + c.teamId + ")") + " or a supervisor may do this",
                    List.of());
        }
    }

    /** 404 for a complaint of another province. */
    public static void requireVisible(Complaint c, Actor actor) {
        if (actor.province() != null && !actor.province().equals(c.province)) {
            throw ProblemException.notFound("no complaint " + c.id);
        }
    }
}
