package cn.youfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, as a person would use the pages: phone and desktop
 * screenshots in {@code target/screenshots/}, axe-core run in the page, CSP violations read from the console.
 * Fails, never skips, when Chromium, chromedriver or axe-core is missing (see the README).
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("youfu.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    static final Path AXE = Path.of(System.getProperty("youfu.axe",
            "target/axe/node_modules/axe-core/axe.min.js"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Dimension PHONE = new Dimension(360, 800);
    static final Dimension DESKTOP = new Dimension(1280, 900);

    private final ChromeDriver driver;
    private final String base;
    private final String axe;
    private final Path profile;

    Browser(int port) throws IOException {
        assertThat(Path.of(CHROMIUM)).as("Chromium is needed: apt-get install chromium chromium-driver")
                .isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as("chromedriver is needed: apt-get install chromium-driver")
                .isExecutable();
        assertThat(AXE).as("axe-core is needed: npm install --prefix target/axe axe-core@4").isRegularFile();
        this.axe = Files.readString(AXE, StandardCharsets.UTF_8);
        this.profile = Files.createTempDirectory("youfu-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--lang=zh-CN", "--user-data-dir=" + profile,
                "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.base = "http://localhost:" + port;
        Files.createDirectories(SCREENSHOTS);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        var field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses a file in a file input, as a person picking it from their phone or computer. */
    void upload(String css, Path file) {
        driver.findElement(By.cssSelector(css)).sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * Clicks a link or a form's button, and waits until the browser has left the page (every click in these
     * journeys navigates), so that what is read next is the new page, not the old one being replaced.
     */
    void click(String css) {
        driver.executeScript("window.youfuLeaving = true"); // a mark only this page has
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class) // mid-navigation
                .until(d -> !Boolean.TRUE.equals(driver.executeScript("return window.youfuLeaving === true")));
    }

    void signIn(String username) {
        open("/login");
        type("#username", username);
        type("#password", "youfu-demo");
        click("form button[type=submit].primary");
    }

    /** Signs out and waits until the page no longer offers to sign out (the session is gone). */
    void signOut() {
        click("header form[action$='/logout'] button");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("header form[action$='/logout']")));
    }

    /**
     * Checks the page as it is: axe-core (WCAG 2.1 A/AA rules) at phone and desktop width, no serious or critical
     * violation, no CSP violation in the console; saves {@code <name>-phone.png} and {@code <name>-desktop.png}.
     */
    void check(String name) {
        for (var size : List.of(PHONE, DESKTOP)) {
            driver.manage().window().setSize(size);
            var width = size == PHONE ? "phone" : "desktop";
            if (size == PHONE) {
                assertThat(((Number) driver.executeScript(
                        "return document.documentElement.scrollWidth")).intValue())
                        .as("%s fits 360 px without sideways scrolling", name).isLessThanOrEqualTo(size.width);
            }
            save(name + "-" + width);
            assertThat(axeViolations()).as("axe-core serious or critical violations on %s (%s)", name, width)
                    .isEmpty();
        }
        var console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(Object::toString).filter(line -> line.contains("Content Security Policy")).toList();
        assertThat(console).as("CSP violations on %s", name).isEmpty();
    }

    void save(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> axeViolations() {
        driver.executeScript(axe);
        var found = (List<Map<String, Object>>) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                    'best-practice']}, resultTypes: ['violations']})
                  .then(function (r) { done(r.violations.map(function (v) {
                    return {id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.map(function (n) { return n.target.join(' '); }).join(' | ')}; })); })
                  .catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: ''}]); });
                """);
        return found.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
                .toList();
    }

    /** Fetches a URL in the page with its session; returns the status, content type and the first bytes. */
    String fetchHead(String href) {
        return (String) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {
                  return r.arrayBuffer().then(function (b) {
                    done(r.status + ' ' + r.headers.get('content-type') + ' '
                         + String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5))));
                  });
                }).catch(function (e) { done('failed ' + e); });
                """, href);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
