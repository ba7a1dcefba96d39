package dev.packetlab.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The topology editor in a real browser against the real server: a network built from an empty lab with the mouse
 * (palette, cable tool), changed in the properties panel (the server's errors next to their fields, a web server
 * added), undone and redone, and used (a ping and a curl across it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TopologyEditorBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    private void openEmptyLab(HeadlessChromium browser) {
        browser.open("http://localhost:" + port + "/");
        browser.find("home-new-empty").click();
        browser.waitUntil("the empty lab to load", 20,
                d -> "true".equals(d.findElement(HeadlessChromium.byTestId("lab-view")).getDomAttribute("data-loaded")));
        browser.find("topology-empty");
    }

    /** Drags a kind from the palette onto the canvas, {@code dx} pixels right of its middle. */
    private static void dropFromPalette(HeadlessChromium browser, String kind, int dx) {
        new Actions(browser.driver())
                .clickAndHold(browser.find("palette-" + kind))
                .moveToElement(browser.find("topology-canvas"), dx, 0)
                .release()
                .perform();
    }

    /** With the cable tool, drags from one node to another. */
    private static void cable(HeadlessChromium browser, String from, String to) {
        new Actions(browser.driver())
                .clickAndHold(browser.find("topology-node-" + from))
                .moveToElement(browser.find("topology-node-" + to))
                .release()
                .perform();
    }

    /**
     * Whether the field {@code testId} holds {@code value} now. The properties panel draws its form anew when the
     * server's snapshot brings the applied values, so an element found a moment ago may be gone: that reads as not yet.
     */
    private static boolean fieldReads(HeadlessChromium browser, String testId, String value) {
        try {
            return value.equals(browser.driver().findElement(HeadlessChromium.byTestId(testId)).getDomProperty("value"));
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return false;
        }
    }

    /** Whether the panel's Apply button is disabled now (the form holds what the node has); a redrawn one reads as not yet. */
    private static boolean nothingToApply(HeadlessChromium browser) {
        try {
            return !browser.driver().findElement(HeadlessChromium.byTestId("props-apply")).isEnabled();
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return false;
        }
    }

    /** Builds pc1 — pc2 on one cable with the mouse alone. */
    private static void buildTwoHosts(HeadlessChromium browser) {
        dropFromPalette(browser, "host", -180);
        browser.find("topology-node-pc1");
        dropFromPalette(browser, "host", 180);
        browser.find("topology-node-pc2");
        browser.find("editor-cable").click();
        assertThat(browser.find("editor-cable").getDomAttribute("aria-pressed")).isEqualTo("true");
        cable(browser, "pc1", "pc2");
        browser.find("topology-link-pc1:eth0-pc2:eth0");
        browser.find("editor-cable").click();
    }

    @Test
    void buildsTwoHostsFromScratchByMouseActionsAndPingsAcross() {
        HeadlessChromium browser = session.browser();
        openEmptyLab(browser);

        buildTwoHosts(browser);

        assertThat(browser.testIdsWithin(browser.find("topology"), "topology-node-"))
                .containsExactly("topology-node-pc1", "topology-node-pc2");
        assertThat(browser.find("topology-node-pc2").getDomAttribute("data-kind")).isEqualTo("host");
        // the new cable is selected: its properties are open
        assertThat(browser.find("props-title").getText()).isEqualTo("Cable pc1:eth0-pc2:eth0");

        new Actions(browser.driver()).doubleClick(browser.find("topology-node-pc1")).perform();
        browser.typeAt("terminal-screen-pc1", "ping -c 1 10.0.0.2", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received, 0% packet loss");
    }

    @Test
    void showsTheServersErrorNextToTheFieldAndAppliesAValidAddress() {
        // the two invalid values are refused with 400, which Chromium logs
        session.expectConsoleError("/nodes/pc2 - Failed to load resource: the server responded with a status of 400");
        session.expectConsoleError("/links/pc1%3Aeth0-pc2%3Aeth0 - Failed to load resource: the server responded with a status of 400");
        HeadlessChromium browser = session.browser();
        openEmptyLab(browser);
        buildTwoHosts(browser);

        new Actions(browser.driver()).click(browser.find("topology-node-pc2")).perform();
        assertThat(browser.find("props-title").getText()).isEqualTo("pc2 (host)");
        WebElement ip = browser.find("props-ip");
        assertThat(ip.getDomProperty("value")).isEqualTo("10.0.0.2/24");
        ip.clear();
        ip.sendKeys("10.0.0.300/24");
        browser.find("props-apply").click();
        assertThat(browser.find("props-error-ip").getText()).contains("10.0.0.300");
        assertThat(browser.find("props-ip").getDomAttribute("aria-invalid")).isEqualTo("true");

        browser.find("props-ip").clear();
        browser.find("props-ip").sendKeys("10.0.0.20/24");
        browser.find("props-apply").click();
        browser.waitUntil("pc2 to have its new address", 15,
                d -> fieldReads(browser, "props-ip", "10.0.0.20/24") && !browser.present("props-error-ip"));

        // the cable: 20 ms each way, so the first ping (its ARP exchange included) takes 4 × 20 ms
        new Actions(browser.driver()).click(browser.find("topology-link-pc1:eth0-pc2:eth0")).perform();
        browser.find("props-delay").clear();
        browser.find("props-delay").sendKeys("soon");
        browser.find("props-apply").click();
        assertThat(browser.find("props-error-delay").getText()).contains("expected a duration");
        browser.find("props-delay").clear();
        browser.find("props-delay").sendKeys("20ms");
        browser.find("props-apply").click();
        browser.waitUntil("the cable to have its new delay", 15,
                d -> fieldReads(browser, "props-delay", "20ms") && !browser.present("props-error-delay"));

        new Select(browser.find("timeline-speed")).selectByValue("1");
        new Actions(browser.driver()).doubleClick(browser.find("topology-node-pc1")).perform();
        browser.typeAt("terminal-screen-pc1", "ping -c 1 10.0.0.20", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");
        assertThat(browser.find("terminal-screen-pc1").getText()).contains("64 bytes from 10.0.0.20: icmp_seq=1 ttl=64 time=80.0 ms");
    }

    @Test
    void deletesWithTheKeyboardUndoesAndRedoes() {
        HeadlessChromium browser = session.browser();
        openEmptyLab(browser);
        buildTwoHosts(browser);
        String firstAddress = browser.driver().getCurrentUrl();

        new Actions(browser.driver()).click(browser.find("topology-node-pc2")).sendKeys(Keys.DELETE).perform();
        browser.waitUntil("pc2 to be deleted", 15, d -> !browser.present("topology-node-pc2"));
        assertThat(browser.present("topology-link-pc1:eth0-pc2:eth0")).isFalse();
        assertThat(browser.find("editor-undo").getDomAttribute("title")).isEqualTo("Undo deleting pc2 (Ctrl+Z)");

        // the running lab takes pc2 back under its name with its cable: the same lab, no restart
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        browser.find("topology-node-pc2");
        browser.find("topology-link-pc1:eth0-pc2:eth0");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(firstAddress);
        assertThat(browser.present("editor-status")).isFalse();
        assertThat(browser.find("editor-redo").getDomAttribute("title")).isEqualTo("Redo deleting pc2 (Ctrl+Shift+Z)");
        new Actions(browser.driver()).doubleClick(browser.find("topology-node-pc1")).perform();
        browser.typeAt("terminal-screen-pc1", "ping -c 1 10.0.0.2", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received, 0% packet loss");

        browser.find("editor-redo").click();
        browser.waitUntil("pc2 to be deleted again", 15, d -> !browser.present("topology-node-pc2"));

        // a host added with its key lands in the middle, named and numbered after the ones there: pc2 is free again
        new Actions(browser.driver()).moveToElement(browser.find("topology-canvas")).click().sendKeys("h").perform();
        browser.find("topology-node-pc2");
        browser.waitUntil("pc2 to be selected with the first free address", 15, d -> fieldReads(browser, "props-ip", "10.0.0.2/24"));
    }

    @Test
    void nameServersEditedInThePanelAreAskedByTheNextNslookup() {
        HeadlessChromium browser = session.browser();
        browser.open("http://localhost:" + port + "/");
        browser.find("lab-open-dns-resolver").click();
        browser.waitUntil("the lab view to load its snapshot", 20,
                d -> "true".equals(d.findElement(HeadlessChromium.byTestId("lab-view")).getDomAttribute("data-loaded")));

        new Actions(browser.driver()).click(browser.find("topology-node-pc1")).perform();
        browser.waitUntil("pc1's name servers from its lab file", 15, d -> fieldReads(browser, "props-dns", "10.0.0.53, 10.0.0.54"));
        browser.find("props-dns").clear();
        browser.find("props-dns").sendKeys("10.0.0.54");
        browser.find("props-apply").click();
        browser.waitUntil("pc1 to have its new name server", 15, d -> fieldReads(browser, "props-dns", "10.0.0.54"));

        new Select(browser.find("timeline-speed")).selectByValue("1");
        new Actions(browser.driver()).doubleClick(browser.find("topology-node-pc1")).perform();
        browser.typeAt("terminal-screen-pc1", "nslookup www.example.lab", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "Address: 10.0.0.80");
        // nslookup's header names the server it asked: "Address:  10.0.0.54#53" (ns2, no longer ns1 first)
        assertThat(browser.find("terminal-screen-pc1").getText()).containsPattern("Address:\\s+10\\.0\\.0\\.54#53");
    }

    @Test
    void addsAndRemovesAnInterfaceInThePanel() {
        // pc2:eth0 has a cable: the server refuses to take it off, with a 400 Chromium logs
        session.expectConsoleError("/nodes/pc2 - Failed to load resource: the server responded with a status of 400");
        HeadlessChromium browser = session.browser();
        openEmptyLab(browser);
        buildTwoHosts(browser);
        new Actions(browser.driver()).click(browser.find("topology-node-pc2")).perform();

        browser.click("props-if-add");
        browser.find("props-if-eth1").sendKeys("10.0.9.2/24");
        browser.click("props-apply");
        browser.waitUntil("pc2 to have eth1", 15, d -> fieldReads(browser, "props-if-eth1", "10.0.9.2/24"));

        browser.click("props-if-eth0-remove");
        browser.click("props-apply");
        assertThat(browser.find("props-error-interfaces.0.ip").getText())
                .isEqualTo("pc2:eth0 has a cable (pc1:eth0-pc2:eth0); remove the link before the interface");
        browser.click("props-revert");

        browser.click("props-if-eth1-remove");
        browser.click("props-apply");
        browser.waitUntil("pc2 to have eth0 alone", 15, d -> !browser.present("props-if-eth1") && fieldReads(browser, "props-if-eth0", "10.0.0.2/24"));
    }

    @Test
    void anHttpServiceAddedInThePanelAnswersACurlFromAnotherNode() {
        HeadlessChromium browser = session.browser();
        openEmptyLab(browser);
        buildTwoHosts(browser);
        new Actions(browser.driver()).click(browser.find("topology-node-pc2")).perform();

        browser.click("props-service-add-http");
        browser.find("props-service-0-port").clear();
        browser.find("props-service-0-port").sendKeys("8080");
        browser.click("props-apply");
        // the panel is drawn anew from the lab file the edit made: the service is listed and nothing is left to apply
        browser.waitUntil("pc2 to list its web server", 15, d -> fieldReads(browser, "props-service-0-port", "8080")
                && nothingToApply(browser));
        assertThat(browser.find("props-service-0").getDomAttribute("data-service")).isEqualTo("http");

        new Actions(browser.driver()).doubleClick(browser.find("topology-node-pc1")).perform();
        // the server's /status/200 answers 200 with a body naming it, short enough to stay on the terminal's screen
        browser.typeAt("terminal-screen-pc1", "curl -s http://10.0.0.2:8080/status/200", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "<center><h1>200 OK</h1></center>");
    }

    @Test
    void listsTheKeyboardShortcutsOnQuestionMark() {
        HeadlessChromium browser = session.browser();
        openEmptyLab(browser);

        new Actions(browser.driver()).moveToElement(browser.find("topology-canvas")).click().sendKeys("?").perform();

        assertThat(browser.find("help-overlay").getText()).contains("Keyboard shortcuts");
        assertThat(browser.find("help-undo").getText()).isEqualTo("Ctrl+Z Undo the last change to the network");
        assertThat(browser.find("help-add-host").getText()).isEqualTo("H Add a host in the middle of the view");
        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
        browser.waitUntil("the shortcut list to close", 15, d -> !browser.present("help-overlay"));
        browser.find("editor-help").click();
        browser.find("help-overlay");
        browser.find("help-close").click();
        assertThat(browser.present("help-overlay")).isFalse();
    }
}
