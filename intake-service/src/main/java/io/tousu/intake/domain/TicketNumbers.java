package io.tousu.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Ticket numbers people can read out on the phone: province code, the province-local date and a
 * six-digit daily sequence, e.g. {@code GD20261122000123}. A sequence number lost to a rolled-back
 * transaction leaves a gap, which is fine: numbers are unique, not dense.
 */
public final class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

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
        return province + DAY.format(day) + String.format("%06d", sequence);
    }
}
