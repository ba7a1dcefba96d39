package dev.packetlab.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The TCP views in a real browser against the real server: one connection of labs/tcp-connection.yaml made with nc,
 * watched until the server's side waits in TIME_WAIT, on the state diagram, the ladder diagram, the window chart, the
 * socket table and Follow TCP stream.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TcpViewsBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    /**
     * Opens the TCP lab at real time without skipping idle time, so TIME_WAIT lasts its 60 s, and runs one
     * connection: srv sends hello and closes first, pc1's nc prints it and closes too.
     */
    private void connectOnce(HeadlessChromium browser) {
        browser.open("http://localhost:" + port + "/");
        browser.find("lab-open-tcp-connection").click();
        browser.waitForText("lab-title", "A TCP connection from handshake to TIME_WAIT");
        new Select(browser.find("timeline-speed")).selectByValue("1");
        browser.find("timeline-skip-idle").click();
        browser.waitUntil("idle time to be played, not skipped", 15,
                d -> !browser.find("timeline-skip-idle").isSelected());

        browser.find("terminal-open").click();
        browser.find("terminal-open-srv").click();
        browser.typeAt("terminal-screen-srv", "echo hello | nc -l 8888 &", Keys.ENTER);
        browser.find("terminal-open").click();
        browser.find("terminal-open-pc1").click();
        browser.typeAt("terminal-screen-pc1", "nc srv 8888", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "$ nc srv 8888\nhello");
        browser.find("panel-tab-tcp").click();
    }

    /** The test id of srv's socket in {@code state}, once the table shows one. */
    private static String srvSocketIn(HeadlessChromium browser, String state) {
        WebElement row = browser.waitUntil("srv's socket to be in " + state, 20, d ->
                d.findElements(By.cssSelector("[data-testid^='tcp-socket-srv-'][data-state='" + state + "']"))
                        .stream().findFirst().orElse(null));
        return row.getDomAttribute("data-testid");
    }

    @Test
    void watchesTheServersSocketReachTimeWaitOnTheStateDiagram() {
        HeadlessChromium browser = session.browser();
        connectOnce(browser);

        String row = srvSocketIn(browser, "TIME_WAIT");
        String id = row.substring("tcp-socket-".length());
        assertThat(browser.find(row).getText()).contains("srv", "tcp", "10.0.0.2:8888", "10.0.0.1:", "TIME_WAIT");
        browser.find(row).click();

        assertThat(browser.find("tcp-state-TIME_WAIT").getDomAttribute("data-current")).isEqualTo("true");
        assertThat(browser.find("tcp-state-ESTABLISHED").getDomAttribute("data-current")).isEqualTo("false");
        assertThat(browser.find("tcp-edge-FIN_WAIT_2-TIME_WAIT").getDomAttribute("data-last")).isEqualTo("true");
        assertThat(browser.find("tcp-last-transition").getText()).contains("FIN_WAIT_2 → TIME_WAIT", "because: FIN received");
        // the server's side of the connection, from the SYN it answered to the FIN it received last
        List<String> changes = browser.testIdsWithin(browser.find("tcp-transitions"), "tcp-transition-").stream()
                .map(t -> browser.find(t).getText().replaceFirst("^\\S+ \\S+ ", ""))
                .toList();
        assertThat(changes).containsExactly(
                "LISTEN → SYN_RECEIVED SYN received",
                "SYN_RECEIVED → ESTABLISHED ACK of SYN+ACK received",
                "ESTABLISHED → FIN_WAIT_1 close() or shutdown() called",
                "FIN_WAIT_1 → FIN_WAIT_2 ACK of FIN received",
                "FIN_WAIT_2 → TIME_WAIT FIN received");
        assertThat(browser.find("tcp-socket-state-" + id).getText()).isEqualTo("TIME_WAIT");
    }

    @Test
    void drawsTheConnectionAsALadderWithSeqAckLenAndWindowOnEachArrow() {
        HeadlessChromium browser = session.browser();
        connectOnce(browser);
        String row = srvSocketIn(browser, "TIME_WAIT");
        browser.find(row).click();

        browser.find("tcp-view-ladder").click();
        browser.waitUntil("the ladder to hold the whole connection", 15,
                d -> Integer.parseInt(browser.find("tcp-ladder").getDomAttribute("data-segments")) == 7);
        assertThat(browser.find("tcp-ladder-lane-a").getText()).startsWith("srv 10.0.0.2:8888");
        assertThat(browser.find("tcp-ladder-lane-b").getText()).startsWith("pc1 10.0.0.1:");
        List<String> arrows = browser.testIdsWithin(browser.find("tcp-ladder"), "ladder-seg-").stream()
                .map(t -> browser.find(t).getDomAttribute("data-dir") + " " + browser.find(t).getDomAttribute("data-label"))
                .toList();
        assertThat(arrows).containsExactly(
                "ba [SYN] seq=0 win=65535 len=0",
                "ab [SYN, ACK] seq=0 ack=1 win=65535 len=0",
                "ba [ACK] seq=1 ack=1 win=65535 len=0",
                "ab [PSH, ACK] seq=1 ack=1 win=65535 len=6",
                "ab [FIN, ACK] seq=7 ack=1 win=65535 len=0",
                // pc1's nc reads the line and closes: its ACK of hello and srv's FIN rides on its own FIN
                "ba [FIN, ACK] seq=1 ack=8 win=65528 len=0",
                "ab [ACK] seq=8 ack=2 win=65534 len=0");

        // a click on an arrow opens that segment in the packet inspector
        String number = browser.find("ladder-seg-0").getDomAttribute("data-number");
        browser.find("ladder-seg-0").click();
        browser.waitForText("packet-detail-title", "Packet " + number);
    }

    @Test
    void chartsTheWindowsAndFollowsTheStream() {
        HeadlessChromium browser = session.browser();
        connectOnce(browser);
        browser.find(srvSocketIn(browser, "TIME_WAIT")).click();

        browser.find("tcp-view-chart").click();
        assertThat(Integer.parseInt(browser.find("tcp-chart").getDomAttribute("data-samples"))).isGreaterThan(1);
        assertThat(browser.find("tcp-chart-cwnd").getDomAttribute("d")).startsWith("M");
        assertThat(browser.find("tcp-var-sndWnd").getText()).isEqualTo("65.5 kB");
        assertThat(browser.find("tcp-var-ssthresh").getText()).isEqualTo("infinite");
        assertThat(browser.find("tcp-var-inFlight").getText()).isEqualTo("0 B");

        browser.find("tcp-follow").click();
        assertThat(browser.find("follow-chunk-0").getText()).isEqualTo("→ hello");
        assertThat(browser.find("follow-chunk-0").getDomAttribute("data-dir")).isEqualTo("ab");
        assertThat(browser.find("follow-stream-summary").getText()).isEqualTo("6 bytes from srv, 0 bytes from pc1");
        browser.find("follow-close").click();
        assertThat(browser.present("follow-stream")).isFalse();
    }
}
