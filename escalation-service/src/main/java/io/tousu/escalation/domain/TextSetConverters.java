package io.tousu.escalation.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sorted sets stored as readable comma-separated text, e.g. {@code 2026-10-01,2026-10-02}. */
public final class TextSetConverters {

    private TextSetConverters() {
    }

    private static String write(SortedSet<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(","));
    }

    private static <T> SortedSet<T> read(String text, Function<String, T> parse) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Weekdays by name ({@code MONDAY,...}). */
    @Converter
    public static class Weekdays implements AttributeConverter<SortedSet<DayOfWeek>, String> {
        @Override
        public String convertToDatabaseColumn(SortedSet<DayOfWeek> days) {
            return write(days);
        }

        @Override
        public SortedSet<DayOfWeek> convertToEntityAttribute(String text) {
            return read(text, DayOfWeek::valueOf);
        }
    }

    /** ISO dates. */
    @Converter
    public static class Dates implements AttributeConverter<SortedSet<LocalDate>, String> {
        @Override
        public String convertToDatabaseColumn(SortedSet<LocalDate> dates) {
            return write(dates);
        }

        @Override
        public SortedSet<LocalDate> convertToEntityAttribute(String text) {
            return read(text, LocalDate::parse);
        }
    }
}
