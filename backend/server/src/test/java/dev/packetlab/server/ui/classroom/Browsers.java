package dev.packetlab.server.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.ui.HeadlessChromium;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Several headless Chromiums in one test (register with {@code @RegisterExtension}), one per person in a class, each
 * with its own profile (so its own localStorage, as separate computers have). As {@code BrowserSession} does for one:
 * when the test fails each window is saved to {@code target/browser-screenshots/<class>-<test>-<who>.png}; when it
 * passes no page may have logged a console error.
 */
final class Browsers implements AfterEachCallback {
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final Map<String, HeadlessChromium> open = new LinkedHashMap<>();

    /** A browser for {@code who}, started on first use. */
    HeadlessChromium of(String who) {
        return open.computeIfAbsent(who, w -> HeadlessChromium.start());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Map<String, HeadlessChromium> browsers = new LinkedHashMap<>(open);
        open.clear();
        try {
            for (Map.Entry<String, HeadlessChromium> b : browsers.entrySet()) {
                if (context.getExecutionException().isPresent()) {
                    b.getValue().screenshot(SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName() + "-" + b.getKey() + ".png"));
                } else {
                    assertThat(b.getValue().consoleErrors()).as("errors in %s's browser console", b.getKey()).isEmpty();
                }
            }
        } finally {
            for (HeadlessChromium b : browsers.values()) b.close();
        }
    }
}
