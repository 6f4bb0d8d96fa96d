package io.tousu.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.tousu.events.EventEnvelope;
import io.tousu.testing.EventPublisher;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Builds a known August and September of province GD through the real broker (and the call-volume
 * API) and checks the monthly table to the digit. Complaint times sit on the month boundaries of
 * Asia/Shanghai, some events come out of order or twice, a stale call report comes late.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class MonthlyIndicatorsTest {

    private static final String GD = "GD";
    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    /** The table of September 2026 against August: code|value|previous|difference|change|numerator|denominator. */
    private static final List<String> SEPTEMBER_TABLE = List.of(
            "TICKET_ACCURACY_RATE|97.50|96.00|1.50|1.56|39|40",
            "VALID_COMPLAINTS_PER_10K_CALLS|0.17|0.37|-0.20|-54.05|17|1000000",
            "SUBSTANTIATED_STAFF_COMPLAINTS|3|5|-2|-40.00|3|-",
            "FIRST_CONTACT_RESOLUTION_RATE|75.00|100.00|-25.00|-25.00|15|20",
            "ON_TIME_RESOLUTION_RATE|90.00|100.00|-10.00|-10.00|18|20",
            "FOLLOW_UP_SATISFACTION|90.00|-|-|-|9|10",
            "COMPLAINT_VOLUME|40|50|-10|-20.00|40|-",
            "REPEAT_COMPLAINT_RATE|10.00|0.00|10.00|-|4|40",
            "REGULATOR_ESCALATION_RATE|5.00|0.00|5.00|-|2|40",
            "REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS|1.00|0.00|1.00|-|2|20000",
            "RISK_ANOMALY_RATE|6.25|-|-|-|1|16");

    private static final List<UUID> STAFF_COMPLAINTS = new ArrayList<>();
    private static boolean published;

    @Test
    void theMonthlyTableMatchesTheHandCalculationToTheDigit() {
        publishKnownMonths();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(table("2026-09")).containsExactlyElementsOf(SEPTEMBER_TABLE));
        monthly("2026-09").body("previousMonth", equalTo("2026-08")).body("zone", equalTo("Asia/Shanghai"))
                .body("indicators[1].nameZh", equalTo("万客户有理投诉占比"))
                .body("indicators[1].measures", equalTo(List.of("SUBSTANTIATED", "MANUAL_CALLS")));
    }

    @Test
    void aMonthWithoutDataHasUndefinedRatesNotZeros() {
        assertThat(table("2020-01")).contains("TICKET_ACCURACY_RATE|-|-|-|-|0|0", "COMPLAINT_VOLUME|0|0|0|-|0|-",
                "VALID_COMPLAINTS_PER_10K_CALLS|-|-|-|-|0|0", "REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS|-|-|-|-|0|-");
    }

    @Test
    void theTableAsCsvHasBilingualHeaders() {
        awaitSeptember();
        String csv = given().queryParam("province", GD).queryParam("month", "2026-09").accept("text/csv")
                .when().get("/api/v1/indicators/monthly").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("indicators-GD-2026-09.csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFF代码 Code,指标 Indicator (中文),Indicator (English),")
                .contains("本月 2026-09 Current,上月 2026-08 Previous,差值 Difference,环比 Change %");
        assertThat(lines).contains(
                "VALID_COMPLAINTS_PER_10K_CALLS,万客户有理投诉占比,Valid complaints per 10k calls,每万话务 per 10k calls,"
                        + "是 yes,0.17,0.37,-0.20,-54.05,17,1000000",
                "FOLLOW_UP_SATISFACTION,回访满意度,Follow-up satisfaction,% %,是 yes,90.00,,,,9,10");
        given().queryParam("province", GD).queryParam("month", "2026-09").queryParam("format", "csv")
                .when().get("/api/v1/indicators/monthly").then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void theTableAsAnExcelWorkbook() throws IOException {
        awaitSeptember();
        byte[] xlsx = given().queryParam("province", GD).queryParam("month", "2026-09").queryParam("format", "xlsx")
                .when().get("/api/v1/indicators/monthly").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(1).getCellText(0)).isEqualTo("代码 Code");
            assertThat(rows.get(1).getCellText(8)).isEqualTo("环比 Change %");
            Row per10k = rows.get(3);
            assertThat(per10k.getCellText(0)).isEqualTo("VALID_COMPLAINTS_PER_10K_CALLS");
            assertThat(per10k.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo("0.17");
            assertThat(per10k.getCellAsNumber(8).orElseThrow()).isEqualByComparingTo("-54.05");
            assertThat(per10k.getCellAsNumber(10).orElseThrow()).isEqualByComparingTo("1000000");
        }
    }

    @Test
    void groupedByCityEachCityDividesByItsOwnCalls() {
        awaitSeptember();
        // Shenzhen 10 / 600,000 calls = 0.1666.. -> 0.17; Guangzhou 7 / 400,000 = 0.175 -> 0.18 (HALF_UP)
        given().config(DECIMALS).queryParam("province", GD).queryParam("groupBy", "city").queryParam("from", "2026-09")
                .when().get("/api/v1/indicators").then().statusCode(200)
                .body("groupBy", equalTo("CITY"))
                .body("points.find { it.group == 'Shenzhen' }.indicators[1].value", equalTo(new BigDecimal("0.17")))
                .body("points.find { it.group == 'Guangzhou' }.indicators[1].value", equalTo(new BigDecimal("0.18")))
                .body("points.find { it.group == 'Guangzhou' }.indicators[1].denominator", equalTo(400000))
                // only the whole province has a customer base
                .body("points.find { it.group == 'Guangzhou' }.indicators.find { it.code == "
                        + "'REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS' }.value", equalTo(null));
    }

    @Test
    void groupedByTeamDaily() {
        awaitSeptember();
        // team-A: c0..c9 all first contact; team-B: c10..c19, first contact c10..c15 minus reopened c15
        ValidatableResponse series = given().config(DECIMALS).queryParam("province", GD).queryParam("groupBy", "TEAM")
                .queryParam("granularity", "day").queryParam("from", "2026-09-06")
                .when().get("/api/v1/indicators").then().statusCode(200);
        series.body("points.find { it.group == 'team-A' }.indicators[3].value", equalTo(new BigDecimal("100.00")))
                .body("points.find { it.group == 'team-B' }.indicators[3].value", equalTo(new BigDecimal("50.00")))
                .body("points.find { it.group == 'team-B' }.previousPeriod", equalTo("2026-09-05"))
                .body("points.find { it.group == 'team-B' }.indicators[1].value", equalTo(null));
    }

    @Test
    void drillDownListsTheComplaintsBehindAFigure() {
        awaitSeptember();
        List<String> ids = given().queryParam("province", GD).queryParam("measure", "staff_substantiated")
                .queryParam("period", "2026-09").when().get("/api/v1/indicators/complaints").then().statusCode(200)
                .body("total", equalTo(3)).body("truncated", equalTo(false))
                .extract().jsonPath().getList("complaintIds", String.class);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(STAFF_COMPLAINTS.stream().map(UUID::toString).toList());
        given().queryParam("province", GD).queryParam("measure", "SUBSTANTIATED").queryParam("period", "2026-09")
                .queryParam("city", "Guangzhou").queryParam("limit", 5)
                .when().get("/api/v1/indicators/complaints").then().statusCode(200)
                .body("total", equalTo(7)).body("truncated", equalTo(true)).body("complaintIds.size()", equalTo(5));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        problem(given().queryParam("province", GD).queryParam("month", "2026-9"), "/api/v1/indicators/monthly", "month");
        problem(given().queryParam("province", "guangdong").queryParam("month", "2026-09"),
                "/api/v1/indicators/monthly", "province");
        problem(given().queryParam("month", "2026-09"), "/api/v1/indicators/monthly", "province");
        problem(given().queryParam("province", GD).queryParam("month", "2026-09").queryParam("format", "pdf"),
                "/api/v1/indicators/monthly", "format");
        problem(given().queryParam("province", GD).queryParam("groupBy", "planet").queryParam("from", "2026-09"),
                "/api/v1/indicators", "groupBy");
        problem(given().queryParam("province", GD).queryParam("granularity", "day").queryParam("from", "2026-09"),
                "/api/v1/indicators", "from");
        problem(given().queryParam("province", GD).queryParam("from", "2026-09").queryParam("to", "2026-08"),
                "/api/v1/indicators", "to");
        problem(given().queryParam("province", GD).queryParam("measure", "MANUAL_CALLS").queryParam("period", "2026-09"),
                "/api/v1/indicators/complaints", "measure");
        given().contentType("application/json").body("{\"province\":\"GD\",\"date\":\"2026-09-01\",\"manualCalls\":-1}")
                .when().post("/api/v1/call-volumes").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("manualCalls"));
        customerBaseRefused("{\"province\":\"GD\",\"month\":\"2026-13\",\"customers\":1000}", "month");
        customerBaseRefused("{\"province\":\"GD\",\"month\":\"2026-09\",\"customers\":0}", "customers");
        customerBaseRefused("{\"month\":\"2026-09\",\"customers\":1000}", "province");
        customerBaseRefused("{\"province\":\"GD\",\"month\":\"2026-09\",\"customers\":\"many\"}", "customers");
        problem(given().queryParam("province", GD).queryParam("from", "2026-09").queryParam("to", "2026-01"),
                "/api/v1/customer-bases", "to");
        problem(given().queryParam("province", GD), "/api/v1/customer-bases", "from");
    }

    @Test
    void customerBasesAreListedByMonthTheLatestReportWinning() {
        awaitSeptember();
        given().queryParam("province", GD).queryParam("from", "2026-07").queryParam("to", "2026-10")
                .when().get("/api/v1/customer-bases").then().statusCode(200)
                .body("month", equalTo(List.of("2026-08", "2026-09")))
                .body("customers", equalTo(List.of(19_000, 20_000)));
    }

    private static void customerBaseRefused(String body, String field) {
        given().contentType("application/json").body(body).when().post("/api/v1/customer-bases").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(field));
    }

    private static void problem(io.restassured.specification.RequestSpecification request, String path, String field) {
        request.when().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
    }

    private static ValidatableResponse monthly(String month) {
        return given().config(DECIMALS).queryParam("province", GD).queryParam("month", month)
                .when().get("/api/v1/indicators/monthly").then().statusCode(200).contentType("application/json");
    }

    /** The table as lines code|value|previous|difference|change|numerator|denominator, '-' for null. */
    private static List<String> table(String month) {
        List<Map<String, Object>> rows = monthly(month).extract().jsonPath(JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).getList("indicators");
        return rows.stream().map(r -> List.of("code", "value", "previous", "difference", "change", "numerator",
                "denominator").stream().map(k -> r.get(k) == null ? "-" : text(r.get(k)))
                .collect(Collectors.joining("|"))).toList();
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : Objects.toString(value);
    }

    private static void awaitSeptember() {
        publishKnownMonths();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> table("2026-09").equals(SEPTEMBER_TABLE));
    }

    private static synchronized void publishKnownMonths() {
        if (published) {
            return;
        }
        published = true;
        try (EventPublisher events = new EventPublisher(ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class))) {
            publishAugust(events);
            publishSeptember(events);
        }
    }

    /** 50 complaints, 37 resolved substantiated (5 staff), 2 ticket errors, 1,000,000 calls. */
    private static void publishAugust(EventPublisher events) {
        Instant received = Instant.parse("2026-08-10T02:00:00Z");
        for (int i = 0; i < 50; i++) {
            ReportingEvents c = new ReportingEvents(GD);
            events.publish(c.received("Shenzhen", "HOTLINE", false, received));
            if (i < 37) {
                // the last one at 23:59:59 on 31 August in Shanghai: still August
                Instant at = i == 36 ? Instant.parse("2026-08-31T15:59:59Z") : Instant.parse("2026-08-11T02:00:00Z");
                events.publish(c.resolved(true, i < 5 ? "STAFF" : "PROCESS", true, at));
            }
            if (i < 2) {
                events.publish(c.ticketError(Instant.parse("2026-08-20T02:00:00Z")));
            }
        }
        // a first report, then the corrected one for the same day replaces it
        postCalls("2026-08-15", 900_000);
        postCalls("2026-08-15", 1_000_000);
        postCustomers("2026-08", 19_000);
    }

    /** 40 complaints (2 regulator, 4 repeats); 20 resolved; see SEPTEMBER_TABLE. */
    private static void publishSeptember(EventPublisher events) {
        Instant received = Instant.parse("2026-09-05T02:00:00Z");
        Instant resolved = Instant.parse("2026-09-06T02:00:00Z");
        for (int i = 0; i < 40; i++) {
            ReportingEvents c = new ReportingEvents(GD);
            // 00:30 on 1 September in Shanghai, still 31 August in UTC
            Instant at = i == 0 ? Instant.parse("2026-08-31T16:30:00Z") : received;
            String city = (i >= 10 && i <= 16) || i >= 30 ? "Guangzhou" : "Shenzhen";
            String channel = i == 34 || i == 35 ? "REGULATOR" : "HOTLINE";
            EventEnvelope receivedEvent = c.received(city, channel, i >= 36, at);
            boolean outOfOrder = i >= 17 && i <= 19;
            if (!outOfOrder) {
                events.publish(receivedEvent);
            }
            if (i < 20) {
                EventEnvelope assignment = c.assigned(i < 10 ? "agent-1" : "agent-2", i < 10 ? "team-A" : "team-B", at);
                EventEnvelope resolution = c.resolved(i < 17, i < 3 ? "STAFF" : i < 17 ? "PROCESS" : "NONE", i < 16,
                        i == 0 ? Instant.parse("2026-08-31T16:45:00Z") : resolved);
                // out of order: the resolution is the first event seen of the complaint
                events.publish(outOfOrder ? resolution : assignment);
                events.publish(outOfOrder ? assignment : resolution);
                events.publish(resolution); // a redelivery
                if (i < 3) {
                    STAFF_COMPLAINTS.add(c.id());
                }
            }
            if (outOfOrder) {
                events.publish(receivedEvent); // after its resolution
            }
            if (i == 15) {
                events.publish(c.reopened(Instant.parse("2026-09-07T02:00:00Z")));
            }
            if (i == 18 || i == 19) {
                EventEnvelope breach = c.breached("RESOLUTION", Instant.parse("2026-09-06T01:00:00Z"));
                events.publish(breach);
                events.publish(breach);
            }
            if (i == 1) {
                events.publish(c.breached("FIRST_RESPONSE", Instant.parse("2026-09-05T03:00:00Z")));
            }
            if (i < 10) {
                events.publish(c.followedUp(i < 9, Instant.parse("2026-09-08T02:00:00Z")));
            }
            if (i == 5) {
                events.publish(c.ticketError(Instant.parse("2026-09-12T02:00:00Z")));
            }
            if (i < 16) {
                events.publish(c.inspected(Instant.parse("2026-09-15T02:00:00Z")));
            }
            if (i == 3) {
                events.publish(c.riskHit(Instant.parse("2026-09-15T03:00:00Z")));
            }
        }
        // 1 October 00:30 in Shanghai: not September
        events.publish(new ReportingEvents(GD).received("Shenzhen", "HOTLINE", false,
                Instant.parse("2026-09-30T16:30:00Z")));
        LocalDate day = LocalDate.of(2026, 9, 10);
        Instant t0 = Instant.parse("2026-09-11T01:00:00Z");
        events.publish(ReportingEvents.callVolume(GD, day, "Shenzhen", 600_000, t0.plusSeconds(60)), GD);
        events.publish(ReportingEvents.callVolume(GD, day, "Guangzhou", 300_000, t0.plusSeconds(60)), GD);
        events.publish(ReportingEvents.callVolume(GD, day, "Guangzhou", 400_000, t0.plusSeconds(120)), GD);
        // an older report arriving late does not replace the newer one
        events.publish(ReportingEvents.callVolume(GD, day, "Guangzhou", 350_000, t0), GD);
        // 2 regulator complaints among 20,000 customers (the corrected report): 1.00 per 10k customers
        postCustomers("2026-09", 25_000);
        postCustomers("2026-09", 20_000);
    }

    private static void postCustomers(String month, long customers) {
        given().contentType("application/json")
                .body(Map.of("province", GD, "month", month, "customers", customers))
                .when().post("/api/v1/customer-bases").then().statusCode(200)
                .body("month", equalTo(month)).body("customers", equalTo((int) customers));
    }

    private static void postCalls(String date, long calls) {
        given().contentType("application/json")
                .body(Map.of("province", GD, "date", date, "manualCalls", calls))
                .when().post("/api/v1/call-volumes").then().statusCode(200)
                .body("manualCalls", equalTo((int) calls)).body("city", equalTo(null));
    }
}
