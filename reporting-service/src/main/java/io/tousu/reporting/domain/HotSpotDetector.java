package io.tousu.reporting.domain;

import java.util.List;

/**
 * Decides whether a category or region is a hot spot (服务风险预警): whether the complaints of its
 * latest window are far more than its own history makes likely.
 *
 * <p>Method: a seasonal baseline with a Poisson threshold.
 * <ul>
 * <li>The <b>count</b> is the complaints received in a sliding window (default one hour) ending now.</li>
 * <li>The <b>baseline</b> λ is the mean count of the same window of the day on each of the previous
 *     days (default 7), so the daily rhythm (quiet nights, busy mornings) is part of what is expected.
 *     It is never below {@link #MIN_BASELINE}, so a key with no history is not alarmed by one complaint.</li>
 * <li>Complaints arriving independently at that rate are Poisson(λ): the <b>tail probability</b> of the
 *     count is P(X ≥ count). An episode opens when it is at most the raise probability (default 10⁻⁴)
 *     and the count is at least the minimum count (default 10): a spike, not a few extra complaints.</li>
 * <li>An open episode goes on while the tail probability stays at most the (laxer) end probability
 *     (default 0.05), and ends at the first evaluation above it. The gap between the two levels keeps a
 *     fading burst from opening and closing episodes repeatedly; one episode raises one warning.</li>
 * </ul>
 */
public final class HotSpotDetector {

    /** The smallest baseline used, in complaints per window. */
    public static final double MIN_BASELINE = 0.5;

    private final int minCount;
    private final double raiseProbability;
    private final double endProbability;

    public HotSpotDetector(int minCount, double raiseProbability, double endProbability) {
        if (raiseProbability <= 0 || raiseProbability > endProbability || endProbability >= 1) {
            throw new IllegalArgumentException("need 0 < raise probability <= end probability < 1");
        }
        this.minCount = minCount;
        this.raiseProbability = raiseProbability;
        this.endProbability = endProbability;
    }

    /** What the detector makes of one window. */
    public enum Decision {
        /** Nothing unusual and no episode open. */
        QUIET,
        /** A new episode: raise the warning. */
        RAISE,
        /** The open episode goes on. */
        CONTINUE,
        /** The open episode is over. */
        END
    }

    /**
     * The assessment of one window.
     *
     * @param decision        what to do
     * @param count           complaints in the window
     * @param baseline        complaints expected in the window (λ)
     * @param tailProbability P(X ≥ count) for X ~ Poisson(λ)
     */
    public record Assessment(Decision decision, long count, double baseline, double tailProbability) {

        /** count / baseline. */
        public double ratio() {
            return count / baseline;
        }
    }

    /**
     * Assesses the latest window.
     *
     * @param count       complaints in the window ending now
     * @param history     complaints in the same window on each previous day (may be empty)
     * @param episodeOpen whether an episode of this key is open
     */
    public Assessment assess(long count, List<Long> history, boolean episodeOpen) {
        double baseline = Math.max(MIN_BASELINE, history.stream().mapToLong(Long::longValue).average().orElse(0));
        double tail = upperTail(count, baseline);
        Decision decision;
        if (episodeOpen) {
            decision = tail > endProbability ? Decision.END : Decision.CONTINUE;
        } else {
            decision = count >= minCount && tail <= raiseProbability ? Decision.RAISE : Decision.QUIET;
        }
        return new Assessment(decision, count, baseline, tail);
    }

    /**
     * P(X ≥ k) for X ~ Poisson(λ). Summed in log space from the probability of k away from the mode,
     * where the terms shrink: upwards when k is above λ, else as 1 − P(X ≤ k − 1) downwards.
     */
    static double upperTail(long k, double lambda) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > lambda) {
            double term = pmf(k, lambda);
            double sum = 0;
            for (long i = k; term > 0 && term > sum * 1e-17; i++) {
                sum += term;
                term *= lambda / (i + 1);
            }
            return Math.min(1.0, sum);
        }
        double term = pmf(k - 1, lambda);
        double lower = 0;
        for (long i = k - 1; i >= 0 && term > 0 && term > lower * 1e-17; i--) {
            lower += term;
            term *= i / lambda;
        }
        return Math.max(0.0, 1.0 - lower);
    }

    private static double pmf(long k, double lambda) {
        return Math.exp(k * Math.log(lambda) - lambda - logFactorial(k));
    }

    private static double logFactorial(long n) {
        if (n < 256) {
            double sum = 0;
            for (long i = 2; i <= n; i++) {
                sum += Math.log(i);
            }
            return sum;
        }
        // Stirling's series; the error is far below double precision from 256 on
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
