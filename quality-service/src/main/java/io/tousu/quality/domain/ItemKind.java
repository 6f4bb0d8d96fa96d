package io.tousu.quality.domain;

/** How a scorecard item is scored. */
public enum ItemKind {
    /** Passed or failed: all of the item's weight or nothing. */
    YES_NO,
    /** 0 to the item's {@code maxPoints}: that share of its weight. */
    POINTS
}
