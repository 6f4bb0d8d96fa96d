package io.tousu.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardRulesTest {

    @Test
    void aValidScorecardHasNoProblems() {
        assertThat(ScorecardRules.check(ScoreCalculatorTest.ITEMS, 80)).isEmpty();
    }

    @Test
    void weightsMustSumToAHundred() {
        List<ScorecardItem> items = List.of(new ScorecardItem("A", "a", ItemKind.YES_NO, 60, null, false, null),
                new ScorecardItem("B", "b", ItemKind.YES_NO, 30, null, false, null));
        assertThat(ScorecardRules.check(items, 80)).containsExactly(
                new Inconsistency("items", "weights must sum to 100, not 90"));
    }

    @Test
    void eachItemIsCheckedByItsKind() {
        List<ScorecardItem> items = List.of(new ScorecardItem("A", "a", ItemKind.POINTS, 50, null, false, null),
                new ScorecardItem("A", "b", ItemKind.YES_NO, 50, 5, false, null),
                new ScorecardItem("C", "c", ItemKind.POINTS, 0, 5, false, AutoCheck.FOLLOW_UP_DONE));
        assertThat(ScorecardRules.check(items, 120)).extracting(Inconsistency::field).containsExactly(
                "items[0].maxPoints", "items[1].code", "items[1].maxPoints", "items[2].weight", "items[2].automatic",
                "passMark");
    }

    @Test
    void anEmptyScorecardIsRefused() {
        assertThat(ScorecardRules.check(List.of(), 80)).extracting(Inconsistency::reason)
                .containsExactly("must have at least one item");
    }
}
