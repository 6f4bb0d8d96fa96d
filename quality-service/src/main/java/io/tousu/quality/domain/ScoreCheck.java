package io.tousu.quality.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an inspector's answers into a complete answer per item: every item the inspector judges
 * must be answered once, with the value its kind takes; an automatic item left out takes the value
 * computed from the history, and one answered differently needs an override reason.
 */
public final class ScoreCheck {

    /** One answer as the inspector sent it, with its position in the request. */
    public record Given(String code, Boolean passed, Integer points, String overrideReason) {
    }

    /** Complete answers and the codes that were filled in automatically (not overridden). */
    public record Completed(Map<String, Answer> answers, Set<String> automatic) {
    }

    private ScoreCheck() {
    }

    /**
     * @param items     the scorecard's items
     * @param given     the inspector's answers, in request order
     * @param computed  automatic outcomes from the history
     * @return the completed answers; throws a 400 naming every wrong field
     */
    public static Completed complete(List<ScorecardItem> items, List<Given> given,
            Map<AutoCheck, AutomaticItems.Outcome> computed) {
        List<Inconsistency> problems = new ArrayList<>();
        Map<String, Answer> answers = new HashMap<>();
        Map<String, ScorecardItem> byCode = new HashMap<>();
        Set<String> seen = new HashSet<>();
        items.forEach(i -> byCode.put(i.code(), i));
        for (int n = 0; n < given.size(); n++) {
            Given g = given.get(n);
            String at = "items[" + n + "]";
            ScorecardItem item = byCode.get(g.code());
            if (item == null) {
                problems.add(new Inconsistency(at + ".code", "'" + g.code() + "' is not an item of the scorecard"));
                continue;
            }
            if (!seen.add(g.code())) {
                problems.add(new Inconsistency(at + ".code", "'" + g.code() + "' is answered twice"));
                continue;
            }
            if (item.kind() == ItemKind.YES_NO && (g.passed() == null || g.points() != null)) {
                problems.add(new Inconsistency(at + ".passed", "a YES_NO item takes passed (true or false), no points"));
                continue;
            }
            if (item.kind() == ItemKind.POINTS && (g.points() == null || g.passed() != null
                    || g.points() < 0 || g.points() > item.maxPoints())) {
                problems.add(new Inconsistency(at + ".points", "a POINTS item takes points from 0 to "
                        + item.maxPoints()));
                continue;
            }
            if (item.automatic() != null) {
                boolean auto = computed.get(item.automatic()).passed();
                boolean overrides = !Objects.equals(g.passed(), auto);
                if (overrides && (g.overrideReason() == null || g.overrideReason().isBlank())) {
                    problems.add(new Inconsistency(at + ".overrideReason", "the history says " + auto
                            + " (" + computed.get(item.automatic()).evidence() + "); give a reason to override it"));
                    continue;
                }
                answers.put(g.code(), new Answer(g.passed(), null, overrides ? g.overrideReason() : null));
                continue;
            }
            answers.put(g.code(), new Answer(g.passed(), g.points(), null));
        }
        Set<String> automatic = new HashSet<>();
        for (ScorecardItem item : items) {
            if (answers.containsKey(item.code())) {
                continue;
            }
            if (item.automatic() != null) {
                answers.put(item.code(), Answer.yesNo(computed.get(item.automatic()).passed()));
                automatic.add(item.code());
            } else if (!seen.contains(item.code())) {
                problems.add(new Inconsistency("items", "item " + item.code() + " is not answered"));
            }
        }
        answers.forEach((code, a) -> {
            if (byCode.get(code).automatic() != null && a.overrideReason() == null) {
                automatic.add(code);
            }
        });
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        return new Completed(Map.copyOf(answers), Set.copyOf(automatic));
    }
}
