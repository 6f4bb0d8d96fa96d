package io.tousu.intake;

import static io.restassured.RestAssured.given;
import static io.tousu.intake.IntakeApi.act;
import static io.tousu.intake.IntakeApi.actor;
import static io.tousu.intake.IntakeApi.freshMsisdn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer tracker page (/track) in a real headless Chromium (Debian's chromium and
 * chromium-driver packages; nothing is downloaded): look up a complaint created through the API,
 * urge it, add information, and check through the API that intake recorded both; also the English
 * switch, the error messages, suggestions and the follow-up answer. Phone-sized (390x844)
 * screenshots are build artifacts: target/tracker-timeline.png (Chinese) and -en.png,
 * target/tracker-follow-up-{en,zh}.png, target/tracker-too-many-en.png. Chromium missing fails
 * the test (never a skip): install the chromium and chromium-driver packages.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class TrackerPageBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String AGENT = actor("A1024", "agent", "GZ-FRONT-3");

    private static Path profile;
    private static ChromeDriverService service;
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource database;

    /** Every call of this test names its caller (a token) itself: no default token. */
    @BeforeEach
    void noDefaultToken() {
        RestAssured.requestSpecification = null;
    }

    /**
     * Failed look-ups are also limited per client address, and every test calls from 127.0.0.1:
     * forget them before and after each test, so that other tests' failures do not lock this one
     * out and this one's (five, to reach the ticket's limit) count against no other.
     */
    @BeforeEach
    @AfterEach
    void forgetFailedLookUps() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from tracking_failures");
        }
    }

    @BeforeAll
    static void startChromium() throws IOException {
        for (File f : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!f.canExecute()) {
                fail(f + " is missing: the tracker page is tested in Debian's headless Chromium; install it with "
                        + "`apt-get update && apt-get install -y chromium chromium-driver`");
            }
        }
        profile = Files.createTempDirectory("tousu-chromium-");
        Files.createDirectories(Path.of("target"));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=390,844", "--lang=zh-CN");
        try {
            browser = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // a phone's viewport (desktop windows have a minimum width)
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteProfile();
        }
    }

    private static void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Submits a complaint (as an agent taking a call); returns {id, ticketNo, msisdn}. */
    private static String[] complaint(String description) {
        String msisdn = freshMsisdn();
        var response = given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body(IntakeApi.complaintJson("APP", msisdn, "DATA_USAGE_DISPUTE", description))
                .post("/api/v1/complaints").then().statusCode(201).extract();
        return new String[] {response.path("id"), response.path("ticketNo"), msisdn};
    }

    private String page(String pathAndQuery) {
        return root.toString().replaceAll("/$", "") + pathAndQuery;
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private static WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    /** Waits for a message in the live region next to the actions. */
    private static void waitForActionStatus(String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-status"), text));
    }

    private static void lookUp(String ticket, String digits) {
        WebElement ticketInput = byId("ticket");
        ticketInput.clear();
        ticketInput.sendKeys(ticket);
        WebElement digitsInput = byId("digits");
        digitsInput.clear();
        digitsInput.sendKeys(digits, Keys.ENTER); // the keyboard submits the form
    }

    @Test
    void theCustomerFollowsUrgesAndAddsInformation() throws IOException {
        String[] c = complaint("my data ran out in two days");
        String id = c[0];
        String ticket = c[1];
        String digits = c[2].substring(c[2].length() - 4);
        act(id, "assign", AGENT, "\"ownerId\":\"A1024\",\"ownerName\":\"Li Na\",\"teamId\":\"GZ-FRONT-3\","
                + "\"office\":\"FRONT\"").statusCode(200);
        act(id, "promises", AGENT, "\"kind\":\"CALL_BACK\",\"dueAt\":\""
                + Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES) + "\"").statusCode(201);

        // Chinese by default; /track (no slash) reaches the page
        browser.get(page("/track"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket")));
        assertThat(browser.getCurrentUrl()).contains("/track");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.cssSelector("label[for=ticket]")).getText()).isEqualTo("投诉单号");

        lookUp(ticket.toLowerCase(), digits); // typed in lower case: the page normalises it
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertThat(byId("result-ticket").getText()).isEqualTo(ticket);
        List<WebElement> stages = browser.findElements(By.cssSelector("#timeline li"));
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0).findElement(By.className("stage")).getText()).isEqualTo("已受理");
        assertThat(stages.get(0).findElement(By.tagName("time")).getText()).isNotBlank();
        assertThat(stages.get(1).findElement(By.className("stage")).getText()).isEqualTo("处理中");
        assertThat(stages.get(1).getAttribute("aria-current")).isEqualTo("step");
        assertThat(byId("current-stage").getText()).isEqualTo("处理中");
        assertThat(byId("next-text").getText()).isEqualTo("专人正在处理您的投诉。");
        assertThat(byId("next-due").getText()).startsWith("预计在");
        assertThat(byId("followup-form").isDisplayed()).isFalse();

        // urge: counted, then the button is disabled with an explanation
        WebElement urge = byId("urge");
        assertThat(urge.isEnabled()).isTrue();
        urge.click();
        waitForActionStatus("已收到您的催单");
        assertThat(byId("urge").isEnabled()).isFalse();
        assertThat(byId("urge-note").getText()).contains("刚刚催过单").contains("1 次");

        // add information
        browser.findElement(By.cssSelector("#info-box > summary")).click();
        WebElement info = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("info-text")));
        info.sendKeys("2026年11月20日又出现了一次");
        byId("info-submit").click();
        waitForActionStatus("您补充的信息已提交");

        // nothing personal on screen beyond what the customer typed; no cookies
        String source = browser.getPageSource();
        assertThat(source).doesNotContain(c[2]).doesNotContain("Li Na").doesNotContain("my data ran out")
                .doesNotContain("A1024");
        assertThat(browser.manage().getCookies()).isEmpty();

        saveTimelineScreenshot(Path.of("target/tracker-timeline.png"));

        // the switch re-renders the timeline in English in place
        byId("lang-switch").click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(browser.getCurrentUrl()).endsWith("/track/?lang=en");
        assertThat(browser.findElements(By.cssSelector("#timeline .stage"))).extracting(WebElement::getText)
                .containsExactly("Received", "Being handled");
        assertThat(byId("next-due").getText()).startsWith("Expected by");
        assertThat(byId("urge-note").getText()).contains("You urged a moment ago");
        saveTimelineScreenshot(Path.of("target/tracker-timeline-en.png"));

        // intake recorded both, by the customer
        given().auth().oauth2(AGENT).get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("urgeCount", equalTo(1))
                .body("history.action", hasItems("URGE", "ADD_INFORMATION"))
                .body("history.find { it.action == 'ADD_INFORMATION' }.actorRole", equalTo("CUSTOMER"))
                .body("history.find { it.action == 'URGE' }.actorRole", equalTo("CUSTOMER"));
    }

    @Test
    void englishWrongDigitsInvalidInputAndRateLimitingAreExplained() throws IOException {
        String[] c = complaint("calls drop at home");
        String ticket = c[1];
        String digits = c[2].substring(c[2].length() - 4);
        String wrong = digits.equals("0000") ? "1111" : "0000";

        // /track?lang=en keeps the language through the redirect to /track/
        browser.get(page("/track?lang=en"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket")));
        assertThat(browser.getCurrentUrl()).endsWith("/track/?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("label[for=digits]")).getText())
                .isEqualTo("Last 4 digits of your phone number");

        // invalid input is explained next to the field, before any call
        lookUp("GD123", "12a");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-error"), "2 letters and 14"));
        assertThat(byId("digits-error").getText()).contains("last 4 digits");
        assertThat(byId("ticket").getAttribute("aria-invalid")).isEqualTo("true");

        // wrong digits: the same message as an unknown ticket
        lookUp(ticket, wrong);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "found no complaint"));
        assertThat(byId("result").isDisplayed()).isFalse();

        // after five failures even the right digits wait
        for (int i = 0; i < 4; i++) {
            browser.executeScript("document.getElementById('alert').textContent = ''");
            lookUp(ticket, wrong);
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "found no complaint"));
        }
        lookUp(ticket, digits);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "Too many attempts"));
        assertThat(byId("alert").getText()).contains("15 minutes");
        saveTimelineScreenshot(Path.of("target/tracker-too-many-en.png"));

        // the switch changes the language in place and remembers it only in the URL
        byId("lang-switch").click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        assertThat(browser.getCurrentUrl()).endsWith("/track/");
        assertThat(browser.findElement(By.cssSelector("label[for=digits]")).getText()).isEqualTo("手机号码后四位");
        byId("lang-switch").click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(browser.getCurrentUrl()).endsWith("/track/?lang=en");
        assertThat(browser.manage().getCookies()).isEmpty();
    }

    @Test
    void theCustomerLeavesASuggestionAndAnswersTheFollowUp() throws IOException {
        String[] c = complaint("the bill shows a roaming fee");
        String id = c[0];
        act(id, "assign", AGENT, "\"ownerId\":\"A1024\",\"teamId\":\"GZ-FRONT-3\",\"office\":\"FRONT\"")
                .statusCode(200);
        act(id, "resolve", AGENT, "\"substantiated\":true,\"responsibility\":\"SYSTEM\",\"resolutionCode\":\"REFUND\","
                + "\"summary\":\"refunded\"").statusCode(200);

        browser.get(page("/track/?lang=en"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket")));
        lookUp(c[1], c[2].substring(c[2].length() - 4));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("followup-form")));
        assertThat(byId("current-stage").getText()).isEqualTo("Resolved, follow-up next");
        assertThat(byId("urge").isEnabled()).isFalse();
        assertThat(byId("urge-note").getText()).contains("no need to urge");
        assertThat(byId("info-box").isDisplayed()).isFalse(); // information only while it is being handled
        saveTimelineScreenshot(Path.of("target/tracker-follow-up-en.png"));
        byId("lang-switch").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-stage"), "已处理，待回访"));
        assertThat(byId("followup-title").getText()).isEqualTo("回访：请告诉我们处理结果");
        saveTimelineScreenshot(Path.of("target/tracker-follow-up-zh.png"));
        byId("lang-switch").click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));

        browser.findElement(By.cssSelector("#suggest-box > summary")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("suggest-text")))
                .sendKeys("send a text message when the refund is paid");
        byId("suggest-submit").click();
        waitForActionStatus("your suggestion has been sent");

        // the answer needs both choices
        byId("followup-submit").click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("followup-error"), "choose one"));
        browser.findElement(By.cssSelector("input[name=resolved][value=true]")).click();
        browser.findElement(By.cssSelector("input[name=satisfied][value=true]")).click();
        byId("followup-comment").sendKeys("quick and friendly");
        byId("followup-submit").click();
        waitForActionStatus("your answer has been sent");
        assertThat(byId("current-stage").getText()).isEqualTo("Closed");
        assertThat(byId("followup-form").isDisplayed()).isFalse();

        given().auth().oauth2(AGENT).get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("history.action", hasItems("LEAVE_SUGGESTION", "FOLLOW_UP"));
    }

    @Test
    void bothAddressesServeThePage() {
        given().redirects().follow(false).get("/track/").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("track.js"));
        given().get("/track").then().statusCode(200).body(containsString("track.js"));
        given().get("/track/track.js").then().statusCode(200).body(containsString("/api/v1/track/"));
        given().get("/track/track.css").then().statusCode(200);
    }

    /** The whole page at phone width (beyond the viewport), through the DevTools protocol. */
    @SuppressWarnings("unchecked")
    private static void saveTimelineScreenshot(Path file) throws IOException {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                        "height", ((Number) size.get("height")).doubleValue(), "scale", 1)));
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        assertThat(file).isNotEmptyFile();
    }
}
