package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static io.tousu.quality.SamplingFlowTest.WAIT;
import static io.tousu.quality.SamplingFlowTest.agent;
import static io.tousu.quality.SamplingFlowTest.h;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tousu.events.EventEnvelope;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Audits (稽查) sample a month's tickets reproducibly and record hit or clean; flags single out the
 * agents and teams whose risk-hit rate stands out from their peers'. Each test has its own province.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class AuditAndFlagTest {

    /** A handled complaint finished 3 hours after {@code start}; with a full phone number in a note when {@code leak}. */
    private static Lifecycle ticket(String province, Instant start, String agent, String team, boolean leak) {
        Lifecycle c = new Lifecycle(province, start).received("HOTLINE", "BILLING_DISPUTE", false)
                .assigned(h(0), agent, team).started(h(1));
        if (leak) {
            c.note(h(2), agent, "call back on 13612345678");
        }
        return c.resolved(h(3), agent, false, "NONE", null);
    }

    private static JsonPath flags(String province, String month) {
        return given().queryParam("province", province).queryParam("month", month).queryParam("all", "true")
                .get("/api/v1/flags").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitTickets(String province, String month, int tickets, int hits) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath f = flags(province, month);
            List<Integer> n = f.getList("flags.findAll { it.level == 'AGENT' && it.measure == 'RISK_HITS' }.tickets");
            List<Integer> x = f.getList("flags.findAll { it.level == 'AGENT' && it.measure == 'RISK_HITS' }.events");
            assertThat(n.stream().mapToInt(Integer::intValue).sum()).isEqualTo(tickets);
            assertThat(x.stream().mapToInt(Integer::intValue).sum()).isEqualTo(hits);
        });
    }

    @Test
    void anAuditSamplesReproduciblyAndRecordsHitOrCleanPerTicket() {
        Instant feb = Instant.parse("2026-02-10T02:00:00Z");
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.addAll(ticket("AU", feb.plus(h(i)), agent("au"), "team-au", i < 2).events());
        }
        Broker.publish(events);
        awaitTickets("AU", "2026-02", 6, 2);

        JsonPath audit = given().contentType(ContentType.JSON).body("""
                {"province":"AU","month":"2026-02","sampleSize":10,"seed":42}""").post("/api/v1/audits").then()
                .statusCode(201).header("Location", containsString("/api/v1/audits/"))
                .body("audited", equalTo(6)).body("hits", equalTo(2)).body("items", hasSize(6))
                .body("seed", equalTo(42)).extract().jsonPath();
        assertThat(audit.getDouble("anomalyRate")).isCloseTo(2 / 6.0, within(1e-6));
        String id = audit.getString("id");
        given().get("/api/v1/audits/" + id).then().statusCode(200)
                .body("items[0].outcome", equalTo("HIT")).body("items[1].outcome", equalTo("HIT"))
                .body("items[2].outcome", equalTo("CLEAN")).body("items[0].ruleCodes[0]",
                        equalTo("IS_FULL_PHONE_IN_NOTE"))
                .body("items[5].ruleCodes", hasSize(0));

        String three = """
                {"province":"AU","month":"2026-02","sampleSize":3,"seed":7}""";
        List<String> first = given().contentType(ContentType.JSON).body(three).post("/api/v1/audits").then()
                .statusCode(201).body("audited", equalTo(3)).extract().path("items.complaintId");
        List<String> again = given().contentType(ContentType.JSON).body(three).post("/api/v1/audits").then()
                .statusCode(201).extract().path("items.complaintId");
        assertThat(again).containsExactlyInAnyOrderElementsOf(first);

        given().contentType(ContentType.JSON).body("""
                {"province":"AU","month":"2026-02","sampleSize":10,"seed":1,"ruleCodes":["PE_PROMISE_BROKEN"]}""")
                .post("/api/v1/audits").then().statusCode(201).body("audited", equalTo(6)).body("hits", equalTo(0))
                .body("anomalyRate", equalTo(0.0f)).body("items.outcome", everyItem(equalTo("CLEAN")));
        given().contentType(ContentType.JSON).body("""
                {"province":"AU","month":"2026-02","sampleSize":10,"minefields":["INFORMATION_SECURITY"]}""")
                .post("/api/v1/audits").then().statusCode(201).body("hits", equalTo(2))
                .body("minefields[0]", equalTo("INFORMATION_SECURITY"));
        given().contentType(ContentType.JSON).body("""
                {"province":"AU","month":"2026-01","sampleSize":10,"seed":1}""").post("/api/v1/audits").then()
                .statusCode(201).body("audited", equalTo(0)).body("anomalyRate", equalTo(null));
        given().queryParam("province", "AU").get("/api/v1/audits").then().statusCode(200)
                .body("total", equalTo(6)).body("items.province", everyItem(equalTo("AU")))
                .body("items[5].id", equalTo(id)).body("items[5].anomalyRate", equalTo(2 / 6.0f))
                .body("items[0].items", hasSize(0));
    }

    @Test
    void badAuditsAreProblemsNamingTheField() {
        bad("""
                {"province":"AU","month":"2026-02","sampleSize":10,"ruleCodes":["NO_SUCH_RULE"]}""", "ruleCodes[0]");
        bad("""
                {"province":"AU","month":"2026-13","sampleSize":10}""", "month");
        bad("""
                {"province":"AU","month":"2026-02","sampleSize":0}""", "sampleSize");
        bad("""
                {"province":"AU","month":"2026-02"}""", "sampleSize");
        bad("""
                {"province":"AU","month":"2026-02","sampleSize":5,"minefields":["SWAMP"]}""", "minefields");
        bad("""
                {"month":"2026-02","sampleSize":5}""", "province");
        given().get("/api/v1/audits/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("province", "AU").queryParam("month", "Feb").get("/api/v1/flags").then().statusCode(400)
                .body("violations[0].field", equalTo("month"));
        given().get("/api/v1/flags").then().statusCode(400).body("violations[0].field", equalTo("province"));
    }

    private static void bad(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/audits").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo(field));
    }

    @Test
    void agentsAndTeamsWhoseRiskHitOrErrorRateStandsOutAreFlagged() {
        Instant march = Instant.parse("2026-03-10T02:00:00Z");
        String bad = agent("leaky");
        List<String> good = List.of(agent("ok"), agent("ok"), agent("ok"), agent("ok"));
        String careless = good.get(0);
        List<EventEnvelope> events = new ArrayList<>();
        List<Lifecycle> carelessTickets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.addAll(ticket("FG", march.plus(h(i)), bad, "team-leaky", i < 5).events());
            for (String g : good) {
                Lifecycle t = ticket("FG", march.plus(h(i)), g, "team-ok", false);
                if (g.equals(careless)) {
                    carelessTickets.add(t);
                }
                events.addAll(t.events());
            }
        }
        Broker.publish(events);
        awaitTickets("FG", "2026-03", 30, 5);
        // an inspector finds errors in 5 of the careless agent's 6 tickets (two in one of them)
        for (int i = 0; i < 6; i++) {
            for (int n = 0; n < (i == 0 ? 2 : i < 5 ? 1 : 0); n++) {
                given().contentType(ContentType.JSON).body("""
                        {"complaintId":"%s","errorType":"MISSING_INFORMATION","description":"no account number",
                         "recordedBy":"qa-fg"}""".formatted(carelessTickets.get(i).id)).post("/api/v1/ticket-errors")
                        .then().statusCode(201);
            }
        }

        given().queryParam("province", "FG").queryParam("month", "2026-03").get("/api/v1/flags").then()
                .statusCode(200).body("statistic", containsString("p-chart"))
                .body("minVolume", equalTo(5)).body("zThreshold", equalTo(3.0f))
                .body("flags", hasSize(3))
                .body("flags.find { it.level == 'AGENT' && it.measure == 'RISK_HITS' }.id", equalTo(bad))
                .body("flags.find { it.level == 'AGENT' && it.measure == 'RISK_HITS' }.tickets", equalTo(6))
                .body("flags.find { it.level == 'AGENT' && it.measure == 'RISK_HITS' }.events", equalTo(5))
                .body("flags.find { it.level == 'AGENT' && it.measure == 'RISK_HITS' }.peerRate", equalTo(0.0f))
                .body("flags.find { it.level == 'TEAM' && it.measure == 'RISK_HITS' }.id", equalTo("team-leaky"))
                .body("flags.find { it.level == 'AGENT' && it.measure == 'TICKET_ERRORS' }.id", equalTo(careless))
                .body("flags.find { it.level == 'AGENT' && it.measure == 'TICKET_ERRORS' }.events", equalTo(5));
        given().queryParam("province", "FG").queryParam("month", "2026-04").get("/api/v1/flags").then()
                .statusCode(200).body("flags", hasSize(0));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tousu_quality_flagged{level=\"AGENT\",measure=\"RISK_HITS\",month=\"2026-03\",province=\"FG\"} 1.0"))
                .body(containsString("tousu_quality_flagged{level=\"AGENT\",measure=\"TICKET_ERRORS\",month=\"2026-03\",province=\"FG\"} 1.0"));
    }
}
