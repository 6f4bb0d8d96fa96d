package io.tousu.escalation.domain;

/**
 * The escalation ladder (逐级升级), in order. A complaint starts at level 0 (its owner alone); each
 * escalation moves it one rung up. The number is the one carried by {@code ComplaintEscalated}.
 */
public enum EscalationLevel {
    TEAM_LEAD, MANAGER, CENTRE_DIRECTOR, PROVINCE;

    /** 1 for TEAM_LEAD up to 4 for PROVINCE. */
    public int number() {
        return ordinal() + 1;
    }
}
