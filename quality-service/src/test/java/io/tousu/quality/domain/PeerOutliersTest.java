package io.tousu.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The p-chart with leave-one-out peers that flags agents and teams. */
class PeerOutliersTest {

    private static PeerOutliers.Judgement of(List<PeerOutliers.Judgement> all, String id) {
        return all.stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theRateIsComparedWithThePooledRateOfTheOthersOnly() {
        // peers of "a": 300 tickets, 6 with an error -> p0 = 0.02; a: 100 tickets, 10 errors
        List<PeerOutliers.Judgement> all = PeerOutliers.judge(List.of(new PeerOutliers.Unit("a", 100, 10),
                new PeerOutliers.Unit("b", 100, 2), new PeerOutliers.Unit("c", 100, 2),
                new PeerOutliers.Unit("d", 100, 2)), 20, 3.0);
        PeerOutliers.Judgement a = of(all, "a");
        double se = Math.sqrt(0.02 * 0.98 / 100);
        assertThat(a.rate()).isEqualTo(0.10);
        assertThat(a.peerRate()).isCloseTo(0.02, within(1e-12));
        assertThat(a.standardError()).isCloseTo(se, within(1e-12));
        assertThat(a.z()).isCloseTo((0.10 - 0.02) / se, within(1e-9));
        assertThat(a.upperControlLimit()).isCloseTo(0.02 + 3 * se, within(1e-12));
        assertThat(a.z()).isGreaterThan(5);
        assertThat(a.flagged()).isTrue();
        // b's peers include a: p0 = 14 / 300
        PeerOutliers.Judgement b = of(all, "b");
        assertThat(b.peerRate()).isCloseTo(14 / 300.0, within(1e-12));
        assertThat(b.z()).isNegative();
        assertThat(b.flagged()).isFalse();
    }

    @Test
    void aRateWithinTheControlLimitIsNotFlaggedNorOneTheExactTailFindsLikelyEnough() {
        // p0 = 0.05, n = 100: UCL = 0.05 + 3 * 0.0218 = 0.115
        PeerOutliers.Judgement inside = PeerOutliers.judge(new PeerOutliers.Unit("x", 100, 11), 1000, 50, 20, 3.0);
        assertThat(inside.upperControlLimit()).isCloseTo(0.1154, within(1e-4));
        assertThat(inside.flagged()).isFalse();
        // 12% is above the limit, but P(X >= 12) = 0.004 under binomial(100, 0.05): not rare enough
        PeerOutliers.Judgement above = PeerOutliers.judge(new PeerOutliers.Unit("x", 100, 12), 1000, 50, 20, 3.0);
        assertThat(above.z()).isGreaterThan(3);
        assertThat(above.pValue()).isBetween(0.003, 0.006);
        assertThat(above.flagged()).isFalse();
        PeerOutliers.Judgement outside = PeerOutliers.judge(new PeerOutliers.Unit("x", 100, 14), 1000, 50, 20, 3.0);
        assertThat(outside.pValue()).isLessThan(0.00135);
        assertThat(outside.flagged()).isTrue();
    }

    @Test
    void tooFewTicketsAreNeverEnoughEvidence() {
        PeerOutliers.Judgement few = PeerOutliers.judge(new PeerOutliers.Unit("x", 4, 4), 1000, 10, 20, 3.0);
        assertThat(few.z()).isGreaterThan(3);
        assertThat(few.flagged()).isFalse();
        assertThat(PeerOutliers.judge(new PeerOutliers.Unit("x", 20, 4), 1000, 10, 20, 3.0).flagged()).isTrue();
    }

    @Test
    void peersWithoutEventsCountAsHalfAnEventSoOneSlipIsNoAlarm() {
        PeerOutliers.Judgement one = PeerOutliers.judge(new PeerOutliers.Unit("x", 50, 1), 500, 0, 20, 3.0);
        assertThat(one.peerRate()).isZero();
        assertThat(Double.isFinite(one.z())).isTrue();
        assertThat(one.flagged()).isFalse();
        assertThat(PeerOutliers.judge(new PeerOutliers.Unit("x", 50, 5), 500, 0, 20, 3.0).flagged()).isTrue();
    }

    @Test
    void theExactTailMatchesKnownValues() {
        // binomial(10, 0.5): P(X >= 8) = 56 / 1024
        assertThat(PeerOutliers.upperTail(10, 8, 0.5)).isCloseTo(56 / 1024.0, within(1e-12));
        assertThat(PeerOutliers.upperTail(10, 0, 0.5)).isEqualTo(1);
        assertThat(PeerOutliers.upperTail(10, 11, 0.5)).isZero();
        // large n does not underflow: binomial(20000, 0.05) has mean 1000, P(X >= 1000) about one half
        assertThat(PeerOutliers.upperTail(20_000, 1000, 0.05)).isBetween(0.45, 0.55);
        assertThat(PeerOutliers.normalUpperTail(3.0)).isCloseTo(0.0013499, within(1e-6));
        assertThat(PeerOutliers.normalUpperTail(0)).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void aUnitWithoutPeersOrTicketsIsNotJudged() {
        List<PeerOutliers.Judgement> alone = PeerOutliers.judge(List.of(new PeerOutliers.Unit("x", 100, 90)), 20, 3.0);
        assertThat(alone.get(0).flagged()).isFalse();
        assertThat(alone.get(0).peerRate()).isNaN();
        assertThat(PeerOutliers.judge(new PeerOutliers.Unit("x", 0, 0), 100, 5, 0, 3.0).flagged()).isFalse();
        assertThat(PeerOutliers.judge(List.of(), 20, 3.0)).isEmpty();
    }
}
