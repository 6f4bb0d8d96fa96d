package io.tousu.quality.domain;

import static io.tousu.quality.domain.ComplaintHistoryTest.T0;
import static io.tousu.quality.domain.ComplaintHistoryTest.h;
import static io.tousu.quality.domain.ComplaintHistoryTest.m;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AutomaticItemsTest {

    private final AutomaticItems items = new AutomaticItems(h(2), h(24));

    @Test
    void aCleanHandlingPassesEveryCheck() {
        ComplaintHistory h = new Lifecycle("GD", T0).received("HOTLINE", "OTHER", false).started(m(30))
                .promise(m(40), "p1", "a-1", h(4)).kept(h(3), "p1").handedOff(h(4), "a-1", "back")
                .handedBack(h(10), "a-1", "front").resolved(h(11), "a-1", false, "NONE", null)
                .followedUp(h(30), true).history();
        Map<AutoCheck, AutomaticItems.Outcome> o = items.evaluate(h, T0.plus(h(40)));
        assertThat(o.values()).allMatch(AutomaticItems.Outcome::passed);
        assertThat(o.get(AutoCheck.PROMISE_KEPT).applicable()).isTrue();
        assertThat(o.get(AutoCheck.HAND_OFF_ANSWERED_IN_TIME).evidence()).contains("answered within PT24H");
    }

    @Test
    void brokenPromiseLateFirstContactLateHandOffCategoryChangeAndNoFollowUpFail() {
        ComplaintHistory h = new Lifecycle("GD", T0).received("HOTLINE", "BILLING_DISPUTE", false).started(h(3))
                .promise(h(3), "p1", "a-1", h(1)).broken(h(5), "p1", T0.plus(h(4))).handedOff(h(6), "a-1", "back")
                .resolved(h(40), "b-1", false, "NONE", null)
                .categoryChanged(h(41), "BILLING_DISPUTE", "OTHER", "sup-1").history();
        Map<AutoCheck, AutomaticItems.Outcome> o = items.evaluate(h, T0.plus(h(42)));
        assertThat(o.values()).noneMatch(AutomaticItems.Outcome::passed);
        assertThat(o.get(AutoCheck.FIRST_RESPONSE_IN_TIME).evidence()).contains("PT3H");
        assertThat(o.get(AutoCheck.HAND_OFF_ANSWERED_IN_TIME).evidence()).contains("answered after PT34H");
        assertThat(o.get(AutoCheck.CATEGORY_KEPT).evidence()).contains("sup-1");
    }

    @Test
    void aFirstResponseBreachFailsEvenWithoutAKnownFirstContact() {
        ComplaintHistory h = new Lifecycle("GD", T0).received("HOTLINE", "OTHER", false)
                .breached(h(2), "FIRST_RESPONSE").history();
        assertThat(items.evaluate(h, T0.plus(h(3))).get(AutoCheck.FIRST_RESPONSE_IN_TIME).passed()).isFalse();
    }

    @Test
    void anUnansweredHandOffIsLateOnceItsLimitPasses() {
        ComplaintHistory h = new Lifecycle("GD", T0).received("HOTLINE", "OTHER", false)
                .handedOff(h(1), "a-1", "back").history();
        assertThat(items.evaluate(h, T0.plus(h(20))).get(AutoCheck.HAND_OFF_ANSWERED_IN_TIME).passed()).isTrue();
        AutomaticItems.Outcome late = items.evaluate(h, T0.plus(h(26))).get(AutoCheck.HAND_OFF_ANSWERED_IN_TIME);
        assertThat(late.passed()).isFalse();
        assertThat(late.evidence()).contains("unanswered for PT25H");
    }

    @Test
    void checksThatDoNotApplyPass() {
        ComplaintHistory h = new Lifecycle("GD", T0).received("HOTLINE", "OTHER", false).started(m(10)).history();
        Map<AutoCheck, AutomaticItems.Outcome> o = items.evaluate(h, T0.plus(h(1)));
        assertThat(o.get(AutoCheck.PROMISE_KEPT)).isEqualTo(new AutomaticItems.Outcome(true, false, "no promise made"));
        assertThat(o.get(AutoCheck.HAND_OFF_ANSWERED_IN_TIME).applicable()).isFalse();
    }
}
