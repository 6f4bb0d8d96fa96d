package io.tousu.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriorityRulesTest {

    private static final LocalDate ORDINARY_DAY = LocalDate.of(2026, 11, 22);
    private final PriorityRules rules = new PriorityRules(Set.of("GOTONE", "gold"), List.of("律师", "3.15", "Media"),
            List.of(MonthDayRange.parse("03-08/03-20")));

    private PriorityRules.Assessment assess(Channel channel, String tier, int repeats, int urges, String text,
            LocalDate day) {
        return rules.assess(new PriorityRules.Inputs(channel, tier, repeats, urges, text, day));
    }

    @Test
    void anOrdinaryComplaintIsNormalWithoutReasons() {
        var a = assess(Channel.HOTLINE, "STANDARD", 0, 0, "charged twice", ORDINARY_DAY);
        assertThat(a.priority()).isEqualTo(Priority.NORMAL);
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void regulatorComplaintsAreUrgentAndSayWhy() {
        var a = assess(Channel.REGULATOR, null, 0, 0, "x", ORDINARY_DAY);
        assertThat(a.priority()).isEqualTo(Priority.URGENT);
        assertThat(a.reasons()).singleElement().asString().contains("REGULATOR");
    }

    @Test
    void sensitiveWordsAndMediaMakeItAtLeastHigh() {
        assertThat(assess(Channel.APP, null, 0, 0, "我要找律师起诉你们", ORDINARY_DAY).priority()).isEqualTo(Priority.HIGH);
        assertThat(assess(Channel.APP, null, 0, 0, "I will go to the MEDIA", ORDINARY_DAY).reasons())
                .containsExactly("sensitive words: Media");
        assertThat(assess(Channel.MEDIA, null, 0, 0, "x", ORDINARY_DAY).priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void eachRaisingRuleAddsALevelUpToUrgent() {
        assertThat(assess(Channel.WEB, "gotone", 0, 0, "x", ORDINARY_DAY).priority()).isEqualTo(Priority.HIGH);
        var premiumRepeat = assess(Channel.WEB, "GOLD", 2, 0, "x", ORDINARY_DAY);
        assertThat(premiumRepeat.priority()).isEqualTo(Priority.URGENT);
        assertThat(premiumRepeat.reasons()).containsExactly("premium customer tier GOLD",
                "repeat complaint: 2 earlier in the window");
        assertThat(assess(Channel.WEB, null, 1, 3, "x", ORDINARY_DAY).priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void urgesRaiseOneLevelThenTwoFromTheThird() {
        assertThat(assess(Channel.WEB, null, 0, 1, "x", ORDINARY_DAY).priority()).isEqualTo(Priority.HIGH);
        assertThat(assess(Channel.WEB, null, 0, 2, "x", ORDINARY_DAY).priority()).isEqualTo(Priority.HIGH);
        assertThat(assess(Channel.WEB, null, 0, 3, "x", ORDINARY_DAY).priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void consumerRightsDayIsASensitivePeriod() {
        var a = assess(Channel.HOTLINE, null, 0, 0, "x", LocalDate.of(2026, 3, 15));
        assertThat(a.priority()).isEqualTo(Priority.HIGH);
        assertThat(a.reasons()).containsExactly("sensitive period 03-08/03-20");
        assertThat(assess(Channel.HOTLINE, null, 0, 0, "x", LocalDate.of(2026, 3, 21)).priority())
                .isEqualTo(Priority.NORMAL);
    }
}
