package io.tousu.quality.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which agents or teams have an abnormally high rate of tickets with an error (or with a risk hit)
 * compared with their peers in the same month: a p-chart (binomial control chart) with
 * leave-one-out peers.
 *
 * <p>For a unit (agent or team) with {@code n} finished tickets of which {@code x} had the event, its
 * peers are all the other units together: their pooled rate is {@code p0 = (X - x) / (N - n)} where
 * {@code X} and {@code N} are the totals over every unit. Leaving the unit out keeps one very bad
 * agent from raising the very baseline it is measured against. If the unit's tickets behaved like
 * its peers', {@code x} would be binomial(n, p0), so its rate {@code x / n} has standard error
 * {@code se = sqrt(p0 (1 - p0) / n)} and {@code z = (x / n - p0) / se}. The unit is flagged when
 * {@code z >= zThreshold} (by default 3: the rate lies above the chart's upper control limit
 * {@code UCL = p0 + 3 se}, which a unit like its peers exceeds about once in 740 by chance), and only
 * when {@code n >= minVolume}: with a handful of tickets one error is a large rate yet no evidence.
 * Because the normal approximation behind {@code z} is poor when few events are expected (one slip
 * among peers with almost none gives a large z), the exact binomial tail {@code P(X >= x | n, p0)}
 * must also be at most the normal tail of the threshold ({@code 1 - Phi(zThreshold)}, 0.00135 for 3).
 * When the peers had no event at all ({@code p0 = 0}) their rate is taken as half an event over their
 * tickets ({@code 0.5 / (N - n)}), so that the variance is not zero and a single event is not an
 * infinite z. A unit with no peers (the only one) is never flagged.
 */
public final class PeerOutliers {

    /** The default of {@code tousu.quality.flags.z-threshold}. */
    public static final double DEFAULT_Z = 3.0;

    /** One unit's month: {@code tickets} finished, {@code events} of them with an error (or a hit). */
    public record Unit(String id, long tickets, long events) {
    }

    /** The judgement of one unit. */
    public record Judgement(String id, long tickets, long events, double rate, double peerRate, double standardError,
            double upperControlLimit, double z, double pValue, boolean flagged) {
    }

    private PeerOutliers() {
    }

    /** Every unit judged against its peers, in the order given. */
    public static List<Judgement> judge(List<Unit> units, int minVolume, double zThreshold) {
        long totalTickets = 0;
        long totalEvents = 0;
        for (Unit u : units) {
            totalTickets += u.tickets();
            totalEvents += u.events();
        }
        List<Judgement> out = new ArrayList<>(units.size());
        for (Unit u : units) {
            out.add(judge(u, totalTickets - u.tickets(), totalEvents - u.events(), minVolume, zThreshold));
        }
        return out;
    }

    /** One unit against peers with {@code peerTickets} tickets of which {@code peerEvents} had the event. */
    public static Judgement judge(Unit u, long peerTickets, long peerEvents, int minVolume, double zThreshold) {
        double rate = u.tickets() == 0 ? 0 : (double) u.events() / u.tickets();
        if (peerTickets <= 0 || u.tickets() == 0) {
            return new Judgement(u.id(), u.tickets(), u.events(), rate, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, false);
        }
        double p0 = (double) peerEvents / peerTickets;
        double baseline = peerEvents == 0 ? 0.5 / peerTickets : Math.min(p0, 1 - 0.5 / peerTickets);
        double se = Math.sqrt(baseline * (1 - baseline) / u.tickets());
        double z = (rate - baseline) / se;
        double ucl = baseline + zThreshold * se;
        double p = upperTail(u.tickets(), u.events(), baseline);
        boolean flagged = u.tickets() >= minVolume && z >= zThreshold && p <= normalUpperTail(zThreshold);
        return new Judgement(u.id(), u.tickets(), u.events(), rate, p0, se, ucl, z, p, flagged);
    }

    /** P(X >= x) for X ~ binomial(n, p), summed in log space so that large n does not underflow. */
    static double upperTail(long n, long x, double p) {
        if (x <= 0) {
            return 1;
        }
        if (x > n) {
            return 0;
        }
        double logOdds = Math.log(p) - Math.log1p(-p);
        double logPmf = n * Math.log1p(-p); // k = 0
        for (long k = 0; k < x; k++) {
            logPmf += Math.log((double) (n - k) / (k + 1)) + logOdds;
        }
        double above = 0;
        for (long k = x; k <= n; k++) {
            double term = Math.exp(logPmf);
            above += term;
            if (k > n * p && term < above * 1e-17) {
                break; // the remaining terms shrink geometrically
            }
            logPmf += Math.log((double) (n - k) / (k + 1)) + logOdds;
        }
        return Math.min(1, above);
    }

    /** 1 - Phi(z) for the standard normal (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double normalUpperTail(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-x * x);
        return z >= 0 ? erfc / 2 : 1 - erfc / 2;
    }
}
