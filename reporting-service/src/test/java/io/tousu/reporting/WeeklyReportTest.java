package io.tousu.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.tousu.testing.DefaultTestToken;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import io.tousu.testing.Tokens;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The weekly report of Yunnan (YN), which no other test uses, for ISO week 2026-W41 (5 to 11 October
 * in Asia/Shanghai) against 2026-W40, built through the real broker. Team ids, a category and a hot
 * spot key carry markup, which the HTML page must escape.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class WeeklyReportTest {

    private static final String YN = "YN";
    private static final String WEEK = "2026-W41";
    private static final String TEAM_B = "<b>yn&B</b>";
    private static final String ODD_CATEGORY = "<i>odd</i>";
    private static final String HOT_KEY = "<script>alert(1)</script>";
    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    private static boolean published;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theWeekAgainstTheWeekBefore() {
        publish();
        report().body("province", equalTo(YN)).body("week", equalTo(WEEK)).body("previousWeek", equalTo("2026-W40"))
                .body("firstDay", equalTo("2026-10-05")).body("lastDay", equalTo("2026-10-11"))
                .body("volumes.code", contains("COMPLAINTS", "RESOLVED", "SUBSTANTIATED", "STAFF_SUBSTANTIATED",
                        "TICKET_ERRORS", "REGULATOR", "OVERDUE", "ESCALATED"))
                .body("volumes.current", contains(11, 4, 2, 1, 1, 0, 1, 2))
                .body("volumes.previous", contains(2, 1, 0, 0, 0, 0, 0, 1))
                .body("volumes[0].change", equalTo(new BigDecimal("450.00")))
                .body("volumes[1].change", equalTo(new BigDecimal("300.00")))
                .body("volumes[2].change", nullValue())
                .body("volumes[7].change", equalTo(new BigDecimal("100.00")))
                // 10 of 11 tickets correct: 90.91 against 100.00
                .body("indicators[0].code", equalTo("TICKET_ACCURACY_RATE"))
                .body("indicators[0].value", equalTo(new BigDecimal("90.91")))
                .body("indicators[0].previous", equalTo(new BigDecimal("100.00")))
                .body("indicators[0].difference", equalTo(new BigDecimal("-9.09")))
                .body("indicators[0].change", equalTo(new BigDecimal("-9.09")))
                .body("indicators[1].value", nullValue())
                .body("indicators.find { it.code == 'REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS' }.value",
                        equalTo(new BigDecimal("0.00")))
                .body("indicators.find { it.code == 'REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS' }.denominator",
                        equalTo(50_000))
                .body("indicators.find { it.code == 'REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS' }.previous", nullValue())
                .body("topCategories.category", contains("BILLING_DISPUTE", "NETWORK_QUALITY", ODD_CATEGORY))
                .body("topCategories.current", contains(7, 3, 1))
                .body("topCategories.previous", contains(2, 0, 0))
                .body("hotSpots.key", contains(HOT_KEY))
                .body("bestTeams.member", contains("yn-A")).body("worstTeams.member", contains(TEAM_B))
                .body("bestTeams[0].errorRate", equalTo(new BigDecimal("0.00")))
                .body("worstTeams[0].errorRate", equalTo(new BigDecimal("33.33")));
    }

    @Test
    void asAReadableSelfContainedPageWithEveryTextEscaped() {
        publish();
        String html = given().queryParam("province", YN).queryParam("week", WEEK).accept("text/html")
                .when().get("/api/v1/reports/weekly").then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("2026-W41", "2026-W40", "2026-10-05", "2026-10-11")
                .contains("<td>11</td><td>2</td><td class=\"up\">450.00</td>")
                .contains("90.91", "-9.09", "33.33", "BILLING_DISPUTE")
                .contains("&lt;b&gt;yn&amp;B&lt;/b&gt;", "&lt;i&gt;odd&lt;/i&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(TEAM_B, ODD_CATEGORY, HOT_KEY, "<script", "http://", "https://", "<link", "<img");
        given().queryParam("province", YN).queryParam("week", WEEK).queryParam("format", "html")
                .when().get("/api/v1/reports/weekly").then().statusCode(200).contentType(startsWith("text/html"));
        given().queryParam("province", YN).queryParam("week", WEEK).queryParam("format", "json").accept("text/html")
                .when().get("/api/v1/reports/weekly").then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void badParametersAreProblems() {
        for (String week : List.of("2026-41", "2026-W1", "2025-W53", "2026-W00", "W41")) {
            problem(given().queryParam("province", YN).queryParam("week", week), "week");
        }
        problem(given().queryParam("province", YN), "week");
        problem(given().queryParam("province", YN).queryParam("week", WEEK).queryParam("format", "pdf"), "format");
        problem(given().queryParam("province", "yunnan").queryParam("week", WEEK), "province");
        // 2026 has 53 ISO weeks
        given().queryParam("province", YN).queryParam("week", "2026-W53").get("/api/v1/reports/weekly").then()
                .statusCode(200).body("firstDay", equalTo("2026-12-28"));
    }

    @Test
    void managementRolesOfTheProvinceOnly() {
        DefaultTestToken.off();
        given().queryParam("province", YN).queryParam("week", WEEK).get("/api/v1/reports/weekly").then()
                .statusCode(401);
        given().auth().oauth2(Tokens.mint("agent-yn", List.of("agent"), YN, "yn-A", Duration.ofHours(1)))
                .queryParam("week", WEEK).get("/api/v1/reports/weekly").then().statusCode(403);
        given().auth().oauth2(Tokens.of("sup-zj", "supervisor", "ZJ")).queryParam("province", YN)
                .queryParam("week", WEEK).get("/api/v1/reports/weekly").then().statusCode(403);
        given().auth().oauth2(Tokens.of("sup-yn", "supervisor", YN)).queryParam("week", WEEK)
                .get("/api/v1/reports/weekly").then().statusCode(200).body("province", equalTo(YN));
    }

    private static void problem(io.restassured.specification.RequestSpecification request, String field) {
        request.when().get("/api/v1/reports/weekly").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
    }

    private static ValidatableResponse report() {
        return given().config(DECIMALS).queryParam("province", YN).queryParam("week", WEEK)
                .when().get("/api/v1/reports/weekly").then().statusCode(200).contentType(startsWith("application/json"));
    }

    private synchronized void publish() {
        if (!published) {
            published = true;
            publishWeeks();
            insertHotSpot();
            // the customers of October only: W41 (Monday 5 October) has a base, W40 (Monday 28 September) none
            given().contentType("application/json").body(java.util.Map.of("province", YN, "month", "2026-10",
                    "customers", 50_000)).when().post("/api/v1/customer-bases").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> report()
                .body("volumes.current", contains(11, 4, 2, 1, 1, 0, 1, 2))
                .body("volumes.previous", contains(2, 1, 0, 0, 0, 0, 0, 1))
                .body("worstTeams[0].ticketErrors", equalTo(1))
                .body("bestTeams[0].complaints", equalTo(3)));
    }

    /**
     * W41: 7 billing complaints (one at 00:30 on Monday in Shanghai, still Sunday in UTC), 3 network, 1 odd;
     * 6 of the billing ones owned by yn-A (3) and TEAM_B (3), 4 resolved (2 substantiated, 1 staff),
     * 1 ticket error of TEAM_B, 1 overdue, 2 escalated (one twice). W40: 2 complaints, 1 resolved,
     * 1 escalated. A complaint at 00:30 on the Monday after belongs to W42.
     */
    private static void publishWeeks() {
        Instant week = Instant.parse("2026-10-06T02:00:00Z");
        Instant before = Instant.parse("2026-09-29T02:00:00Z");
        try (EventPublisher events = new EventPublisher(ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class))) {
            for (int i = 0; i < 6; i++) {
                ReportingEvents c = new ReportingEvents(YN);
                String team = i < 3 ? "yn-A" : TEAM_B;
                events.publish(c.received("Kunming", "BILLING_DISPUTE", week));
                events.publish(c.assigned("yn-" + i, team, week.plusSeconds(60)));
                if (i < 4) {
                    events.publish(c.resolved(i < 2, i == 0 ? "STAFF" : i == 1 ? "PROCESS" : "NONE", true,
                            Instant.parse("2026-10-07T02:00:00Z")));
                }
                if (i == 3) {
                    events.publish(c.ticketError("yn-3", TEAM_B, week.plusSeconds(7200)));
                }
                if (i == 4) {
                    events.publish(c.breached("RESOLUTION", Instant.parse("2026-10-07T01:00:00Z")));
                    events.publish(c.escalated(1, Instant.parse("2026-10-07T01:00:00Z")));
                    events.publish(c.escalated(2, Instant.parse("2026-10-08T01:00:00Z")));
                }
                if (i == 5) {
                    events.publish(c.escalated(1, Instant.parse("2026-10-09T01:00:00Z")));
                }
            }
            events.publish(new ReportingEvents(YN).received("Kunming", "BILLING_DISPUTE",
                    Instant.parse("2026-10-04T16:30:00Z")));
            for (int i = 0; i < 3; i++) {
                events.publish(new ReportingEvents(YN).received("Kunming", "NETWORK_QUALITY", week));
            }
            events.publish(new ReportingEvents(YN).received("Dali", ODD_CATEGORY, week));
            events.publish(new ReportingEvents(YN).received("Kunming", "BILLING_DISPUTE",
                    Instant.parse("2026-10-11T16:30:00Z")));
            for (int i = 0; i < 2; i++) {
                ReportingEvents c = new ReportingEvents(YN);
                events.publish(c.received("Kunming", "BILLING_DISPUTE", before));
                if (i == 0) {
                    events.publish(c.resolved(false, "NONE", true, before.plusSeconds(86_400)));
                    events.publish(c.escalated(1, before.plusSeconds(3600)));
                }
            }
        }
    }

    /** A hot-spot episode detected in the week (detection itself is HotSpotTest's business). */
    private void insertHotSpot() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into hot_spots (id, province, dimension, hot_key, detected_at, window_start, window_end, count, "
                        + "baseline, peak_count, last_count, ended_at) values (?, ?, 'CATEGORY', ?, ?, ?, ?, 36, 6, 40, "
                        + "12, ?)")) {
            Instant detected = Instant.parse("2026-10-08T03:00:00Z");
            s.setObject(1, UUID.randomUUID());
            s.setString(2, YN);
            s.setString(3, HOT_KEY);
            s.setTimestamp(4, Timestamp.from(detected));
            s.setTimestamp(5, Timestamp.from(detected.minusSeconds(3600)));
            s.setTimestamp(6, Timestamp.from(detected));
            s.setTimestamp(7, Timestamp.from(detected.plusSeconds(7200)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
