package io.tousu.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The registry of event types is consistent: one wire name and one record per type. */
class EventTypeTest {

    @Test
    void wireNamesAreUnique() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadIsARecordNamedLikeTheWireName(EventType type) {
        assertThat(type.payloadType()).matches(Class::isRecord, "is a record");
        assertThat(EventPayload.class).isAssignableFrom(type.payloadType());
        assertThat(type.payloadType().getSimpleName()).isEqualTo(type.wireName());
        assertThat(type.name()).isEqualTo(type.wireName().replaceAll("(?<=[a-z])(?=[A-Z])", "_").toUpperCase());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeIsFoundByWireNameAndPayload(EventType type) {
        assertThat(EventType.byWireName(type.wireName())).contains(type);
        assertThat(EventType.of(type.payloadType())).isEqualTo(type);
        assertThat(Topics.ALL).contains(type.topic());
    }
}
