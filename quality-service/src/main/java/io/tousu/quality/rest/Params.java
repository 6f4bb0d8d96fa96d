package io.tousu.quality.rest;

import io.tousu.platform.rest.ProblemException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/** Query parameters read strictly: a wrong value is a 400 naming the parameter, never a silent guess. */
final class Params {

    private Params() {
    }

    /** true, false or absent (null). */
    static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }

    /** A constant of the enum, or absent (null). */
    static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An ISO-8601 instant such as 2026-11-01T00:00:00Z, or absent (null). */
    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z");
        }
    }

    /** A month yyyy-MM, or absent (null). */
    static YearMonth month(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a month yyyy-MM, e.g. 2026-11");
        }
    }

    /** A UUID, or absent (null). */
    static UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be a UUID");
        }
    }
}
