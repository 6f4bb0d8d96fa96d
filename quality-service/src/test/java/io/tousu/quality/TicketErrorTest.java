package io.tousu.quality;

import static io.restassured.RestAssured.given;
import static io.tousu.quality.SamplingFlowTest.WAIT;
import static io.tousu.quality.SamplingFlowTest.agent;
import static io.tousu.quality.SamplingFlowTest.h;
import static io.tousu.quality.SamplingFlowTest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.events.EventEnvelope;
import io.tousu.events.quality.TicketErrorRecorded;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ticket errors: automatic WRONG_CATEGORY from the history, inspectors' findings, published cases. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class TicketErrorTest {

    @Test
    void aCategoryChangedAfterResolutionIsAWrongCategoryErrorOfTheResolverRecordedOnce() {
        String agent = agent("cat");
        Lifecycle c = new Lifecycle("GD", start()).received("HOTLINE", "BILLING_DISPUTE", false)
                .assigned(h(1), agent, "team-cat").resolved(h(2), agent, false, "NONE", null)
                .categoryChanged(h(3), "BILLING_DISPUTE", "DATA_USAGE_DISPUTE", "sup-9");
        List<EventEnvelope> e = c.events();
        try (QualityTopic quality = new QualityTopic(Broker.bootstrap())) {
            // the change arrives before the resolution, and twice
            Broker.publish(List.of(e.get(0), e.get(1), e.get(3), e.get(3), e.get(2)));
            await().atMost(WAIT).untilAsserted(() -> {
                TicketErrorRecorded r = quality.last(c.id, "TicketErrorRecorded").payloadAs(TicketErrorRecorded.class);
                assertThat(r.errorType()).isEqualTo("WRONG_CATEGORY");
                assertThat(r.agentId()).isEqualTo(agent);
                assertThat(r.teamId()).isEqualTo("team-cat");
                assertThat(r.recordedBy()).isEqualTo("SYSTEM");
            });
            Broker.publish(new Lifecycle("GD", start()).received("HOTLINE", "OTHER", false).events());
            await().atMost(WAIT).untilAsserted(() -> given().queryParam("complaintId", c.id.toString())
                    .get("/api/v1/ticket-errors").then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].description", containsString("sup-9")));
            assertThat(quality.types(c.id).stream().filter("TicketErrorRecorded"::equals)).hasSize(1);
        }
    }

    @Test
    void aPromiseNobodyKeptIsAPromiseBrokenErrorOfItsMakerRecordedOnceWhoeverNoticesIt() {
        String front = agent("front");
        String back = agent("back");
        String promise = UUID.randomUUID().toString();
        Lifecycle c = new Lifecycle("GD", start()).received("HOTLINE", "BILLING_DISPUTE", false)
                .assigned(h(1), front, "team-front").handedOff(h(2), front, "team-back")
                .promise(h(3), promise, back, h(1));
        java.time.Instant due = c.start.plus(h(4));
        // escalation's promise clock runs out (twice delivered); later intake is told it was broken too
        c.promiseClockRanOut(h(4).plusSeconds(1), due).broken(h(5), promise, due);
        List<EventEnvelope> e = c.events();
        try (QualityTopic quality = new QualityTopic(Broker.bootstrap())) {
            Broker.publish(List.of(e.get(0), e.get(1), e.get(2), e.get(3), e.get(4), e.get(4)));
            await().atMost(WAIT).untilAsserted(() -> {
                TicketErrorRecorded r = quality.last(c.id, "TicketErrorRecorded").payloadAs(TicketErrorRecorded.class);
                assertThat(r.errorType()).isEqualTo("PROMISE_BROKEN");
                assertThat(r.agentId()).isEqualTo(back);
                assertThat(r.teamId()).isEqualTo("team-back");
                assertThat(r.recordedBy()).isEqualTo("SYSTEM");
                assertThat(r.description()).contains("CALL_BACK", due.toString());
            });
            Broker.publish(List.of(e.get(5)));
            // intake's PromiseBroken is in once its own risk rule has hit it
            await().atMost(WAIT).untilAsserted(() -> given().queryParam("complaintId", c.id.toString())
                    .get("/api/v1/risk-hits").then().statusCode(200)
                    .body("items.ruleCode", hasItem("PE_PROMISE_BROKEN")));
            given().queryParam("complaintId", c.id.toString()).get("/api/v1/ticket-errors").then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].errorType", equalTo("PROMISE_BROKEN"))
                    .body("items[0].agentId", equalTo(back));
            assertThat(quality.types(c.id).stream().filter("TicketErrorRecorded"::equals)).hasSize(1);
        }
    }

    @Test
    void aPromiseKeptInTimeIsNoError() {
        String back = agent("kept");
        String promise = UUID.randomUUID().toString();
        Lifecycle c = new Lifecycle("GD", start()).received("HOTLINE", "BILLING_DISPUTE", false)
                .assigned(h(1), back, "team-kept").promise(h(2), promise, back, h(1)).kept(h(2).plusMinutes(30), promise)
                .resolved(h(4), back, false, "NONE", null);
        try (QualityTopic quality = new QualityTopic(Broker.bootstrap())) {
            Broker.publish(c);
            // the resolution is the complaint's last event: once it is in, so are the promise and its keeping
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/inspection-candidates/" + c.id).then()
                    .statusCode(200).body("finished", equalTo(true)));
            given().queryParam("complaintId", c.id.toString()).get("/api/v1/ticket-errors").then().statusCode(200)
                    .body("total", equalTo(0));
            assertThat(quality.types(c.id)).doesNotContain("TicketErrorRecorded");
        }
    }

    @Test
    void anInspectorsFindingIsRecordedAndPublishedAsACase() {
        String agent = agent("man");
        Lifecycle c = new Lifecycle("GD", start()).received("REGULATOR", "OTHER", false)
                .assigned(h(1), agent, "team-man").resolved(h(2), agent, false, "NONE", null);
        String inspection = ScoringTest.sampled(c);
        String errorId = given().contentType(ContentType.JSON).body("""
                {"complaintId":"%s","inspectionId":"%s","errorType":"MISSING_INFORMATION",
                 "description":"no account number on the ticket","recordedBy":"qa-5"}""".formatted(c.id, inspection))
                .post("/api/v1/ticket-errors").then().statusCode(201)
                .body("agentId", equalTo(agent)).body("teamId", equalTo("team-man"))
                .body("errorType", equalTo("MISSING_INFORMATION")).extract().path("id");
        String caseBody = """
                {"errorId":"%s","title":"Ticket without an account number","lesson":"Always note the account.",
                 "publishedBy":"qa-lead"}""".formatted(errorId);
        given().contentType(ContentType.JSON).body(caseBody).post("/api/v1/cases").then().statusCode(201)
                .body("errorType", equalTo("MISSING_INFORMATION")).body("complaintId", equalTo(c.id.toString()));
        given().contentType(ContentType.JSON).body(caseBody).post("/api/v1/cases").then().statusCode(409)
                .contentType("application/problem+json");
        given().queryParam("errorType", "MISSING_INFORMATION").get("/api/v1/cases").then().statusCode(200)
                .body("items.title", hasItem("Ticket without an account number"));
        given().queryParam("agentId", agent).get("/api/v1/ticket-errors").then().body("total", equalTo(1));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String unknown = UUID.randomUUID().toString();
        field("""
                {"complaintId":"%s","errorType":"WRONG_HANDLING","description":"x","recordedBy":"qa-5"}"""
                .formatted(unknown), "/api/v1/ticket-errors", "complaintId");
        field("""
                {"complaintId":"%s","errorType":"TYPO","description":"x","recordedBy":"qa-5"}""".formatted(unknown),
                "/api/v1/ticket-errors", "errorType");
        field("""
                {"complaintId":"%s","errorType":"WRONG_HANDLING","recordedBy":"qa-5"}""".formatted(unknown),
                "/api/v1/ticket-errors", "description");
        field("""
                {"errorId":"%s","title":"t","lesson":"l","publishedBy":"qa"}""".formatted(unknown), "/api/v1/cases",
                "errorId");
        field("""
                {"errorId":"%s","title":"","lesson":"l","publishedBy":"qa"}""".formatted(unknown), "/api/v1/cases",
                "title");
        given().queryParam("errorType", "TYPO").get("/api/v1/ticket-errors").then().statusCode(400)
                .body("violations[0].field", equalTo("errorType"));
        given().queryParam("errorType", "TYPO").get("/api/v1/cases").then().statusCode(400)
                .body("violations[0].field", equalTo("errorType"));
    }

    static void field(String body, String path, String field) {
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo(field));
    }
}
