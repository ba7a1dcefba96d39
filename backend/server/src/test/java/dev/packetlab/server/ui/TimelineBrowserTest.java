package dev.packetlab.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The timeline in a real browser against the real server: going back to an earlier moment (the server rebuilds the
 * lab and replays it up to there) and the markers of drops.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TimelineBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    private void openPaused(HeadlessChromium browser, String lab, String title) {
        browser.open("http://localhost:" + port + "/");
        browser.find("lab-open-" + lab).click();
        browser.waitForText("lab-title", title);
        browser.find("timeline-play").click();
        browser.waitUntil("the lab to pause", 15,
                d -> "PAUSED".equals(browser.find("timeline-mode").getDomAttribute("data-mode")));
    }

    private static long clock(HeadlessChromium browser) {
        return Long.parseLong(browser.find("timeline-time").getDomAttribute("data-ns"));
    }

    @Test
    void goesBackToTheMiddleOfAPingAndPlaysItOnAgain() {
        HeadlessChromium browser = session.browser();
        openPaused(browser, "tcp-connection", "A TCP connection from handshake to TIME_WAIT");
        browser.find("terminal-open").click();
        browser.find("terminal-open-pc1").click();
        browser.typeAt("terminal-screen-pc1", "ping -c 1 srv", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "PING srv");
        browser.find("timeline-run-until-idle").click();
        browser.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");
        browser.find("panel-tab-packets").click();
        browser.waitForText("packet-count", "8 packets");

        // between the ARP reply leaving srv (packet 3) and sw1 forwarding it (packet 4)
        long third = Long.parseLong(browser.find("packet-row-3").getDomAttribute("data-time"));
        long fourth = Long.parseLong(browser.find("packet-row-4").getDomAttribute("data-time"));
        long middle = (third + fourth) / 2;
        browser.find("timeline-goto").sendKeys(middle + "ns", Keys.ENTER);

        browser.waitForText("packet-count", "3 packets");
        browser.waitUntil("the clock to read the moment gone back to", 15, d -> clock(browser) == middle);
        assertThat(browser.find("terminal-screen-pc1").getText()).contains("PING srv").doesNotContain("64 bytes from");
        assertThat(browser.find("timeline-mode").getDomAttribute("data-mode")).isEqualTo("PAUSED");
        // the timeline still reaches as far as the lab went before
        assertThat(Long.parseLong(browser.find("timeline-scrub").getDomAttribute("data-horizon"))).isGreaterThan(fourth);

        // the same lab plays on from there: the same reply, the same packets
        browser.find("timeline-run-until-idle").click();
        browser.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");
        browser.waitForText("packet-count", "8 packets");
        assertThat(browser.find("packet-row-4").getDomAttribute("data-time")).isEqualTo(String.valueOf(fourth));
    }

    @Test
    void refusesATimeItCannotRead() {
        HeadlessChromium browser = session.browser();
        openPaused(browser, "tcp-connection", "A TCP connection from handshake to TIME_WAIT");
        browser.find("timeline-goto").sendKeys("soon", Keys.ENTER);
        assertThat(browser.find("timeline-goto-problem").getText()).isEqualTo("Write a time such as 1.5s, 20ms or 300us.");
    }

    @Test
    void marksEachDropOnTheTimelineAndGoesBackToOne() {
        HeadlessChromium browser = session.browser();
        openPaused(browser, "hub-basics", "Two hosts on a hub");
        browser.find("terminal-open").click();
        browser.find("terminal-open-pc1").click();
        browser.typeAt("terminal-screen-pc1", "ping -c 1 192.168.1.20", Keys.ENTER);
        browser.find("timeline-run-until-idle").click();
        browser.waitForTextContaining("terminal-screen-pc1", "1 received");

        // pc3, on the hub, drops what was not for it: the first such moment is marked
        WebElement mark = browser.waitUntil("a drop to be marked on the timeline", 15, d ->
                d.findElements(By.cssSelector("[data-testid^='timeline-mark-drop-']")).stream().findFirst().orElse(null));
        assertThat(mark.getDomAttribute("aria-label")).startsWith("Dropped by ").contains(": not addressed to this interface");
        long time = Long.parseLong(mark.getDomAttribute("data-time"));
        long now = clock(browser);
        assertThat(time).isLessThan(now);

        new Actions(browser.driver()).click(mark).perform();
        browser.waitUntil("the clock to go back to the drop", 15, d -> clock(browser) == time);
        assertThat(browser.find("terminal-screen-pc1").getText()).doesNotContain("1 received");
    }
}
