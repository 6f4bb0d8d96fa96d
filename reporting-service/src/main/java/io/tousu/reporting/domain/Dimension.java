package io.tousu.reporting.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What indicators can be grouped and filtered by. */
public enum Dimension {
    PROVINCE, CITY, CHANNEL, CATEGORY,
    /** The team of the complaint's owner (of the agent, for ticket errors and risk hits). */
    TEAM,
    /** The complaint's owner (the agent named on ticket errors, risk hits and inspections). */
    AGENT;

    /** The dimension named in a query parameter, case-insensitively. */
    public static Optional<Dimension> parse(String text) {
        return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(text.strip())).findFirst();
    }

    /** The names a query parameter accepts, for error messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** Whether a scope of this dimension has a manual call volume of its own (teams and agents do not). */
    public boolean hasCallVolume() {
        return this != TEAM && this != AGENT;
    }
}
