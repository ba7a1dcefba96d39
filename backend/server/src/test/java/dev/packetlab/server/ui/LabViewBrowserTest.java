package dev.packetlab.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live lab view in a real browser against the real server: a learner's journeys through the TCP connection lab
 * (labs/tcp-connection.yaml), driven only by {@code data-testid}s, as docs/testing.md tells course authors to.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LabViewBrowserTest {

    static final String TITLE = "A TCP connection from handshake to TIME_WAIT";
    static final String TITLE_KO = "3-way handshake부터 TIME-WAIT까지, TCP 연결 하나";

    @LocalServerPort
    int port;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    /** Opens the TCP lab from the catalogue and waits for its first snapshot; returns the lab page's address. */
    private String openTcpLab(HeadlessChromium browser) {
        browser.open("http://localhost:" + port + "/");
        browser.find("lab-open-tcp-connection").click();
        browser.waitUntil("the lab view to load its snapshot", 20,
                d -> "true".equals(d.findElement(HeadlessChromium.byTestId("lab-view")).getDomAttribute("data-loaded")));
        browser.waitForText("lab-title", TITLE);
        return browser.driver().getCurrentUrl();
    }

    private static void openTerminal(HeadlessChromium browser, String node) {
        browser.find("terminal-open").click();
        browser.find("terminal-open-" + node).click();
        browser.find("terminal-screen-" + node);
    }

    private static String mode(HeadlessChromium browser) {
        return browser.find("timeline-mode").getDomAttribute("data-mode");
    }

    @Test
    void opensTheTcpLabFromTheCatalogueWithItsTopologyAndStepsAndKeepsItsAddress() {
        HeadlessChromium browser = session.browser();
        String url = openTcpLab(browser);

        assertThat(url).matches("http://localhost:" + port + "/labs/[A-Za-z0-9_-]{22}");
        assertThat(browser.find("lab-connection").getDomAttribute("data-status")).isEqualTo("open");
        assertThat(browser.testIdsWithin(browser.find("topology"), "topology-node-"))
                .containsExactly("topology-node-pc1", "topology-node-srv", "topology-node-sw1");
        assertThat(browser.find("topology-node-srv").getDomAttribute("data-kind")).isEqualTo("server");
        assertThat(browser.testIdsWithin(browser.find("topology"), "topology-link-"))
                .containsExactly("topology-link-pc1:eth0-sw1:p1", "topology-link-srv:eth0-sw1:p2");
        assertThat(browser.testIdsWithin(browser.find("steps-list"), "step-text-")).hasSize(6);
        assertThat(browser.find("step-text-2").getText()).isEqualTo("On pc1 run nc srv 8888. Watch the three-way "
                + "handshake (SYN, SYN+ACK, ACK), the line arriving with its ACK, and the server's FIN coming first.");
        // the server judges each step's check live: nothing has listened on 8888 yet
        assertThat(browser.find("step-check-1").getDomAttribute("data-status")).isEqualTo("failed");
        assertThat(mode(browser)).isEqualTo("PLAYING");

        // the address is the lab's: reloading it reconnects to the same instance
        browser.driver().navigate().refresh();
        browser.waitForText("lab-title", TITLE);
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(url);
        assertThat(browser.find("topology-node-pc1").getDomAttribute("aria-label")).isEqualTo("pc1 (host): open its terminal");
    }

    @Test
    void runsPingAndNcInTerminalsAndSeesTheirOutput() {
        HeadlessChromium browser = session.browser();
        openTcpLab(browser);

        openTerminal(browser, "pc1");
        browser.typeAt("terminal-screen-pc1", "ping -c 1 srv", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "$ ping -c 1 srv");
        // in slow motion each frame is drawn on its cable for half a second
        browser.waitUntil("a frame to be drawn on the wires", 15,
                d -> !"0".equals(browser.find("topology-flights").getDomAttribute("data-drawn")));
        browser.waitForTextContaining("terminal-screen-pc1", "64 bytes from srv (10.0.0.2): icmp_seq=1 ttl=64 time=8.05 ms");
        browser.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received, 0% packet loss, time 8ms");

        // Ctrl-C goes to the node as an interrupt: ping stops and prints its statistics
        browser.typeAt("terminal-screen-pc1", "ping srv", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "icmp_seq=2");
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("c").keyUp(Keys.CONTROL).perform();
        browser.waitForTextContaining("terminal-screen-pc1", "^C");
        browser.waitForTextContaining("terminal-screen-pc1", "--- srv ping statistics ---");

        openTerminal(browser, "srv");
        assertThat(browser.testIdsWithin(browser.find("terminals"), "terminal-tab-"))
                .containsExactly("terminal-tab-pc1", "terminal-tab-srv");
        browser.typeAt("terminal-screen-srv", "echo hello | nc -l 8888 &", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-srv", "$ echo hello | nc -l 8888 &");

        browser.find("terminal-tab-pc1").click();
        browser.typeAt("terminal-screen-pc1", "nc srv 8888", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "$ nc srv 8888\nhello");
    }

    @Test
    void packetsAppearInTheInspectorAndOneOpensIntoLayersAndBytes() {
        HeadlessChromium browser = session.browser();
        openTcpLab(browser);
        openTerminal(browser, "pc1");
        browser.typeAt("terminal-screen-pc1", "ping -c 1 srv", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "1 received");

        browser.find("panel-tab-packets").click();
        browser.waitForText("packet-count", "8 packets");
        assertThat(browser.testIdsWithin(browser.find("packet-list"), "packet-row-")).containsExactly(
                "packet-row-1", "packet-row-2", "packet-row-3", "packet-row-4",
                "packet-row-5", "packet-row-6", "packet-row-7", "packet-row-8");
        assertThat(browser.find("packet-row-1").getText()).contains("02:00:00:00:00:01", "Broadcast (ff:ff:ff:ff:ff:ff)",
                "ARP", "60", "Who has 10.0.0.2? Tell 10.0.0.1");

        browser.find("packet-row-5").click();
        browser.waitForText("packet-detail-title", "Packet 5");
        assertThat(browser.find("packet-layer-name-1").getText()).isEqualTo("Internet Protocol Version 4");
        assertThat(browser.find("packet-field-value-ip.src").getText()).isEqualTo("10.0.0.1");
        assertThat(browser.find("packet-field-value-icmp.type").getText()).isEqualTo("8 (Echo (ping) request)");

        // the TTL is byte 22 of the frame: 14 bytes of Ethernet, then 8 into the IPv4 header
        browser.find("packet-field-ip.ttl").click();
        assertThat(browser.find("hex-byte-22").getDomAttribute("data-selected")).isEqualTo("true");
        assertThat(browser.find("hex-byte-22").getText()).isEqualTo("40");
        assertThat(browser.find("hex-byte-21").getDomAttribute("data-selected")).isEqualTo("false");
        assertThat(browser.find("packet-field-meaning").getText()).contains("Time to live", "bytes 22–22");

        browser.find("packet-filter").sendKeys("icmp");
        browser.waitForText("packet-count", "4 packets");
        assertThat(browser.testIdsWithin(browser.find("packet-list"), "packet-row-"))
                .containsExactly("packet-row-5", "packet-row-6", "packet-row-7", "packet-row-8");
        assertThat(browser.find("packet-pcap").getDomAttribute("href")).matches("/api/instances/[A-Za-z0-9_-]{22}/pcap");
    }

    @Test
    void pausesStepsOneEventAndOneFrameThenPlaysAtAChosenSpeed() {
        HeadlessChromium browser = session.browser();
        openTcpLab(browser);
        browser.find("timeline-play").click();
        browser.waitUntil("the lab to pause", 15, d -> "PAUSED".equals(mode(browser)));
        assertThat(browser.find("timeline-play-label").getText()).isEqualTo("Play");
        assertThat(browser.find("timeline-play").getDomAttribute("aria-pressed")).isEqualTo("false");

        openTerminal(browser, "pc1");
        browser.typeAt("terminal-screen-pc1", "ping -c 1 srv", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "PING srv (10.0.0.2) 56(84) bytes of data.");
        browser.find("panel-tab-packets").click();
        long events = Long.parseLong(browser.find("timeline-events").getDomAttribute("data-events"));

        browser.find("timeline-step").click();
        browser.waitUntil("one event to run", 15,
                d -> Long.parseLong(browser.find("timeline-events").getDomAttribute("data-events")) == events + 1);

        String packets = browser.find("packet-count").getDomAttribute("data-count");
        browser.find("timeline-step-frame").click();
        browser.waitUntil("one more frame to be sent", 15,
                d -> Long.parseLong(browser.find("packet-count").getDomAttribute("data-count")) == Long.parseLong(packets) + 1);
        assertThat(mode(browser)).isEqualTo("PAUSED");
        assertThat(browser.find("terminal-screen-pc1").getText()).doesNotContain("1 received");

        Select speed = new Select(browser.find("timeline-speed"));
        speed.selectByValue("0.01");
        assertThat(speed.getFirstSelectedOption().getText()).isEqualTo("100× slower");
        browser.find("timeline-play").click();
        browser.waitUntil("the lab to play", 15, d -> "PLAYING".equals(mode(browser)));
        assertThat(new Select(browser.find("timeline-speed")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("0.01");
        browser.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");
        assertThat(browser.find("timeline-time").getText()).isNotEqualTo("0 s");
    }

    @Test
    void stepsFrameByFrameToTheSynOfAHandshakeAndDrawsItOnItsCable() {
        HeadlessChromium browser = session.browser();
        openTcpLab(browser);
        browser.find("timeline-play").click();
        browser.waitUntil("the lab to pause", 15, d -> "PAUSED".equals(mode(browser)));
        openTerminal(browser, "srv");
        browser.typeAt("terminal-screen-srv", "echo hello | nc -l 8888 &", Keys.ENTER);
        openTerminal(browser, "pc1");
        browser.typeAt("terminal-screen-pc1", "nc srv 8888", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "$ nc srv 8888");
        browser.find("panel-tab-packets").click();

        // ARP request and its flood, the reply and its forwarding, then pc1's SYN: five frames, one step each
        for (int frame = 1; frame <= 5; frame++) {
            browser.find("timeline-step-frame").click();
            browser.find("packet-row-" + frame);
        }
        assertThat(browser.find("packet-row-5").getText()).contains("10.0.0.1", "10.0.0.2", "TCP", "→ 8888 [SYN] Seq=");
        WebElement flights = browser.find("topology-flights");
        assertThat(flights.getDomAttribute("data-drawn")).isEqualTo("1");
        browser.screenshot(BrowserSession.SCREENSHOTS.resolve("lab-mid-handshake.png"));

        // a click on the frame on the wire takes it apart in the inspector
        String[] frame = flights.getDomAttribute("data-frames").split("[@,]");
        WebElement canvas = browser.find("topology-canvas");
        new Actions(browser.driver())
                .moveToElement(canvas, Integer.parseInt(frame[1]) - canvas.getRect().getWidth() / 2,
                        Integer.parseInt(frame[2]) - canvas.getRect().getHeight() / 2)
                .click().perform();
        browser.waitForText("packet-detail-title", "Packet " + frame[0]);
        assertThat(browser.find("packet-row-" + frame[0]).getDomAttribute("aria-selected")).isEqualTo("true");
    }

    @Test
    void switchesTheLabViewToKoreanAndRemembersIt() {
        HeadlessChromium browser = session.browser();
        openTcpLab(browser);

        browser.find("lang-ko").click();

        browser.waitForText("lab-title", TITLE_KO);
        assertThat(browser.find("step-text-2").getText()).isEqualTo("pc1에서 nc srv 8888을 실행하세요. 3-way handshake(SYN, "
                + "SYN+ACK, ACK), 데이터와 ACK, 그리고 서버가 먼저 보내는 FIN을 살펴보세요.");
        assertThat(browser.find("panel-tab-steps").getText()).isEqualTo("실습");
        assertThat(browser.find("panel-tab-packets").getText()).isEqualTo("패킷");
        assertThat(browser.find("timeline-play-label").getText()).isEqualTo("일시 정지");
        assertThat(browser.find("timeline-step").getText()).isEqualTo("한 단계");
        assertThat(browser.find("step-check-1").getText()).isEqualTo("아직");
        assertThat(browser.find("step-check-1").getDomAttribute("title"))
                .isEqualTo("보이지 않음: srv의 포트 8888인 TCP 소켓이 LISTEN 상태가 됨 (상태가 바뀐 해당 소켓 없음)");
        assertThat(browser.find("lab-connection").getText()).isEqualTo("실시간");
        assertThat(browser.find("terminal-none").getText())
                .isEqualTo("노드를 더블클릭하거나 “터미널 열기”에서 노드를 골라 명령을 입력하세요.");

        browser.driver().navigate().refresh();
        browser.waitForText("lab-title", TITLE_KO);
        assertThat(browser.find("lang-ko").getDomAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void marksAFrameTheHubRepeatedToAHostItWasNotForAsDroppedThereWithTheReasonOnHover() {
        HeadlessChromium browser = session.browser();
        browser.open("http://localhost:" + port + "/");
        browser.find("lab-open-hub-basics").click();
        browser.waitForText("lab-title", "Two hosts on a hub");
        openTerminal(browser, "pc1");
        browser.typeAt("terminal-screen-pc1", "ping -c 1 192.168.1.20", Keys.ENTER);

        WebElement mark = browser.waitUntil("pc3 to drop a frame that was not for it", 20, d ->
                d.findElements(By.cssSelector("[data-testid^='drop-mark-'][data-node='pc3'][data-reason='NOT_FOR_US']"))
                        .stream().findFirst().orElse(null));
        String id = mark.getDomAttribute("data-testid").substring("drop-mark-".length());
        assertThat(mark.getDomAttribute("aria-label")).isEqualTo("Dropped by pc3: not addressed to this interface");

        new Actions(browser.driver()).moveToElement(mark).perform();
        assertThat(browser.find("drop-tip-" + id).getText()).isEqualTo("Dropped by pc3: not addressed to this interface");
    }

    @Test
    void doubleClickingANodeOnTheCanvasOpensItsTerminal() {
        HeadlessChromium browser = session.browser();
        openTcpLab(browser);
        WebDriver driver = browser.driver();

        // the node's test id sits exactly over the node Cytoscape draws, and lets pointer events through to it
        new Actions(driver).doubleClick(browser.find("topology-node-srv")).perform();

        browser.find("terminal-screen-srv");
        assertThat(browser.testIdsWithin(browser.find("terminals"), "terminal-tab-")).isEqualTo(List.of("terminal-tab-srv"));
    }
}
