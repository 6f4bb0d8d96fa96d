package io.tousu.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tousu.events.complaint.ComplaintResolved;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins the JSON of every event type to a golden file, {@code src/test/resources/golden/<WireName>.json},
 * so that a change of the contract shows up as a changed file in review.
 *
 * <p>A missing or different golden file fails the test. After an intended change of the contract, or
 * for a new event type, rewrite the files and review the diff before committing them:
 *
 * <pre>./mvnw -pl events test -Dgolden.update=true</pre>
 */
class EventContractTest {

    private static final Path GOLDEN_DIR = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @BeforeAll
    static void updateGoldenFilesWhenAsked() throws IOException {
        if (!UPDATE) {
            return;
        }
        for (EventType type : SampleEvents.types()) {
            JsonNode json = tree(EventCodec.write(SampleEvents.envelope(type)));
            String pretty = EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
            Files.writeString(golden(type), pretty + "\n");
        }
    }

    @Test
    void everyTypeHasASample() {
        assertThat(SampleEvents.types()).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void jsonMatchesTheGoldenFile(EventType type) throws IOException {
        JsonNode written = tree(EventCodec.write(SampleEvents.envelope(type)));

        assertThat(written).as("JSON of %s against %s", type, golden(type)).isEqualTo(tree(readGolden(type)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenFileReadsBackToTheSample(EventType type) throws IOException {
        EventEnvelope read = EventCodec.read(readGolden(type));

        assertThat(read).usingRecursiveComparison().ignoringFields("payload").isEqualTo(SampleEvents.envelope(type));
        assertThat(read.isReadable()).isTrue();
        assertThat(read.payloadAs(type.payloadType())).isEqualTo(SampleEvents.payload(type));
    }

    @Test
    void moneyKeepsItsScaleAndPrecision() {
        BigDecimal amount = new BigDecimal("12345678901234567.80");
        ComplaintResolved resolved = new ComplaintResolved(true, "STAFF", "agent-0417", "REFUND", "refund", amount,
                true, false, false, "supervisor-01", SampleEvents.AT);

        String json = EventCodec.write(EventEnvelope.of(resolved, SampleEvents.PROVINCE, SampleEvents.COMPLAINT_ID,
                SampleEvents.AT));

        assertThat(json).contains("\"compensationAmount\":12345678901234567.80,");
        assertThat(EventCodec.read(json).payloadAs(ComplaintResolved.class).compensationAmount()).isEqualTo(amount);
    }

    private static Path golden(EventType type) {
        return GOLDEN_DIR.resolve(type.wireName() + ".json");
    }

    private static String readGolden(EventType type) throws IOException {
        Path golden = golden(type);
        assertThat(golden).as("golden file of %s; write it with -Dgolden.update=true", type).exists();
        return Files.readString(golden);
    }

    private static JsonNode tree(String json) throws IOException {
        return EventCodec.mapper().readTree(json);
    }
}
