package io.tousu.escalation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scores how likely an open complaint is to go over the operator's head to the regulator (越级申诉).
 * Each signal adds points, capped per signal, the total capped at 100. Reopened complaints weigh
 * heavily: in one province 80% of regulator appeals had already been handled locally, unsatisfactorily.
 * <pre>
 * REPEAT            repeat complaint                      25
 * REOPENED          reopened after resolution             25
 * SENSITIVE_WORDS   media, lawyer, regulator, 3.15 ...    25
 * BROKEN_PROMISE    per promise broken                    20, at most 40
 * URGED             per urge                              10, at most 30
 * SLA_BREACHED      per deadline missed                   10, at most 30
 * PUBLIC_EXPOSURE   came in through the media             15
 * PREMIUM_TIER      premium customer                      10
 * RISKY_CATEGORY    a category that often reaches the regulator  10
 * </pre>
 */
public final class RegulatorRisk {

    /** A score and the codes of the signals that made it up, in the order of the table above. */
    public record Assessment(int score, List<String> reasons) {
    }

    private RegulatorRisk() {
    }

    public static Assessment assess(TrackedComplaint c, Set<String> riskyCategories) {
        List<String> reasons = new ArrayList<>();
        int score = 0;
        score += signal(reasons, "REPEAT", c.repeat ? 25 : 0);
        score += signal(reasons, "REOPENED", c.reopenCount > 0 ? 25 : 0);
        score += signal(reasons, "SENSITIVE_WORDS", c.sensitiveWords ? 25 : 0);
        score += signal(reasons, "BROKEN_PROMISE", Math.min(40, 20 * c.brokenPromises));
        score += signal(reasons, "URGED", Math.min(30, 10 * c.urgeCount));
        score += signal(reasons, "SLA_BREACHED", Math.min(30, 10 * c.breachCount));
        score += signal(reasons, "PUBLIC_EXPOSURE", "MEDIA".equals(c.channel) ? 15 : 0);
        score += signal(reasons, "PREMIUM_TIER", c.premiumCustomer ? 10 : 0);
        score += signal(reasons, "RISKY_CATEGORY", riskyCategories.contains(c.category) ? 10 : 0);
        return new Assessment(Math.min(100, score), List.copyOf(reasons));
    }

    private static int signal(List<String> reasons, String code, int points) {
        if (points > 0) {
            reasons.add(code);
        }
        return points;
    }
}
