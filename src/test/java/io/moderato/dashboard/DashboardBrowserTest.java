package io.moderato.dashboard;

import io.moderato.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import static io.moderato.TestKeys.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the dashboard in a real headless Chromium (the Debian packages chromium and chromium-driver, which
 * {@code .ci/run} installs): sign in, filter the queue, approve with the keyboard, reject with the mouse, undo, see
 * the stats, change a threshold with its preview, look at the models and a thread. Screenshots of every page go to
 * {@code target/screenshots/}.
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static WebDriver driver;
    private static Path profile;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: Chromium is not installed (apt-get install -y chromium chromium-driver; .ci/run does it)");
        profile = Files.createTempDirectory("moderato-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static final List<String[]> COMMENTS = List.of(
            new String[]{"t1", "a1", "You are a pathetic idiot and everyone here knows it."},
            new String[]{"t2", "a1", "What a stupid, worthless take from a clueless moron."},
            new String[]{"t3", "a2", "Shut up, you disgusting loser, nobody wants your garbage opinions."},
            new String[]{"t4", "a2", "Only an imbecile would write trash like this, you absolute idiot."},
            new String[]{"t5", "a2", "You idiots at the council are dumb, pathetic clowns."},
            new String[]{"ok1", "a1", "The new bus lanes on Mill Road look sensible to me."},
            new String[]{"ok2", "a2", "Good to hear the bridge repairs should be finished before winter."});

    /**
     * A site that holds toxic and insulting comments from 0.5 and rejects none automatically, so the queue is
     * predictable (the other attributes hold at 0.8, near the defaults: these comments are about the abuse, not the
     * model's edge cases).
     */
    private static String seedSite() {
        String site = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> thresholds = new HashMap<>();
        for (String attribute : List.of("toxicity", "severe_toxicity", "insult", "threat", "identity_attack", "profanity", "sexually_explicit")) {
            Map<String, Object> limit = new HashMap<>();
            limit.put("review", attribute.equals("toxicity") || attribute.equals("insult") ? 0.5 : 0.8);
            limit.put("reject", null);
            thresholds.put(attribute, limit);
        }
        asAdmin().body(Map.of("thresholds", thresholds, "links", "ALLOW")).put("/api/v1/admin/sites/{site}/policy", site)
                .then().statusCode(200);
        for (String[] c : COMMENTS) {
            Map<String, Object> body = new HashMap<>();
            body.put("siteId", site);
            body.put("id", c[0]);
            body.put("article", Map.of("id", c[1], "url", "https://news.example/" + c[1],
                    "title", c[1].equals("a1") ? "Council approves budget" : "Harbour bridge closes for repairs"));
            body.put("author", Map.of("id", "u-" + c[0], "displayName", "Reader " + c[0].toUpperCase()));
            body.put("text", c[2]);
            if (c[0].equals("ok2")) {
                body.put("parentId", "t3");
            }
            asAdmin().body(body).post("/api/v1/comments").then().statusCode(201);
        }
        return site;
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<WebElement> queueItems() {
        return driver.findElements(By.cssSelector("#queue > li.item"));
    }

    private static String status(String site, String id) {
        return asAdmin().get("/api/v1/comments/{site}/{id}", site, id).then().statusCode(200).extract().path("status");
    }

    private static void waitForItems(int count) {
        waiting().until(d -> queueItems().size() == count);
    }

    /** @return true when the page shows statistics; false when it says the server has none (no stats endpoint) */
    private boolean openStats(String site) {
        driver.get(url("/dashboard/stats?site=" + site));
        waiting().until(d -> !d.findElement(By.id("fig-received")).getText().equals("–")
                || d.findElement(By.id("stats-status")).getText().startsWith("No data"));
        if (driver.findElement(By.id("fig-received")).getText().equals("–")) {
            assertTrue(driver.findElement(By.id("stats-status")).getText().contains("not available"),
                    driver.findElement(By.id("stats-status")).getText());
            return false;
        }
        return true;
    }

    @Test
    void aModeratorWorksTheQueueAndAnAdminTunesThePolicy() throws IOException {
        String site = seedSite();
        String desk = "e2e-desk-" + UUID.randomUUID().toString().substring(0, 6);
        String key = TestKeys.create("admin", desk);
        int held = asAdmin().get("/api/v1/queue?siteId={site}", site).then().statusCode(200).extract().path("items.size()");
        assertEquals(5, held, "every toxic comment is held");

        // Sign in
        driver.get(url("/dashboard/queue?site=" + site));
        waiting().until(ExpectedConditions.urlContains("/dashboard/sign-in"));
        driver.findElement(By.id("key")).sendKeys(key);
        screenshot("01-sign-in");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/dashboard/queue"));

        // The stats before any decision (when the statistics endpoint is there; the page says so when it is not)
        boolean statsServed = openStats(site);
        if (statsServed) {
            assertEquals("5", driver.findElement(By.id("fig-queue")).getText(), "five held before the moderator starts");
        }
        driver.get(url("/dashboard/queue?site=" + site));
        waitForItems(5);
        waiting().until(d -> !d.findElements(By.cssSelector("#queue .history strong")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#queue li.item mark.hl")).size() >= 5, "the words behind the scores are highlighted");
        screenshot("02-queue");

        // Filter by article
        WebElement article = driver.findElement(By.id("f-article"));
        article.sendKeys("a2", Keys.TAB);
        waitForItems(3);
        for (WebElement item : queueItems()) {
            assertEquals("Harbour bridge closes for repairs", item.findElement(By.cssSelector("a.article-link")).getText());
        }
        screenshot("03-queue-filtered");

        // Approve with the keyboard: j, k move; a approves the current comment
        String first = queueItems().get(0).getAttribute("data-id");
        new Actions(driver).sendKeys("j").sendKeys("k").perform();
        waiting().until(d -> queueItems().get(0).getAttribute("class").contains("current")
                && queueItems().get(0).equals(d.switchTo().activeElement()));
        new Actions(driver).sendKeys("a").perform();
        waitForItems(2);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Approved"));
        assertEquals("APPROVED", status(site, first));
        asAdmin().get("/api/v1/comments/{site}/{id}", site, first).then().body("decidedBy", equalTo(desk));
        screenshot("04-approved-with-undo-toast");

        // Reject with the mouse
        String second = queueItems().get(0).getAttribute("data-id");
        queueItems().get(0).findElement(By.cssSelector("button.reject")).click();
        waitForItems(1);
        assertEquals("REJECTED", status(site, second));

        // Undo the rejection from its toast
        waiting().until(d -> !d.findElements(By.xpath("//div[@id='toasts']//div[contains(., 'Rejected')]/button[.='Undo']")).isEmpty());
        driver.findElement(By.xpath("//div[@id='toasts']//div[contains(., 'Rejected')]/button[.='Undo']")).click();
        waitForItems(2);
        assertEquals("REVIEW", status(site, second));

        // New comments appear without a reload
        Map<String, Object> late = new HashMap<>(Map.of("siteId", site, "id", "late", "text", "You utter moron, this is the dumbest article ever.",
                "article", Map.of("id", "a2", "title", "Harbour bridge closes for repairs"), "author", Map.of("id", "u-late", "displayName", "Late Reader")));
        asAdmin().body(late).post("/api/v1/comments").then().statusCode(201).body("status", equalTo("REVIEW"));
        waitForItems(3);

        // Bulk: select two with x and reject them together
        new Actions(driver).sendKeys("x").sendKeys("j").sendKeys("x").perform();
        waiting().until(ExpectedConditions.textToBe(By.id("selected-count"), "2 selected"));
        screenshot("05-queue-bulk-selection");
        driver.findElement(By.id("bulk-reject")).click();
        waitForItems(1);
        long rejected = COMMENTS.stream().map(c -> c[0]).filter(id -> id.startsWith("t")).map(id -> status(site, id))
                .filter("REJECTED"::equals).count() + ("REJECTED".equals(status(site, "late")) ? 1 : 0);
        assertEquals(2, rejected);

        // A comment decided by another moderator leaves the list by itself
        String remaining = queueItems().get(0).getAttribute("data-id");
        TestKeys.as(TestKeys.create("moderator", desk + "-other")).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/comments/{site}/{id}/decision", site, remaining).then().statusCode(200);
        waitForItems(0);
        assertTrue(driver.findElement(By.id("queue-empty")).isDisplayed());

        // Help overlay
        new Actions(driver).sendKeys("?").perform();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("help")));
        screenshot("06-keyboard-help");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("help")));

        // The article's thread, replies nested
        driver.get(url("/dashboard/articles/" + site + "/a2?site=" + site));
        waiting().until(d -> d.findElements(By.cssSelector("#thread li.item")).size() == 5);
        assertEquals(1, driver.findElements(By.cssSelector("#thread li.item ol.thread li.item")).size(), "the reply sits under its parent");
        assertEquals("Harbour bridge closes for repairs", driver.findElement(By.id("article-title")).getText());
        screenshot("07-article-thread");

        // The stats have changed with the decisions
        assertEquals(statsServed, openStats(site));
        if (statsServed) {
            assertEquals("8", driver.findElement(By.id("fig-received")).getText());
            assertEquals("2", driver.findElement(By.id("fig-queue")).getText(), "two approved, two rejected");
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("moderators"), desk));
        }
        driver.manage().window().setSize(new Dimension(1280, 1500));   // the whole page, tables included
        screenshot("08-stats");
        driver.manage().window().setSize(new Dimension(1280, 1000));

        // Policy: a threshold change previews its effect on the queue, then saves
        driver.get(url("/dashboard/policy?site=" + site));
        waiting().until(d -> d.findElement(By.id("review-toxicity")).getAttribute("value").equals("0.5")
                && !d.findElement(By.id("preview-held")).getText().equals("–"));
        assertEquals("2", driver.findElement(By.id("preview-held")).getText(), "the two comments still held");
        assertEquals("0", driver.findElement(By.id("preview-rejected")).getText());
        for (String attribute : List.of("toxicity", "insult")) {
            WebElement reject = driver.findElement(By.id("reject-" + attribute));
            reject.clear();
            reject.sendKeys("0.5");
        }
        waiting().until(d -> !d.findElement(By.id("preview-rejected")).getText().equals("0"));
        assertEquals(2, Integer.parseInt(driver.findElement(By.id("preview-held")).getText())
                + Integer.parseInt(driver.findElement(By.id("preview-rejected")).getText())
                + Integer.parseInt(driver.findElement(By.id("preview-approved")).getText()));
        screenshot("09-policy-preview");
        driver.findElement(By.id("save-policy")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-state"), "Saved"));
        asAdmin().get("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200)
                .body("policy.thresholds.toxicity.reject", equalTo(0.5f)).body("updatedBy", equalTo(desk));

        // Models: versions, the live one, its report; the jobs with their progress; a site's bundle with the
        // evaluation gate's report and the bias table
        String importJob = io.restassured.RestAssured.given().header("Authorization", "Bearer " + io.moderato.TestKeys.ADMIN)
                .multiPart("file", "history.tsv", "text\ttoxic\nyou clown\t1\nnice photo\t0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .multiPart("mapping", "{\"format\": \"tsv\", \"text\": \"text\", \"labels\": {\"toxicity\": {\"column\": \"toxic\"}}}", "application/json")
                .post("/api/v1/admin/sites/{site}/labels:import", site).then().statusCode(202).extract().path("jobId");
        io.moderato.Jobs.finished(importJob);
        Path siteBundle = io.moderato.training.WorseBundles.writeSiteCopy(site);
        try {
            driver.get(url("/dashboard/models"));
            waiting().until(d -> d.findElements(By.cssSelector("#report-table tbody tr")).size() == 7);
            assertEquals(1, driver.findElements(By.cssSelector("#model-list .live")).size());
            waiting().until(d -> !d.findElements(By.cssSelector("#jobs-table tbody tr.job.succeeded progress")).isEmpty());
            screenshot("10-models");
            driver.findElements(By.cssSelector("#model-list button")).stream()
                    .filter(b -> b.getText().contains(site)).findFirst().orElseThrow().click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("gate-verdict"), "Passed"));
            List<WebElement> gateRows = driver.findElements(By.cssSelector("#gate-table tbody tr"));
            assertTrue(gateRows.get(0).getText().startsWith("toxicity"), gateRows.get(0).getText());
            waiting().until(d -> d.findElements(By.cssSelector("#bias-table tbody tr")).size() >= 2);
            assertTrue(driver.findElement(By.id("bias-summary")).getText().contains("BPSN"));
            screenshot("10b-models-gate-and-bias");
        } finally {
            try (var files = Files.walk(siteBundle)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }

        // A phone-sized screen
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/dashboard/queue?site=" + site));
        waitForItems(2);
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, "no sideways scrolling on a phone, overflow " + overflow + " px");
        screenshot("11-queue-phone");
        driver.manage().window().setSize(new Dimension(1280, 1000));

        // No script errors on any page (failed requests are logged too; the pages handle those and show it)
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("Failed to load resource")).toList();
        assertTrue(errors.isEmpty(), "browser errors: " + errors);

        // Sign out
        driver.findElement(By.cssSelector("form.signout button")).click();
        waiting().until(ExpectedConditions.urlContains("/dashboard/sign-in"));
        assertTrue(driver.findElement(By.cssSelector("[role=status]")).getText().contains("signed out"));
        driver.get(url("/dashboard/queue"));
        waiting().until(ExpectedConditions.urlContains("/dashboard/sign-in"));
    }
}
