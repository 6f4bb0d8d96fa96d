package io.tousu.quality.rest;

import io.tousu.platform.rest.ProblemException;
import java.util.Arrays;

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
}
