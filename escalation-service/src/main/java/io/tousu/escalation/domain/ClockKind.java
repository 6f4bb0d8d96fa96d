package io.tousu.escalation.domain;

/**
 * The SLA clocks a complaint can have, in the order they are shown: the resolution clock, the
 * headline SLA, first.
 * <ul>
 * <li>FIRST_RESPONSE: armed on receipt; stops at first contact, i.e. the first status change to
 * IN_PROGRESS or PENDING_CUSTOMER, a promise made to the customer, or resolution. An assignment
 * alone does not stop it: routing a complaint is not talking to the customer.</li>
 * <li>NEXT_UPDATE: armed at first contact; restarts on every update the customer sees (a status
 * change, information added by an agent, a promise kept); stops on resolve, restarts on reopen.</li>
 * <li>RESOLUTION: armed on receipt; stops on resolve; restarts (full target) on reopen.</li>
 * <li>PROMISE: one per promise made, due at the promised time (always 24x7); stops when kept.</li>
 * </ul>
 */
public enum ClockKind {
    RESOLUTION, FIRST_RESPONSE, NEXT_UPDATE, PROMISE
}
