package io.tousu.quality.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What makes a scorecard valid: unique item codes, a scale for POINTS items, weights summing to 100. */
public final class ScorecardRules {

    /** The points a scorecard totals to. */
    public static final int TOTAL_WEIGHT = 100;

    private ScorecardRules() {
    }

    /** Every reason the items and pass mark cannot make a scorecard; empty when they can. */
    public static List<Inconsistency> check(List<ScorecardItem> items, int passMark) {
        List<Inconsistency> problems = new ArrayList<>();
        if (items.isEmpty()) {
            problems.add(new Inconsistency("items", "must have at least one item"));
            return problems;
        }
        Set<String> codes = new HashSet<>();
        int total = 0;
        for (int i = 0; i < items.size(); i++) {
            ScorecardItem item = items.get(i);
            String at = "items[" + i + "]";
            if (!codes.add(item.code())) {
                problems.add(new Inconsistency(at + ".code", "'" + item.code() + "' is used by an earlier item"));
            }
            if (item.weight() < 1 || item.weight() > TOTAL_WEIGHT) {
                problems.add(new Inconsistency(at + ".weight", "must be 1 to " + TOTAL_WEIGHT));
            }
            total += item.weight();
            if (item.kind() == ItemKind.POINTS && (item.maxPoints() == null || item.maxPoints() < 1
                    || item.maxPoints() > 100)) {
                problems.add(new Inconsistency(at + ".maxPoints", "a POINTS item needs maxPoints from 1 to 100"));
            }
            if (item.kind() == ItemKind.YES_NO && item.maxPoints() != null) {
                problems.add(new Inconsistency(at + ".maxPoints", "a YES_NO item has no maxPoints"));
            }
            if (item.automatic() != null && item.kind() != ItemKind.YES_NO) {
                problems.add(new Inconsistency(at + ".automatic", "automatic items are YES_NO items"));
            }
        }
        if (problems.isEmpty() && total != TOTAL_WEIGHT) {
            problems.add(new Inconsistency("items", "weights must sum to " + TOTAL_WEIGHT + ", not " + total));
        }
        if (passMark < 0 || passMark > TOTAL_WEIGHT) {
            problems.add(new Inconsistency("passMark", "must be 0 to " + TOTAL_WEIGHT));
        }
        return problems;
    }
}
