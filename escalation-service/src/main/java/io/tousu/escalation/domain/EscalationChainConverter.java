package io.tousu.escalation.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores a chain as readable text: {@code TEAM_LEAD=PT8H,MANAGER=PT24H,CENTRE_DIRECTOR=PT48H,PROVINCE}. */
@Converter
public class EscalationChainConverter implements AttributeConverter<List<EscalationStep>, String> {

    @Override
    public String convertToDatabaseColumn(List<EscalationStep> chain) {
        return chain.stream()
                .map(s -> s.deadline() == null ? s.level().name() : s.level().name() + "=" + s.deadline())
                .collect(Collectors.joining(","));
    }

    @Override
    public List<EscalationStep> convertToEntityAttribute(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            int eq = s.indexOf('=');
            return eq < 0 ? new EscalationStep(EscalationLevel.valueOf(s), null)
                    : new EscalationStep(EscalationLevel.valueOf(s.substring(0, eq)), Duration.parse(s.substring(eq + 1)));
        }).toList();
    }
}
