package io.tousu.intake.domain;

/** URIs naming the kinds of problem intake answers with (RFC 9457 {@code type}). */
public final class ProblemTypes {

    public static final String ILLEGAL_TRANSITION = "https://tousu.io/problems/illegal-transition";
    public static final String STALE_VERSION = "https://tousu.io/problems/stale-version";
    public static final String ALREADY_WITH_BACK_OFFICE = "https://tousu.io/problems/already-with-back-office";
    public static final String PROMISE_SETTLED = "https://tousu.io/problems/promise-settled";
    public static final String INSUFFICIENT_AUTHORITY = "https://tousu.io/problems/insufficient-authority";
    public static final String NOT_YOURS = "https://tousu.io/problems/not-your-complaint";
    public static final String TOO_MANY_ATTEMPTS = "https://tousu.io/problems/too-many-attempts";

    private ProblemTypes() {
    }
}
