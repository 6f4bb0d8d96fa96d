package io.tousu.quality.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.tousu.events.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The rules seeded by the V6 migration, read from the JSON between its $seed$ markers. */
public final class SeedRules {

    public static final String MIGRATION = "/db/migration/V6__risk_rules_audits_flags.sql";

    private SeedRules() {
    }

    /** The seeded definitions, in the migration's order. */
    public static List<RuleBook.Definition> definitions() {
        String sql;
        try (InputStream in = SeedRules.class.getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(MIGRATION + " is not on the classpath");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int start = sql.indexOf("$seed$") + "$seed$".length();
        int end = sql.indexOf("$seed$", start);
        try {
            JsonNode array = EventCodec.mapper().readTree(sql.substring(start, end));
            List<RuleBook.Definition> out = new ArrayList<>();
            for (JsonNode r : array) {
                List<String> types = new ArrayList<>();
                r.get("eventTypes").forEach(t -> types.add(t.asText()));
                out.add(new RuleBook.Definition(r.get("code").asText(), r.get("name").asText(),
                        r.get("minefield").asText(), r.get("severity").asText(), r.path("description").asText(null),
                        types, r.get("condition")));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("the seed JSON of " + MIGRATION + " is not valid", e);
        }
    }

    /** The seeded rules compiled, with ids derived from their codes. */
    public static RuleBook book() {
        return RuleBook.of(definitions().stream().map(d -> RuleBook.compile(
                UUID.nameUUIDFromBytes(d.code().getBytes(StandardCharsets.UTF_8)), 1, d)).toList());
    }
}
