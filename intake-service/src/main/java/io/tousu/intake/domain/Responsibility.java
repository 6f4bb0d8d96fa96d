package io.tousu.intake.domain;

/** Where responsibility for a substantiated complaint lies. */
public enum Responsibility {
    /** A member of staff (人员): needs the staff id. */
    STAFF,
    /** A process (流程). */
    PROCESS,
    /** A system (系统). */
    SYSTEM,
    /** A partner or SP (第三方). */
    PARTNER,
    /** The network. */
    NETWORK,
    /** Nobody: the complaint was not substantiated, or no fault was found. */
    NONE
}
