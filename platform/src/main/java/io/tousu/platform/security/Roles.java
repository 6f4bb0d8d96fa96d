package io.tousu.platform.security;

/** The roles of a Tousu token ({@code groups} claim). */
public final class Roles {

    /** Channel front ends: intake and follow-ups. */
    public static final String CHANNEL = "channel";
    /** Front-office agents (一线). */
    public static final String AGENT = "agent";
    /** Back-office handlers (后台). */
    public static final String BACKOFFICE = "backoffice";
    /** Team leads, managers, the centre director. */
    public static final String SUPERVISOR = "supervisor";
    /** Quality inspectors (质检员). */
    public static final String INSPECTOR = "inspector";
    /** Administrators: policies, scorecards, rules, calendars, taxonomy. */
    public static final String ADMIN = "admin";
    /** The national centre: reads across provinces. */
    public static final String NATIONAL = "national";

    private Roles() {
    }
}
