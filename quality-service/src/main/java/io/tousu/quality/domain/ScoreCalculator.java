package io.tousu.quality.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scoring arithmetic. A YES_NO item earns its weight when passed; a POINTS item earns
 * {@code weight * points / maxPoints} (two decimals, half up). The raw score is the sum, out of 100.
 * A failed critical item (a YES_NO "no" or 0 points) fails the inspection: its score becomes 0
 * whatever the raw score (一票否决). An inspection passes when nothing critical failed and the score
 * reaches the scorecard's pass mark.
 */
public final class ScoreCalculator {

    /** The outcome of scoring a whole scorecard. */
    public record Result(BigDecimal rawScore, BigDecimal score, BigDecimal maxScore, boolean criticalFailed,
            boolean passed, List<ItemScore> items) {
    }

    private ScoreCalculator() {
    }

    /**
     * @param items     the scorecard's items
     * @param answers   an answer per item code (complete and of the right kind: see the score request checks)
     * @param automatic which item codes were answered from the history without an override
     * @param passMark  score needed to pass
     */
    public static Result score(List<ScorecardItem> items, Map<String, Answer> answers, Set<String> automatic,
            int passMark) {
        BigDecimal raw = BigDecimal.ZERO.setScale(2);
        boolean criticalFailed = false;
        List<ItemScore> scored = new ArrayList<>();
        for (ScorecardItem item : items) {
            Answer a = answers.get(item.code());
            boolean passed;
            BigDecimal earned;
            if (item.kind() == ItemKind.YES_NO) {
                passed = Boolean.TRUE.equals(a.passed());
                earned = passed ? BigDecimal.valueOf(item.weight()).setScale(2) : BigDecimal.ZERO.setScale(2);
            } else {
                passed = a.points() > 0;
                earned = BigDecimal.valueOf((long) item.weight() * a.points())
                        .divide(BigDecimal.valueOf(item.maxPoints()), 2, RoundingMode.HALF_UP);
            }
            criticalFailed |= item.critical() && !passed;
            raw = raw.add(earned);
            scored.add(new ItemScore(item.code(), passed, item.kind() == ItemKind.POINTS ? a.points() : null, earned,
                    automatic.contains(item.code()), a.overrideReason()));
        }
        BigDecimal score = criticalFailed ? BigDecimal.ZERO.setScale(2) : raw;
        boolean passed = !criticalFailed && score.compareTo(BigDecimal.valueOf(passMark)) >= 0;
        return new Result(raw, score, BigDecimal.valueOf(ScorecardRules.TOTAL_WEIGHT).setScale(2), criticalFailed,
                passed, List.copyOf(scored));
    }
}
