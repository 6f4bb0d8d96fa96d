package io.tousu.intake.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Computes a complaint's priority and explains it: each rule that raised it adds a reason.
 *
 * <ul>
 * <li>REGULATOR channel (越级/工信部申诉): URGENT.</li>
 * <li>MEDIA channel or a sensitive word in the description: at least HIGH.</li>
 * <li>Premium tier, a repeat complaint, a sensitive period, urges: one level each (urged three times
 * or more: two levels).</li>
 * </ul>
 * Levels run LOW &lt; NORMAL &lt; HIGH &lt; URGENT; a new complaint starts at NORMAL.
 *
 * @param premiumTiers     tiers or brands that count as premium (compared ignoring case)
 * @param sensitiveWords   words meaning public or regulatory exposure (compared ignoring case)
 * @param sensitivePeriods days of the year with heightened attention, e.g. around 15 March
 */
public record PriorityRules(Set<String> premiumTiers, List<String> sensitiveWords, List<MonthDayRange> sensitivePeriods) {

    /** What the rules look at. */
    public record Inputs(Channel channel, String tier, int repeatCount, int urgeCount, String description,
            LocalDate localDate) {
    }

    /** The outcome: the priority and the reasons, in the order the rules fired. */
    public record Assessment(Priority priority, List<String> reasons) {
    }

    public PriorityRules {
        premiumTiers = Set.copyOf(premiumTiers.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList());
        sensitiveWords = List.copyOf(sensitiveWords);
        sensitivePeriods = List.copyOf(sensitivePeriods);
    }

    public Assessment assess(Inputs in) {
        List<String> reasons = new ArrayList<>();
        int level = Priority.NORMAL.ordinal();
        int floor = Priority.NORMAL.ordinal();
        if (in.channel() == Channel.REGULATOR) {
            floor = Priority.URGENT.ordinal();
            reasons.add("channel REGULATOR: forwarded by the regulator");
        } else if (in.channel() == Channel.MEDIA) {
            floor = Priority.HIGH.ordinal();
            reasons.add("channel MEDIA: public exposure");
        }
        List<String> words = sensitiveWordsIn(in.description());
        if (!words.isEmpty()) {
            floor = Math.max(floor, Priority.HIGH.ordinal());
            reasons.add("sensitive words: " + String.join(", ", words));
        }
        if (in.tier() != null && premiumTiers.contains(in.tier().toUpperCase(Locale.ROOT))) {
            level++;
            reasons.add("premium customer tier " + in.tier());
        }
        if (in.repeatCount() > 0) {
            level++;
            reasons.add("repeat complaint: " + in.repeatCount() + " earlier in the window");
        }
        if (in.urgeCount() > 0) {
            level += in.urgeCount() >= 3 ? 2 : 1;
            reasons.add("urged " + in.urgeCount() + (in.urgeCount() == 1 ? " time" : " times"));
        }
        for (MonthDayRange period : sensitivePeriods) {
            if (period.contains(in.localDate())) {
                level++;
                reasons.add("sensitive period " + period);
                break;
            }
        }
        int result = Math.min(Priority.URGENT.ordinal(), Math.max(level, floor));
        return new Assessment(Priority.values()[result], List.copyOf(reasons));
    }

    private List<String> sensitiveWordsIn(String description) {
        if (description == null) {
            return List.of();
        }
        String text = description.toLowerCase(Locale.ROOT);
        return sensitiveWords.stream().filter(w -> !w.isBlank() && text.contains(w.toLowerCase(Locale.ROOT))).toList();
    }
}
