package io.tousu.reporting.domain;

/** What a hot spot is about (the dimension of {@code HotSpotDetected}). */
public enum HotSpotDimension {
    /** A complaint category, e.g. DATA_USAGE_DISPUTE. */
    CATEGORY,
    /** A city of the province. */
    REGION
}
