package io.tousu.reporting.rest;

import io.tousu.platform.rest.ProblemException;
import io.tousu.reporting.domain.Dimension;
import io.tousu.reporting.domain.Granularity;
import io.tousu.reporting.domain.Measure;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the query parameters of the indicator API; a wrong one is a 400 problem naming it. */
final class QueryParams {

    /** Province codes: two capital letters, as intake takes them in. */
    static final String PROVINCE_PATTERN = "[A-Z]{2}";
    static final String PROVINCE_MESSAGE = "must be a two-letter province code such as GD";
    static final int MAX_FILTER_LENGTH = 64;

    private QueryParams() {
    }

    static String province(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField("province", "is required; " + PROVINCE_MESSAGE);
        }
        return value;
    }

    static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(name, "is required, as YYYY-MM, e.g. 2026-09");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a month as YYYY-MM, e.g. 2026-09");
        }
    }

    static Dimension dimension(String name, String value) {
        return value == null || value.isBlank() ? Dimension.PROVINCE : Dimension.parse(value).orElseThrow(() ->
                ProblemException.invalidField(name, "must be one of " + Dimension.allowed()));
    }

    static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.MONTH;
        }
        return Arrays.stream(Granularity.values()).filter(g -> g.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("granularity", "must be day or month"));
    }

    static LocalDate period(String name, String value, Granularity granularity) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(name, "is required, as " + granularity.format());
        }
        return granularity.parse(value.strip()).orElseThrow(() -> ProblemException.invalidField(name,
                "must be a " + granularity.name().toLowerCase(Locale.ROOT) + " as " + granularity.format()));
    }

    static Measure measure(String value) {
        Measure measure = value == null ? null : Arrays.stream(Measure.values())
                .filter(m -> m.name().equalsIgnoreCase(value.strip())).findFirst().orElse(null);
        if (measure == null || !measure.hasComplaints()) {
            throw ProblemException.invalidField("measure", "must be one of " + Arrays.stream(Measure.values())
                    .filter(Measure::hasComplaints).map(Measure::name).collect(Collectors.joining(", ")));
        }
        return measure;
    }

    /** The dimension filters given; each at most {@value #MAX_FILTER_LENGTH} characters. */
    static Map<Dimension, String> filters(String city, String channel, String category, String team, String agent) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        put(filters, Dimension.CITY, "city", city);
        put(filters, Dimension.CHANNEL, "channel", channel);
        put(filters, Dimension.CATEGORY, "category", category);
        put(filters, Dimension.TEAM, "team", team);
        put(filters, Dimension.AGENT, "agent", agent);
        return filters;
    }

    private static void put(Map<Dimension, String> filters, Dimension dimension, String name, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank() || value.length() > MAX_FILTER_LENGTH || value.indexOf('\u0000') >= 0) {
            throw ProblemException.invalidField(name, "must be 1 to " + MAX_FILTER_LENGTH
                    + " characters, without NUL characters");
        }
        filters.put(dimension, value.strip());
    }
}
