package io.tousu.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Flags suspected malicious or bulk complaints; they are kept and worked like any other, but
 * marked so that supervisors and quality can look at them.
 *
 * @param floodThreshold    complaints from one number in the window that count as flooding
 * @param bulkTextThreshold distinct numbers sending the same text in the window that count as bulk
 */
public record AbuseRules(int floodThreshold, int bulkTextThreshold) {

    /**
     * The reasons to flag a new complaint.
     *
     * @param earlierFromSameNumber complaints from the same number within the window, before this one
     * @param otherNumbersSameText  distinct other numbers that sent the same text within the window
     */
    public List<String> assess(long earlierFromSameNumber, long otherNumbersSameText) {
        List<String> reasons = new ArrayList<>();
        if (earlierFromSameNumber + 1 >= floodThreshold) {
            reasons.add("FLOODING: " + (earlierFromSameNumber + 1) + " complaints from one number");
        }
        if (otherNumbersSameText + 1 >= bulkTextThreshold) {
            reasons.add("BULK_TEXT: the same text from " + (otherNumbersSameText + 1) + " numbers");
        }
        return List.copyOf(reasons);
    }

    /** What a fingerprint leaves out: punctuation (ASCII and Unicode, e.g. full-width) and white space. */
    private static final Pattern IGNORED = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}\\s]+");

    /** A fingerprint of a description that ignores case, spaces and punctuation. */
    public static String fingerprint(String description) {
        String normalized = IGNORED.matcher(description.toLowerCase(Locale.ROOT)).replaceAll("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
