package io.tousu.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tousu.platform.rest.FieldViolation;
import io.tousu.platform.rest.ProblemException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreCheckTest {

    private static final Map<AutoCheck, AutomaticItems.Outcome> PROMISE_BROKEN = new EnumMap<>(Map.of(
            AutoCheck.PROMISE_KEPT, new AutomaticItems.Outcome(false, true, "1 of 1 promise(s) broken")));

    @Test
    void automaticItemsLeftOutTakeTheHistoryValue() {
        ScoreCheck.Completed c = ScoreCheck.complete(ScoreCalculatorTest.ITEMS, List.of(
                new ScoreCheck.Given("IDENTITY", true, null, null), new ScoreCheck.Given("SCRIPT", null, 3, null)),
                PROMISE_BROKEN);
        assertThat(c.answers().get("PROMISE")).isEqualTo(Answer.yesNo(false));
        assertThat(c.automatic()).containsExactly("PROMISE");
    }

    @Test
    void overridingTheHistoryNeedsAReasonAndIsRecorded() {
        List<ScoreCheck.Given> without = List.of(new ScoreCheck.Given("IDENTITY", true, null, null),
                new ScoreCheck.Given("SCRIPT", null, 3, null), new ScoreCheck.Given("PROMISE", true, null, null));
        assertThatThrownBy(() -> ScoreCheck.complete(ScoreCalculatorTest.ITEMS, without, PROMISE_BROKEN))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(violations(e))
                        .extracting(FieldViolation::field).containsExactly("items[2].overrideReason"));
        ScoreCheck.Completed c = ScoreCheck.complete(ScoreCalculatorTest.ITEMS, List.of(without.get(0), without.get(1),
                new ScoreCheck.Given("PROMISE", true, null, "customer moved the call-back")), PROMISE_BROKEN);
        assertThat(c.answers().get("PROMISE").overrideReason()).isEqualTo("customer moved the call-back");
        assertThat(c.automatic()).isEmpty();
    }

    @Test
    void unknownMissingDoubledAndWrongKindAnswersAreNamed() {
        List<ScoreCheck.Given> given = List.of(new ScoreCheck.Given("NOPE", true, null, null),
                new ScoreCheck.Given("SCRIPT", null, 4, null), new ScoreCheck.Given("SCRIPT", null, 1, null),
                new ScoreCheck.Given("PROMISE", null, 1, null));
        assertThatThrownBy(() -> ScoreCheck.complete(ScoreCalculatorTest.ITEMS, given, PROMISE_BROKEN))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(violations(e))
                        .extracting(FieldViolation::field).containsExactly("items[0].code", "items[1].points",
                                "items[2].code", "items[3].passed", "items"));
    }

    private static List<FieldViolation> violations(ProblemException e) {
        return e.toProblem("/x").violations();
    }
}
