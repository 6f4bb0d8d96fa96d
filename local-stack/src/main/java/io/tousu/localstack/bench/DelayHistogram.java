package io.tousu.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cumulative buckets of one consumer's {@code tousu_inbox_delay_seconds} histogram, read from a
 * service's Prometheus text: how long events took from their occurrence (the state change committed
 * upstream) to being applied by that consumer. Two snapshots subtract to the events of one phase;
 * quantiles interpolate inside a bucket the way PromQL's histogram_quantile does.
 *
 * @param buckets upper bound in seconds ({@code +Inf} as infinity) to the count of events at most that late
 */
record DelayHistogram(TreeMap<Double, Double> buckets) {

    private static final Pattern BUCKET = Pattern.compile(
            "^tousu_inbox_delay_seconds_bucket\\{([^}]*)}\\s+([0-9.eE+-]+)\\s*$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** The histogram of {@code consumer} in {@code metrics}; empty when the consumer applied nothing yet. */
    static DelayHistogram parse(String metrics, String consumer) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Matcher m = BUCKET.matcher(metrics);
        while (m.find()) {
            String le = null;
            boolean ours = false;
            Matcher label = LABEL.matcher(m.group(1));
            while (label.find()) {
                if (label.group(1).equals("consumer")) {
                    ours = label.group(2).equals(consumer);
                } else if (label.group(1).equals("le")) {
                    le = label.group(2);
                }
            }
            if (ours && le != null) {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return new DelayHistogram(buckets);
    }

    /** Events counted in this histogram. */
    double count() {
        return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    }

    /** What was added since {@code earlier}. */
    DelayHistogram minus(DelayHistogram earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        buckets.forEach((le, n) -> delta.put(le, n - earlier.buckets.getOrDefault(le, 0.0)));
        return new DelayHistogram(delta);
    }

    /**
     * The {@code q} quantile in milliseconds, NaN without events; within a bucket linearly
     * interpolated, and the largest finite bound when it falls into {@code +Inf}.
     */
    double quantileMs(double q) {
        double total = count();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        double below = 0;
        List<Map.Entry<Double, Double>> entries = new ArrayList<>(buckets.entrySet());
        for (Map.Entry<Double, Double> e : entries) {
            if (e.getValue() >= rank) {
                if (e.getKey().isInfinite()) {
                    return lower * 1000;
                }
                double inBucket = e.getValue() - below;
                double fraction = inBucket <= 0 ? 1 : (rank - below) / inBucket;
                return (lower + (e.getKey() - lower) * fraction) * 1000;
            }
            lower = e.getKey().isInfinite() ? lower : e.getKey();
            below = e.getValue();
        }
        return lower * 1000;
    }
}
