package io.tousu.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Ticket numbers people can read out on the phone: province code, the province-local date and a
 * six-digit daily sequence, e.g. {@code GD20261122000123}. A sequence number lost to a rolled-back
 * transaction leaves a gap, which is fine: numbers are unique, not dense.
 */
public final class TicketNumbers {

    private TicketNumbers() {
    }

    /** The day a ticket received at {@code at} is numbered under, in the province's zone. */
    public static LocalDate dayOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /** Formats a ticket number; the sequence must be 1..999999. */
    public static String format(String province, LocalDate day, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("daily ticket sequence out of range: " + sequence);
        }
        // by hand: String.format builds its number symbols for every call, a measurable share of
        // intake's CPU per complaint
        StringBuilder ticket = new StringBuilder(province.length() + 14).append(province);
        padded(ticket, day.getYear(), 4);
        padded(ticket, day.getMonthValue(), 2);
        padded(ticket, day.getDayOfMonth(), 2);
        padded(ticket, sequence, 6);
        return ticket.toString();
    }

    private static void padded(StringBuilder to, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            to.append('0');
        }
        to.append(digits);
    }
}
