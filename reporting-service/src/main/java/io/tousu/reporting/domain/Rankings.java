package io.tousu.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agent and team rankings for coaching and rotation, best first. Members are ordered by
 * <ol>
 * <li>error rate (ticket errors / complaints owned), lowest first; members without ticket volume,
 * whose rate is undefined, come after every member with a rate;</li>
 * <li>substantiated staff complaints, fewest first;</li>
 * <li>substantiated complaints, fewest first;</li>
 * <li>ticket volume, most first (more work at the same quality ranks higher);</li>
 * <li>ticket errors, fewest first.</li>
 * </ol>
 * Members equal on all of these share a rank and the next rank skips (standard competition ranking:
 * 1, 2, 2, 4); within a tie they are listed by id so the order is stable.
 */
public final class Rankings {

    private static final Comparator<BigDecimal> RATE = Comparator.nullsLast(Comparator.naturalOrder());

    /** The ranking keys, without the member id: equal under this comparator means tied. */
    static final Comparator<RankingEntry> ORDER = Comparator.comparing(RankingEntry::errorRate, RATE)
            .thenComparingLong(RankingEntry::staffSubstantiated)
            .thenComparingLong(RankingEntry::substantiated)
            .thenComparing(Comparator.comparingLong(RankingEntry::complaints).reversed())
            .thenComparingLong(RankingEntry::ticketErrors);

    private Rankings() {
    }

    /** The ranking of the members' counts; members whose id is null (not known yet) are left out. */
    public static List<RankingEntry> rank(Map<String, MeasureCounts> byMember) {
        List<RankingEntry> unranked = byMember.entrySet().stream()
                .filter(e -> e.getKey() != null)
                .map(e -> entry(0, e.getKey(), e.getValue()))
                .sorted(ORDER.thenComparing(RankingEntry::member))
                .toList();
        List<RankingEntry> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            RankingEntry e = unranked.get(i);
            int rank = i > 0 && ORDER.compare(unranked.get(i - 1), e) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new RankingEntry(rank, e.member(), e.complaints(), e.resolved(), e.ticketErrors(),
                    e.substantiated(), e.staffSubstantiated(), e.errorRate()));
        }
        return ranked;
    }

    private static RankingEntry entry(int rank, String member, MeasureCounts c) {
        Objects.requireNonNull(c);
        long complaints = c.get(Measure.COMPLAINTS);
        long errors = c.get(Measure.TICKET_ERRORS);
        return new RankingEntry(rank, member, complaints, c.get(Measure.RESOLVED), errors,
                c.get(Measure.SUBSTANTIATED), c.get(Measure.STAFF_SUBSTANTIATED),
                IndicatorMath.percent(errors, complaints));
    }

    /** The best {@code n} (or fewer, so that best and worst never overlap) of a ranking, best first. */
    public static List<RankingEntry> best(List<RankingEntry> ranking, int n) {
        int worst = Math.min(n, ranking.size() / 2);
        return ranking.subList(0, Math.min(n, ranking.size() - worst));
    }

    /** The worst {@code n} (at most half of the ranking, rounded down), worst first. */
    public static List<RankingEntry> worst(List<RankingEntry> ranking, int n) {
        int k = Math.min(n, ranking.size() / 2);
        List<RankingEntry> worst = new ArrayList<>(ranking.subList(ranking.size() - k, ranking.size()));
        java.util.Collections.reverse(worst);
        return worst;
    }
}
