package io.tousu.intake.domain;

import static io.tousu.intake.domain.Action.ADD_INFORMATION;
import static io.tousu.intake.domain.Action.ADD_NOTE;
import static io.tousu.intake.domain.Action.APPROVE_RESOLUTION;
import static io.tousu.intake.domain.Action.ASSIGN;
import static io.tousu.intake.domain.Action.BREAK_PROMISE;
import static io.tousu.intake.domain.Action.CHANGE_CATEGORY;
import static io.tousu.intake.domain.Action.CLOSE;
import static io.tousu.intake.domain.Action.FOLLOW_UP;
import static io.tousu.intake.domain.Action.HAND_BACK;
import static io.tousu.intake.domain.Action.HAND_OFF;
import static io.tousu.intake.domain.Action.KEEP_PROMISE;
import static io.tousu.intake.domain.Action.LEAVE_SUGGESTION;
import static io.tousu.intake.domain.Action.MAKE_PROMISE;
import static io.tousu.intake.domain.Action.REJECT_RESOLUTION;
import static io.tousu.intake.domain.Action.REOPEN;
import static io.tousu.intake.domain.Action.RESOLVE;
import static io.tousu.intake.domain.Action.RESUME;
import static io.tousu.intake.domain.Action.START_WORK;
import static io.tousu.intake.domain.Action.URGE;
import static io.tousu.intake.domain.Action.WAIT_FOR_CUSTOMER;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The closed-loop state machine: which actions each status allows. Actions that do not move the
 * status (notes, information, urges, promises) are allowed while the complaint is open.
 *
 * <pre>
 * RECEIVED -> ASSIGNED -> IN_PROGRESS -> RESOLVED -> FOLLOWED_UP -> CLOSED
 *                 |            |  ^          |
 *                 |            v  |          +-> REOPENED (unsatisfied follow-up, repeat complaint)
 *                 |   PENDING_BACK_OFFICE / PENDING_CUSTOMER / PENDING_APPROVAL
 * </pre>
 */
public final class Lifecycle {

    private static final Set<Action> WHILE_OPEN = EnumSet.of(ADD_NOTE, ADD_INFORMATION, URGE, MAKE_PROMISE,
            KEEP_PROMISE, BREAK_PROMISE, CHANGE_CATEGORY, LEAVE_SUGGESTION);
    private static final Map<ComplaintStatus, Set<Action>> ALLOWED = new EnumMap<>(ComplaintStatus.class);

    static {
        allow(ComplaintStatus.RECEIVED, ASSIGN, CLOSE);
        allow(ComplaintStatus.ASSIGNED, ASSIGN, START_WORK, HAND_OFF, WAIT_FOR_CUSTOMER, RESOLVE);
        allow(ComplaintStatus.IN_PROGRESS, ASSIGN, HAND_OFF, WAIT_FOR_CUSTOMER, RESOLVE);
        allow(ComplaintStatus.PENDING_BACK_OFFICE, ASSIGN, START_WORK, HAND_BACK, WAIT_FOR_CUSTOMER, RESOLVE);
        allow(ComplaintStatus.PENDING_CUSTOMER, RESUME);
        allow(ComplaintStatus.PENDING_APPROVAL, APPROVE_RESOLUTION, REJECT_RESOLUTION);
        allow(ComplaintStatus.REOPENED, ASSIGN, START_WORK, HAND_OFF, WAIT_FOR_CUSTOMER, RESOLVE);
        ALLOWED.put(ComplaintStatus.RESOLVED,
                EnumSet.of(FOLLOW_UP, REOPEN, CLOSE, ADD_NOTE, CHANGE_CATEGORY, LEAVE_SUGGESTION));
        ALLOWED.put(ComplaintStatus.FOLLOWED_UP, EnumSet.of(CLOSE, REOPEN, ADD_NOTE, LEAVE_SUGGESTION));
        ALLOWED.put(ComplaintStatus.CLOSED, EnumSet.of(REOPEN, ADD_NOTE, LEAVE_SUGGESTION));
    }

    private Lifecycle() {
    }

    private static void allow(ComplaintStatus status, Action... moves) {
        Set<Action> actions = EnumSet.copyOf(WHILE_OPEN);
        actions.addAll(Set.of(moves));
        ALLOWED.put(status, actions);
    }

    /** The actions allowed in {@code status}. */
    public static Set<Action> allowed(ComplaintStatus status) {
        return EnumSet.copyOf(ALLOWED.get(status));
    }

    /** Throws {@link LifecycleViolation} unless {@code action} is allowed in {@code status}. */
    public static void require(ComplaintStatus status, Action action) {
        if (!ALLOWED.get(status).contains(action)) {
            throw new LifecycleViolation(status, action, allowed(status));
        }
    }

    /** An action the current status does not allow; the API answers 409 naming both. */
    public static final class LifecycleViolation extends RuntimeException {

        private final ComplaintStatus status;
        private final Action action;
        private final Set<Action> allowed;

        LifecycleViolation(ComplaintStatus status, Action action, Set<Action> allowed) {
            super(action + " is not allowed while the complaint is " + status + "; allowed: " + allowed);
            this.status = status;
            this.action = action;
            this.allowed = allowed;
        }

        public ComplaintStatus status() {
            return status;
        }

        public Action action() {
            return action;
        }

        public Set<Action> allowedActions() {
            return allowed;
        }
    }
}
