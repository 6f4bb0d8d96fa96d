package io.tousu.quality.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Lists of records kept as JSON text columns. */
final class JsonColumn {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumn() {
    }

    static String write(Object value) {
        try {
            return value == null ? null : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON column", e);
        }
    }

    static <T> T read(String text, TypeReference<T> type) {
        try {
            return text == null ? null : MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a JSON column", e);
        }
    }

    /** A scorecard's items. */
    @Converter
    public static class Items implements AttributeConverter<List<ScorecardItem>, String> {
        @Override
        public String convertToDatabaseColumn(List<ScorecardItem> items) {
            return write(items);
        }

        @Override
        public List<ScorecardItem> convertToEntityAttribute(String text) {
            return read(text, new TypeReference<>() {
            });
        }
    }

    /** An inspection's item scores. */
    @Converter
    public static class Scores implements AttributeConverter<List<ItemScore>, String> {
        @Override
        public String convertToDatabaseColumn(List<ItemScore> scores) {
            return write(scores);
        }

        @Override
        public List<ItemScore> convertToEntityAttribute(String text) {
            return read(text, new TypeReference<>() {
            });
        }
    }
}
