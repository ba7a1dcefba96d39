package dev.packetlab.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.labs.LabCatalog;
import dev.packetlab.server.labs.LabSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.WebElement;
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

    @Test
    void listsTheLabsAndSwitchesToKorean() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open("http://localhost:" + port + "/");

            assertThat(browser.find("app-name").getText()).isEqualTo("PacketLab");
            WebElement list = browser.find("lab-list");
            assertThat(browser.testIdsWithin(list, "lab-item-"))
                    .containsExactlyElementsOf(dev.packetlab.server.labs.ShippedLabs.ids().stream()
                            .map(id -> "lab-item-" + id).toList());
            assertThat(browser.find("lab-title-two-routers").getText()).isEqualTo("Two subnets, two routers");
            assertThat(browser.find("lab-nodes-two-routers").getText()).isEqualTo("7 nodes");

            browser.find("lang-ko").click();

            browser.waitForText("lab-title-switch-basics", "스위치에 연결된 두 호스트");
            assertThat(browser.find("lab-nodes-two-routers").getText()).isEqualTo("노드 7개");
            assertThat(browser.find("lang-ko").getDomAttribute("aria-pressed")).isEqualTo("true");
        }
    }
}
