package dev.packetlab.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.labs.LabCatalog;
import dev.packetlab.server.labs.LabSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The home page in a real browser against the real server: the built UI, the API and the labs. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HomePageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    LabCatalog catalog;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @Test
    void listsTheLabsAndSwitchesToKorean() {
        HeadlessChromium browser = session.browser();
        browser.open("http://localhost:" + port + "/");

        assertThat(browser.find("app-name").getText()).isEqualTo("PacketLab");
        WebElement list = browser.find("lab-list");
        assertThat(browser.testIdsWithin(list, "lab-item-"))
                .containsExactlyElementsOf(catalog.list().stream().map(LabSummary::id).map(id -> "lab-item-" + id).toList())
                .contains("lab-item-hub-basics", "lab-item-switch-basics", "lab-item-two-routers");
        assertThat(browser.find("lab-title-two-routers").getText()).isEqualTo("Two subnets, two routers");
        assertThat(browser.find("lab-nodes-two-routers").getText()).isEqualTo("7 nodes");

        browser.find("lang-ko").click();

        browser.waitForText("lab-title-switch-basics", "스위치에 연결된 두 호스트");
        assertThat(browser.find("lab-nodes-two-routers").getText()).isEqualTo("노드 7개");
        assertThat(browser.find("lab-open-two-routers").getText()).isEqualTo("열기");
        assertThat(browser.find("lang-ko").getDomAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void opensALabFileAndAnEmptyLabAndListsThemAmongTheRecentLabs(@TempDir Path dir) throws IOException {
        HeadlessChromium browser = session.browser();
        Path file = Files.writeString(dir.resolve("two-pcs.yaml"), """
                id: two-pcs
                title: {en: "Two PCs on a cable", ko: "케이블로 연결된 PC 두 대"}
                nodes:
                  - {id: a, kind: host, ip: 10.0.0.1/24}
                  - {id: b, kind: host, ip: 10.0.0.2/24}
                links:
                  - {a: a, b: b}
                """);
        browser.open("http://localhost:" + port + "/");
        assertThat(browser.find("recent-empty").getText()).isEqualTo("Labs you open appear here, to come back to.");

        browser.driver().findElement(HeadlessChromium.byTestId("home-file-input")).sendKeys(file.toString());

        browser.waitForText("lab-title", "Two PCs on a cable");
        assertThat(browser.testIdsWithin(browser.find("topology"), "topology-node-"))
                .containsExactly("topology-node-a", "topology-node-b");
        assertThat(browser.find("steps-none").getText()).isEqualTo("This lab has no guided steps: explore freely.");
        String fileLab = browser.driver().getCurrentUrl().replaceAll(".*/labs/", "");

        browser.find("nav-home").click();
        browser.find("home-new-empty").click();
        browser.waitForText("lab-title", "Untitled lab");
        // an empty lab says how to start building it
        assertThat(browser.find("topology-empty").getText()).isEqualTo("No nodes yet. Drag a host, server, switch, hub "
                + "or router from the bar above onto the canvas (or click one), then pick Cable and drag from one node to "
                + "another to connect them. ? lists the shortcuts.");
        String emptyLab = browser.driver().getCurrentUrl().replaceAll(".*/labs/", "");

        browser.find("nav-home").click();
        assertThat(browser.testIdsWithin(browser.find("recent-list"), "recent-item-"))
                .containsExactly("recent-item-" + emptyLab, "recent-item-" + fileLab);
        assertThat(browser.find("recent-title-" + fileLab).getText()).isEqualTo("Two PCs on a cable");

        browser.find("recent-open-" + fileLab).click();
        browser.waitForText("lab-title", "Two PCs on a cable");
    }
}
