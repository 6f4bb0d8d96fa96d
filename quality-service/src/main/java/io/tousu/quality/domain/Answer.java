package io.tousu.quality.domain;

/**
 * An inspector's (or an automatic check's) answer to one item.
 *
 * @param passed         for YES_NO items
 * @param points         for POINTS items, 0 to the item's maxPoints
 * @param overrideReason why the inspector overrode the automatic value; null when not overridden
 */
public record Answer(Boolean passed, Integer points, String overrideReason) {

    public static Answer yesNo(boolean passed) {
        return new Answer(passed, null, null);
    }

    public static Answer points(int points) {
        return new Answer(null, points, null);
    }
}
