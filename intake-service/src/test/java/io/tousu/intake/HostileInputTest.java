package io.tousu.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Sends over a thousand malformed or hostile bodies and asserts that every one is refused with a
 * 4xx problem (never a 5xx) and that nothing was written.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Values that are wrong for any string field with a format (enum, code, digits). */
    private static final List<Object> HOSTILE = List.of("", " ", "'; drop table complaints; --", "\" or 1=1 --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd", "\u0000", "\u202Eevil",
            "😀😀😀", "null", "NaN", "-1", "1e309", "x".repeat(5000), "ＧＤ", "gd", "G D", "%00", "\\u0000",
            true, false, 3, -7, 1.5, List.of(), List.of("a"), java.util.Map.of(), java.util.Map.of("$ne", 1));

    private static final List<String> FORMATTED_FIELDS = List.of("channel", "province", "customer.msisdn", "category",
            "subcategory", "contactPreference");

    @Test
    void hostileComplaintsAreRefusedWithProblemsAndNothingIsStored() throws Exception {
        long complaintsBefore = count("complaints");
        long outboxBefore = count("outbox_events");
        List<String> bodies = new ArrayList<>();
        for (String field : FORMATTED_FIELDS) {
            for (Object value : HOSTILE) {
                bodies.add(with(field, value));
            }
        }
        for (String field : List.of("channel", "channelRef", "province", "customer", "customer.msisdn", "category",
                "description")) {
            bodies.add(without(field));
            bodies.add(with(field, null));
        }
        for (Object value : List.of("", "   ", "x".repeat(4001), List.of("a"), java.util.Map.of("a", 1))) {
            bodies.add(with("description", value));
        }
        for (Object value : List.of("a b", "<b>", "x".repeat(65), "'--", 7, true, List.of(), "\u0000")) {
            bodies.add(with("customer.customerId", value));
            bodies.add(with("customer.tier", value));
        }
        bodies.add(with("channelRef", "r".repeat(101)));
        bodies.add(with("city", "c".repeat(51)));
        bodies.add(with("attachments", List.of(java.util.Map.of("name", "a"))));
        bodies.add(with("attachments", java.util.Collections.nCopies(11, java.util.Map.of("name", "a", "reference", "r"))));
        Random random = new Random(20261122);
        String valid = valid().toString();
        while (bodies.size() < 1100) {
            bodies.add(corrupt(valid, random));
        }
        bodies.addAll(List.of("", "null", "[]", "[{}]", "\"text\"", "42", "{", "{}", "{\"channel\":", "{{{}}}",
                "[".repeat(2000) + "]".repeat(2000)));

        List<String> failures = new ArrayList<>();
        for (String body : bodies) {
            ExtractableResponse<Response> r = given().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/complaints").then().extract();
            if (r.statusCode() < 400 || r.statusCode() >= 500 || !r.contentType().startsWith("application/problem+json")) {
                failures.add(r.statusCode() + " " + r.contentType() + " for " + abbreviate(body));
            }
        }
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(failures).isEmpty();
        assertThat(count("complaints")).isEqualTo(complaintsBefore);
        assertThat(count("outbox_events")).isEqualTo(outboxBefore);
    }

    @Test
    void hostileActionBodiesChangeNothing() throws Exception {
        String id = IntakeApi.submit(IntakeApi.freshMsisdn(), "OTHER");
        long historyBefore = count("complaint_history");
        List<String> failures = new ArrayList<>();
        for (String action : List.of("assign", "hand-off", "resolve", "promises", "notes", "follow-up", "close")) {
            for (Object value : HOSTILE) {
                ObjectNode body = JSON.createObjectNode();
                body.set("actor", JSON.valueToTree(value));
                body.set("ownerId", JSON.valueToTree(value));
                body.set("dueAt", JSON.valueToTree(value));
                int status = given().contentType(ContentType.JSON).body(body.toString())
                        .post("/api/v1/complaints/" + id + "/" + action).then().extract().statusCode();
                if (status < 400 || status >= 500) {
                    failures.add(status + " for " + action + " " + abbreviate(body.toString()));
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(count("complaint_history")).isEqualTo(historyBefore);
    }

    private static ObjectNode valid() {
        ObjectNode body = JSON.createObjectNode();
        body.put("channel", "HOTLINE").put("channelRef", "fuzz").put("province", "GD").put("category", "OTHER")
                .put("description", "valid text");
        body.putObject("customer").put("msisdn", "13800000000");
        return body;
    }

    private static String with(String path, Object value) {
        ObjectNode body = valid();
        ObjectNode parent = body;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.set(parts[parts.length - 1], JSON.valueToTree(value));
        return body.toString();
    }

    private static String without(String path) {
        ObjectNode body = valid();
        ObjectNode parent = body;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.remove(parts[parts.length - 1]);
        return body.toString();
    }

    /** Cuts, duplicates or flips characters of a valid body; the channelRef is broken so none stays valid. */
    private static String corrupt(String valid, Random random) {
        StringBuilder s = new StringBuilder(valid.replace("\"fuzz\"", "\"" + "f".repeat(150) + "\""));
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.setLength(at);
                case 1 -> s.insert(at, "{[\"':,}]".charAt(random.nextInt(8)));
                case 2 -> s.deleteCharAt(at);
                default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
            if (s.length() == 0) {
                s.append('{');
            }
        }
        return s.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 120 ? body.substring(0, 120) + "..." : body;
    }

    private static long count(String table) throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
