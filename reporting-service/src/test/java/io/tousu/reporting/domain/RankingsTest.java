package io.tousu.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingsTest {

    private static MeasureCounts counts(long complaints, long errors, long substantiated, long staff) {
        return MeasureCounts.of(Map.of(Measure.COMPLAINTS, complaints, Measure.RESOLVED, complaints,
                Measure.TICKET_ERRORS, errors, Measure.SUBSTANTIATED, substantiated,
                Measure.STAFF_SUBSTANTIATED, staff));
    }

    private static List<String> ranks(List<RankingEntry> ranking) {
        return ranking.stream().map(e -> e.rank() + ":" + e.member()).toList();
    }

    @Test
    void lowestErrorRateRanksFirstWithTheFiguresBehindIt() {
        List<RankingEntry> ranking = Rankings.rank(Map.of(
                "a", counts(10, 1, 2, 1),   // 10.00%
                "b", counts(8, 0, 0, 0),    // 0.00%
                "c", counts(3, 1, 0, 0)));  // 33.33%
        assertThat(ranks(ranking)).containsExactly("1:b", "2:a", "3:c");
        assertThat(ranking.get(1)).isEqualTo(new RankingEntry(2, "a", 10, 10, 1, 2, 1, new BigDecimal("10.00")));
        assertThat(ranking.get(2).errorRate()).isEqualByComparingTo("33.33");
    }

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        List<RankingEntry> ranking = Rankings.rank(Map.of(
                "d", counts(10, 1, 0, 0),
                "b", counts(10, 1, 0, 0),
                "a", counts(5, 0, 0, 0),
                "c", counts(20, 2, 0, 0),   // 10% like b and d, but more volume ranks higher
                "e", counts(10, 2, 0, 0))); // 20%
        assertThat(ranks(ranking)).containsExactly("1:a", "2:c", "3:b", "3:d", "5:e");
    }

    @Test
    void atEqualErrorRateStaffComplaintsThenSubstantiatedDecide() {
        List<RankingEntry> ranking = Rankings.rank(Map.of(
                "x", counts(10, 0, 3, 1),
                "y", counts(10, 0, 1, 1),
                "z", counts(10, 0, 5, 0)));
        assertThat(ranks(ranking)).containsExactly("1:z", "2:y", "3:x");
    }

    @Test
    void zeroVolumeHasNoRateAndRanksLast() {
        Map<String, MeasureCounts> members = new HashMap<>();
        members.put("idle", counts(0, 0, 0, 0));
        members.put("errorsOnOldTickets", counts(0, 2, 0, 0));
        members.put("busy", counts(4, 1, 0, 0)); // 25%: bad, but a rate
        members.put(null, counts(7, 0, 0, 0));   // owner not known yet: not ranked
        List<RankingEntry> ranking = Rankings.rank(members);
        assertThat(ranks(ranking)).containsExactly("1:busy", "2:idle", "3:errorsOnOldTickets");
        assertThat(ranking.get(1).errorRate()).isNull();
        assertThat(Rankings.rank(Map.of())).isEmpty();
    }

    @Test
    void bestAndWorstNeverOverlap() {
        List<RankingEntry> ranking = Rankings.rank(Map.of("a", counts(10, 0, 0, 0), "b", counts(10, 1, 0, 0),
                "c", counts(10, 2, 0, 0), "d", counts(10, 3, 0, 0), "e", counts(10, 4, 0, 0)));
        assertThat(Rankings.best(ranking, 3)).extracting(RankingEntry::member).containsExactly("a", "b", "c");
        assertThat(Rankings.worst(ranking, 3)).extracting(RankingEntry::member).containsExactly("e", "d");
        List<RankingEntry> one = ranking.subList(0, 1);
        assertThat(Rankings.best(one, 3)).extracting(RankingEntry::member).containsExactly("a");
        assertThat(Rankings.worst(one, 3)).isEmpty();
    }
}
