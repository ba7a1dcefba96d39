package dev.packetlab.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Share links in real browsers against the real server: one browser saves a lab it worked in and makes a link, a
 * second browser session (its own profile: no shared storage) opens the link and finds the lab as it was shared —
 * an editable copy, or a read-only replay.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShareBrowserTest {

    static final String TITLE = "A TCP connection from handshake to TIME_WAIT";

    @LocalServerPort
    int port;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    /** Opens the TCP lab, pings srv from pc1, and makes a share link of the given kind; returns the link. */
    private String pingAndShare(HeadlessChromium browser, String mode) {
        browser.open("http://localhost:" + port + "/");
        browser.find("lab-open-tcp-connection").click();
        browser.waitForText("lab-title", TITLE);
        browser.find("terminal-open").click();
        browser.find("terminal-open-pc1").click();
        browser.typeAt("terminal-screen-pc1", "ping -c 1 srv", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");

        browser.find("lab-share").click();
        browser.find("share-mode-" + mode).click();
        browser.find("share-create").click();
        String link = browser.find("share-url").getDomProperty("value");
        assertThat(link).matches("http://localhost:" + port + "/share/[A-Za-z0-9_-]{22}");
        assertThat(browser.find("share-url").getDomAttribute("data-mode")).isEqualTo(mode);
        browser.waitUntil("the link to be copied, or selected to copy", 15,
                d -> browser.present("share-copied") || browser.present("share-copy-failed"));
        return link;
    }

    /** Runs {@code journey} in a second browser session; if it fails, what that window showed is kept too. */
    private void inSecondBrowser(String test, java.util.function.Consumer<HeadlessChromium> journey) {
        try (HeadlessChromium second = HeadlessChromium.start()) {
            try {
                journey.accept(second);
            } catch (RuntimeException | AssertionError e) {
                second.screenshot(BrowserSession.SCREENSHOTS.resolve("ShareBrowserTest-" + test + "-second.png"));
                throw e;
            }
            assertThat(second.consoleErrors()).as("errors in the second browser's console").isEmpty();
        }
    }

    private static void waitForLab(HeadlessChromium browser) {
        browser.waitUntil("the shared lab to load", 30,
                d -> browser.present("lab-view")
                        && "true".equals(d.findElement(HeadlessChromium.byTestId("lab-view")).getDomAttribute("data-loaded")));
        browser.waitForText("lab-title", TITLE);
    }

    @Test
    void sharesAnEditableCopyThatASecondBrowserOpensAndCarriesOn() {
        HeadlessChromium first = session.browser();
        String link = pingAndShare(first, "fork");
        String original = first.driver().getCurrentUrl();

        inSecondBrowser("fork", second -> {
            second.open(link);
            waitForLab(second);
            assertThat(second.driver().getCurrentUrl()).matches("http://localhost:" + port + "/labs/[A-Za-z0-9_-]{22}")
                    .isNotEqualTo(original);
            assertThat(second.present("lab-readonly")).isFalse();
            second.find("editor-palette");

            // the copy is the lab as shared: pc1's terminal shows the ping, and it takes new commands
            second.find("terminal-open").click();
            second.find("terminal-open-pc1").click();
            second.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");
            second.typeAt("terminal-screen-pc1", "ping -c 1 10.0.0.2", Keys.ENTER);
            second.waitForTextContaining("terminal-screen-pc1", "--- 10.0.0.2 ping statistics ---\n1 packets transmitted, 1 received");
        });
        // the first browser's lab did not get the second one's command
        assertThat(first.find("terminal-screen-pc1").getText()).doesNotContain("ping -c 1 10.0.0.2");
    }

    @Test
    void sharesAReadOnlyReplayThatASecondBrowserCanOnlyWatch() {
        HeadlessChromium first = session.browser();
        String link = pingAndShare(first, "readonly");

        inSecondBrowser("readonly", second -> {
            second.open(link);
            waitForLab(second);
            assertThat(second.driver().getCurrentUrl()).endsWith("?view=readonly");
            assertThat(second.find("lab-readonly").getText()).startsWith("Read-only");
            assertThat(second.present("editor-palette")).isFalse();
            assertThat(second.present("lab-share")).isFalse();
            second.find("terminal-open").click();
            second.find("terminal-open-pc1").click();
            second.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");
            assertThat(second.present("terminal-interrupt")).isFalse();

            // the replay controls: back to the start, and the recorded ping plays again
            second.find("timeline-goto").sendKeys("0s", Keys.ENTER);
            second.waitUntil("the terminal to go back to before the ping", 15,
                    d -> !second.find("terminal-screen-pc1").getText().contains("1 received"));
            new Select(second.find("timeline-speed")).selectByValue("1");
            if (!"true".equals(second.find("timeline-play").getDomAttribute("aria-pressed"))) second.find("timeline-play").click();
            second.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");
        });
    }
}
