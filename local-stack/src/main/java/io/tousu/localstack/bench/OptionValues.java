package io.tousu.localstack.bench;

import java.util.Deque;

/** The value handling every benchmark's command line shares: {@code --name N} or {@code --name=N}. */
final class OptionValues {

    private OptionValues() {
    }

    /** The value of {@code --name=value} or of {@code --name value} (taken from {@code rest}). */
    static String value(String arg, Deque<String> rest) {
        if (arg.contains("=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        if (rest.isEmpty() || rest.peekFirst().startsWith("-")) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return rest.removeFirst();
    }

    /** A whole number; {@code 1_000_000} is read as a million. */
    static int number(String option, String value) {
        try {
            return Integer.parseInt(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    /** Refuses a value outside {@code [min, max]}, naming the option, the range and the value. */
    static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
