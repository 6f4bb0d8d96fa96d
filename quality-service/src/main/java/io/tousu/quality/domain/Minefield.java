package io.tousu.quality.domain;

/** The four minefields (雷区) of the risk-rule library (风险地雷库). */
public enum Minefield {
    /** Operational violations: handling outside the agent's authority or the prescribed operation. */
    OPERATIONAL_VIOLATION,
    /** Information security and privacy: personal data exposed, identity not protected. */
    INFORMATION_SECURITY,
    /** Service red lines, e.g. the three forced practices (三强): forced subscription, bundling, consumption. */
    SERVICE_RED_LINE,
    /** Process errors: hand-offs, promises and deadlines not kept, steps skipped. */
    PROCESS_ERROR
}
