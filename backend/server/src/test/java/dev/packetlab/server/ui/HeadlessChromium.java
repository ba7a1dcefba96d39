package dev.packetlab.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver: the browser harness
 * of PacketLab's UI tests (docs/testing.md shows how to write one).
 *
 * <p>The browser and the driver are given to Selenium by path, so Selenium Manager never tries to
 * download either. When they are missing the test is skipped, except under CI ({@code CI=true}),
 * where a missing browser is a broken machine set-up and fails the test.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(envOr("PACKETLAB_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(envOr("PACKETLAB_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** Flags that make Debian's Chromium run headless in a container, quietly and offline. */
    static final List<String> FLAGS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            // A fixed browser language and window keep pages (and screenshots) the same on every machine.
            "--lang=en-US", "--accept-lang=en-US", "--window-size=1280,900");

    private static final Duration WAIT = Duration.ofSeconds(15);

    /**
     * Debian ships a newer Chromium than Selenium's DevTools bindings know; the tests speak
     * WebDriver, not CDP, so the "no exact CDP match" warning is noise. (Held so it is not collected.)
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts a browser with a fresh profile, or skips (fails under CI) the test if none is installed. */
    public static HeadlessChromium start() {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("packetlab-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        List<String> args = new ArrayList<>(FLAGS);
        args.add("--user-data-dir=" + profile);
        options.addArguments(args);
        // keeps the page's console so tests can assert it logged no error
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new HeadlessChromium(profile, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            deleteRecursively(profile);
            throw e;
        }
    }

    private static void requireInstalled() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(path -> !Files.isExecutable(path))
                .map(Path::toString)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "browser test needs " + String.join(" and ", missing)
                + " (Debian packages chromium and chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " but it is missing: run ./test, which installs them");
        }
        Assumptions.abort(message + "; skipped because it is missing (./test installs it)");
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** The element with {@code data-testid=testId}, once it is visible. */
    public WebElement find(String testId) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(byTestId(testId)));
    }

    /**
     * Clicks the element with {@code data-testid=testId}, finding it again if the page redrew it between being found
     * and being clicked (a panel re-rendered by the click before, say).
     */
    public void click(String testId) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "[data-testid=" + testId + "] to be clicked")
                .ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class)
                .until(d -> {
                    d.findElement(byTestId(testId)).click();
                    return true;
                });
    }

    /** Waits until the element with {@code data-testid=testId} shows exactly {@code text}. */
    public void waitForText(String testId, String text) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "[data-testid=" + testId + "] to read \"" + text + "\"")
                .until(d -> text.equals(d.findElement(byTestId(testId)).getText()));
    }

    /** The {@code data-testid}s of the elements inside {@code parent} whose test id starts with {@code prefix}. */
    public List<String> testIdsWithin(WebElement parent, String prefix) {
        return parent.findElements(By.cssSelector("[data-testid^='" + prefix + "']")).stream()
                .map(element -> element.getDomAttribute("data-testid"))
                .toList();
    }

    /** Waits until the element with {@code data-testid=testId} shows text containing {@code text}; returns its text. */
    public String waitForTextContaining(String testId, String text) {
        return new WebDriverWait(driver, WAIT)
                .withMessage(() -> "[data-testid=" + testId + "] to contain \"" + text + "\"; it reads \""
                        + textOrMissing(testId) + "\"")
                .until(d -> {
                    String shown = d.findElement(byTestId(testId)).getText();
                    return shown.contains(text) ? shown : null;
                });
    }

    /** Waits until {@code condition} gives a value other than null or false, for up to {@code seconds}. */
    public <T> T waitUntil(String what, int seconds, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).withMessage(what).until(condition);
    }

    /** Whether an element with {@code data-testid=testId} is on the page now (visible or not). */
    public boolean present(String testId) {
        return !driver.findElements(byTestId(testId)).isEmpty();
    }

    /**
     * Types into the element with the keyboard focus after clicking {@code testId}, as a person would: for
     * terminals, whose keyboard input goes to a hidden text area that xterm.js keeps focused.
     */
    public void typeAt(String testId, CharSequence... keys) {
        find(testId).click();
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The page's console messages at level SEVERE (errors, failed loads) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves what the window shows as a PNG (used when a test fails). */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save a screenshot to " + file + ": " + e);
        }
    }

    private String textOrMissing(String testId) {
        List<WebElement> found = driver.findElements(byTestId(testId));
        return found.isEmpty() ? "(no such element)" : found.getFirst().getText();
    }

    public static By byTestId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless; the test result is what matters
        }
    }
}
