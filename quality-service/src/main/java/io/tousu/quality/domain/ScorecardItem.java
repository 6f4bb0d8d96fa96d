package io.tousu.quality.domain;

/**
 * One checklist item of a scorecard.
 *
 * @param code      stable code, unique in the scorecard, e.g. {@code IDENTITY_VERIFIED}
 * @param label     what the inspector checks
 * @param kind      YES_NO or POINTS
 * @param weight    points of the 100 this item is worth
 * @param maxPoints the top of the scale of a POINTS item; null for YES_NO
 * @param critical  a failed critical item fails the whole inspection (一票否决): its score is 0
 * @param automatic the history check that pre-fills the item, or null when the inspector judges it
 */
public record ScorecardItem(String code, String label, ItemKind kind, int weight, Integer maxPoints, boolean critical,
        AutoCheck automatic) {
}
