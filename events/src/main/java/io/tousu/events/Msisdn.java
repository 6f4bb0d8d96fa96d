package io.tousu.events;

/**
 * Phone numbers are personal data: intake stores them once; everywhere else (events that do not
 * need the number, logs, exports, error messages) they appear masked as {@code 138****5678}.
 */
public final class Msisdn {

    private Msisdn() {
    }

    /**
     * Masks all but the first three and the last four digits; short or absent numbers are masked
     * completely so that nothing of them leaks.
     */
    public static String mask(String msisdn) {
        if (msisdn == null || msisdn.isBlank()) {
            return null;
        }
        String digits = msisdn.strip();
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
