package io.tousu.localstack.bench;

import java.util.OptionalDouble;

/**
 * The relay's backlog as intake reports it in {@code /q/metrics}.
 *
 * @param lagSeconds age of the oldest event not yet published ({@code tousu_outbox_lag_seconds}); 0 when none waits
 * @param pending events not yet published ({@code tousu_outbox_pending})
 */
record OutboxState(double lagSeconds, long pending) {

    static final String LAG = "tousu_outbox_lag_seconds";
    static final String PENDING = "tousu_outbox_pending";

    /**
     * Reads both gauges from Prometheus text.
     *
     * @throws IllegalArgumentException when either is missing
     */
    static OutboxState parse(String prometheusText) {
        return new OutboxState(gauge(prometheusText, LAG), Math.round(gauge(prometheusText, PENDING)));
    }

    /** The value of the unlabelled or first labelled sample of {@code name}. */
    private static double gauge(String text, String name) {
        return text.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(OutboxState::sampleValue)
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("intake's metrics have no " + name));
    }

    /** The value of {@code name{labels} value [timestamp]}. */
    private static OptionalDouble sampleValue(String line) {
        int labelsEnd = line.lastIndexOf('}');
        String[] rest = line.substring(labelsEnd < 0 ? line.indexOf(' ') : labelsEnd + 1).trim().split("\\s+");
        try {
            return OptionalDouble.of(Double.parseDouble(rest[0]));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
