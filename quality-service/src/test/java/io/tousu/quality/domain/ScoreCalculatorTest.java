package io.tousu.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoreCalculatorTest {

    static final List<ScorecardItem> ITEMS = List.of(
            new ScorecardItem("IDENTITY", "identity verified", ItemKind.YES_NO, 20, null, true, null),
            new ScorecardItem("SCRIPT", "script followed", ItemKind.POINTS, 30, 3, false, null),
            new ScorecardItem("PROMISE", "promise kept", ItemKind.YES_NO, 50, null, false, AutoCheck.PROMISE_KEPT));

    @Test
    void weightsAreEarnedInFullOrByTheShareOfPoints() {
        ScoreCalculator.Result r = ScoreCalculator.score(ITEMS, Map.of("IDENTITY", Answer.yesNo(true),
                "SCRIPT", Answer.points(2), "PROMISE", Answer.yesNo(true)), Set.of("PROMISE"), 80);
        assertThat(r.rawScore()).isEqualByComparingTo("90.00");
        assertThat(r.score()).isEqualByComparingTo("90.00");
        assertThat(r.maxScore()).isEqualByComparingTo("100");
        assertThat(r.criticalFailed()).isFalse();
        assertThat(r.passed()).isTrue();
        assertThat(r.items()).extracting(ItemScore::earned).containsExactly(new BigDecimal("20.00"),
                new BigDecimal("20.00"), new BigDecimal("50.00"));
        assertThat(r.items()).extracting(ItemScore::automatic).containsExactly(false, false, true);
    }

    @Test
    void sharesAreRoundedHalfUpToCents() {
        List<ScorecardItem> thirds = List.of(
                new ScorecardItem("A", "a", ItemKind.POINTS, 50, 3, false, null),
                new ScorecardItem("B", "b", ItemKind.POINTS, 50, 3, false, null));
        ScoreCalculator.Result r = ScoreCalculator.score(thirds, Map.of("A", Answer.points(1), "B", Answer.points(2)),
                Set.of(), 60);
        assertThat(r.items()).extracting(ItemScore::earned).containsExactly(new BigDecimal("16.67"),
                new BigDecimal("33.33"));
        assertThat(r.score()).isEqualByComparingTo("50.00");
        assertThat(r.passed()).as("below the pass mark").isFalse();
    }

    @Test
    void aFailedCriticalItemFailsTheInspectionWhateverTheRest() {
        ScoreCalculator.Result r = ScoreCalculator.score(ITEMS, Map.of("IDENTITY", Answer.yesNo(false),
                "SCRIPT", Answer.points(3), "PROMISE", Answer.yesNo(true)), Set.of(), 0);
        assertThat(r.rawScore()).isEqualByComparingTo("80.00");
        assertThat(r.score()).isEqualByComparingTo("0");
        assertThat(r.criticalFailed()).isTrue();
        assertThat(r.passed()).isFalse();
    }

    @Test
    void aCriticalPointsItemFailsOnlyAtZero() {
        List<ScorecardItem> items = List.of(new ScorecardItem("A", "a", ItemKind.POINTS, 100, 5, true, null));
        assertThat(ScoreCalculator.score(items, Map.of("A", Answer.points(1)), Set.of(), 0).criticalFailed()).isFalse();
        assertThat(ScoreCalculator.score(items, Map.of("A", Answer.points(0)), Set.of(), 0).criticalFailed()).isTrue();
    }
}
