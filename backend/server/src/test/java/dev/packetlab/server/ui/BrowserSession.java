package dev.packetlab.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh headless Chromium for each test (register with {@code @RegisterExtension}): when the test fails, what
 * the window showed is saved to {@code target/browser-screenshots/<class>-<test>.png}; when it passes, the page's
 * console must hold no error, since a journey that works while the page logs errors is not working.
 */
public final class BrowserSession implements BeforeEachCallback, AfterEachCallback {
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private HeadlessChromium browser;
    private final List<Pattern> expectedErrors = new ArrayList<>();

    public HeadlessChromium browser() {
        if (browser == null) throw new IllegalStateException("the browser starts before each test");
        return browser;
    }

    /**
     * A console error this journey causes on purpose, by a regular expression found in it: Chromium logs every
     * HTTP error answer to {@code fetch} ("... status of 400"), so a test that makes the server refuse an invalid
     * edit expects exactly that line. Any other error still fails the test.
     */
    public void expectConsoleError(String regex) {
        expectedErrors.add(Pattern.compile(regex));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        expectedErrors.clear();
        browser = HeadlessChromium.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        HeadlessChromium b = browser;
        browser = null;
        if (b == null) return;
        try {
            if (context.getExecutionException().isPresent()) {
                b.screenshot(SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + ".png"));
            } else {
                assertThat(b.consoleErrors().stream()
                        .filter(e -> expectedErrors.stream().noneMatch(p -> p.matcher(e).find()))
                        .toList()).as("errors in the browser console").isEmpty();
            }
        } finally {
            b.close();
        }
    }
}
