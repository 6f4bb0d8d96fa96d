package io.tousu.localstack.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A weighted choice among values: each is drawn with its weight's share of the total. */
final class Weighted<T> {

    private final List<T> values = new ArrayList<>();
    private final double[] cumulative;
    private final double total;

    Weighted(Map<T, Double> weights) {
        cumulative = new double[weights.size()];
        double sum = 0;
        int i = 0;
        for (Map.Entry<T, Double> entry : weights.entrySet()) {
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException("negative weight for " + entry.getKey());
            }
            sum += entry.getValue();
            values.add(entry.getKey());
            cumulative[i++] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("no value has a weight");
        }
        total = sum;
    }

    /** Values and weights given alternately: {@code of("A", 3, "B", 1)}. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... valuesAndWeights) {
        Map<T, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            weights.put((T) valuesAndWeights[i], ((Number) valuesAndWeights[i + 1]).doubleValue());
        }
        return new Weighted<>(weights);
    }

    T draw(Random random) {
        double x = random.nextDouble() * total;
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    /** The share of draws {@code value} gets. */
    double share(T value) {
        int i = values.indexOf(value);
        if (i < 0) {
            return 0;
        }
        return (cumulative[i] - (i == 0 ? 0 : cumulative[i - 1])) / total;
    }
}
