package io.tousu.quality.domain;

import io.tousu.events.Msisdn;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a risk hit keeps as evidence, with personal data masked: every run of 8 or more digits (a
 * phone number, an ID or account number) is shown as {@link Msisdn#mask} shows a phone number
 * ({@code 138****5678}), and long texts are cut.
 */
public final class Evidence {

    private static final Pattern DIGITS = Pattern.compile("\\d{8,}");
    /** Longest text a matched value keeps. */
    static final int MAX_TEXT = 200;

    private Evidence() {
    }

    /** A matched value for the evidence: masked and cut. */
    public static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(Evidence::show).toList().toString();
        }
        return mask(value.toString());
    }

    /** The text with every run of 8 or more digits masked, cut to {@value #MAX_TEXT} characters. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DIGITS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Msisdn.mask(m.group())));
        }
        m.appendTail(out);
        String masked = out.toString();
        return masked.length() > MAX_TEXT ? masked.substring(0, MAX_TEXT) + "..." : masked;
    }
}
