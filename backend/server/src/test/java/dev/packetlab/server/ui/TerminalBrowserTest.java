package dev.packetlab.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Terminals in a real browser: every key goes to the server's line discipline as a {@code keys} message and the
 * terminal shows the server's echo, so what one tab types another sees as it is typed, and the line editing, the history, Ctrl-C,
 * Ctrl-D, a paste and Korean text all behave as the node's shell has them (docs/protocol.md, {@code keys}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TerminalBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    /** Opens the TCP lab at real time (commands end quickly) and pc1's terminal; returns the lab's address. */
    private String openPc1(HeadlessChromium browser) {
        browser.open("http://localhost:" + port + "/");
        browser.find("lab-open-tcp-connection").click();
        browser.waitForText("lab-title", LabViewBrowserTest.TITLE);
        new Select(browser.find("timeline-speed")).selectByValue("1");
        openTerminal(browser, "pc1");
        return browser.driver().getCurrentUrl();
    }

    private static void openTerminal(HeadlessChromium browser, String node) {
        browser.find("terminal-open").click();
        browser.find("terminal-open-" + node).click();
        // the server draws the shell's prompt once a terminal is open at the node
        browser.waitForTextContaining("terminal-screen-" + node, "$");
    }

    /** The terminal's last row, as xterm.js shows it. */
    private static String lastRow(HeadlessChromium browser, String node) {
        String[] rows = browser.find("terminal-screen-" + node).getText().strip().split("\n");
        return rows[rows.length - 1];
    }

    private static void waitForLastRow(HeadlessChromium browser, String node, String row) {
        browser.waitUntil(node + "'s last row to be \"" + row + "\"", 15, d -> row.equals(lastRow(browser, node)));
    }

    @Test
    void aLineTypedInOneTabIsSeenInAnotherWhichRunsIt() {
        HeadlessChromium browser = session.browser();
        WebDriver driver = browser.driver();
        String url = openPc1(browser);
        String first = driver.getWindowHandle();
        browser.typeAt("terminal-screen-pc1", "ping -c 1 sr");

        // a second tab of the same browser holds the lab's owner token too, and may type
        driver.switchTo().newWindow(WindowType.TAB);
        browser.open(url);
        browser.waitForText("lab-title", LabViewBrowserTest.TITLE);
        openTerminal(browser, "pc1");
        waitForLastRow(browser, "pc1", "$ ping -c 1 sr");
        browser.typeAt("terminal-screen-pc1", "v", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");

        // the first tab shows the run it did not start (the screen holds the last rows: the command's are above)
        driver.switchTo().window(first);
        browser.waitForTextContaining("terminal-screen-pc1", "64 bytes from srv (10.0.0.2): icmp_seq=1 ttl=64");
        browser.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");
        waitForLastRow(browser, "pc1", "$");
    }

    @Test
    void anotherBrowserWithoutTheLabsTokenWatchesTheLineAsItIsTyped() {
        HeadlessChromium browser = session.browser();
        String url = openPc1(browser);

        try (HeadlessChromium watcher = HeadlessChromium.start()) {
            watcher.open(url);
            watcher.waitForText("lab-title", LabViewBrowserTest.TITLE);
            assertThat(watcher.find("lab-readonly").getDomAttribute("data-watching")).isEqualTo("true");
            assertThat(watcher.find("lab-readonly-badge").getText()).isEqualTo("Watching");
            assertThat(watcher.find("timeline-play").isEnabled()).isFalse();
            watcher.find("terminal-open").click();
            watcher.find("terminal-open-pc1").click();

            browser.typeAt("terminal-screen-pc1", "echo 안녕");
            watcher.waitUntil("the watcher to see the line being typed", 15,
                    d -> "$ echo 안녕".equals(lastRow(watcher, "pc1")));
            assertThat(watcher.present("terminal-interrupt")).isFalse();
        }
    }

    @Test
    void upRecallsTheLastCommandAndEnterRunsItAgain() {
        HeadlessChromium browser = session.browser();
        openPc1(browser);
        browser.typeAt("terminal-screen-pc1", "echo first", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "$ echo first\nfirst");
        browser.typeAt("terminal-screen-pc1", "echo second", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "$ echo second\nsecond");

        browser.typeAt("terminal-screen-pc1", Keys.ARROW_UP, Keys.ARROW_UP);
        waitForLastRow(browser, "pc1", "$ echo first");
        browser.typeAt("terminal-screen-pc1", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "$ echo second\nsecond\n$ echo first\nfirst");
    }

    @Test
    void ctrlCAtThePromptDropsTheLineBeingTyped() {
        HeadlessChromium browser = session.browser();
        openPc1(browser);
        browser.typeAt("terminal-screen-pc1", "ping -c 1 srv");
        waitForLastRow(browser, "pc1", "$ ping -c 1 srv");

        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("c").keyUp(Keys.CONTROL).perform();
        browser.waitForTextContaining("terminal-screen-pc1", "$ ping -c 1 srv^C\n$");
        browser.typeAt("terminal-screen-pc1", "echo ok", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "$ echo ok\nok");
        assertThat(browser.find("terminal-screen-pc1").getText()).doesNotContain("PING srv");
    }

    @Test
    void ctrlDEndsTheInputOfTheCommandReadingTheTerminal() {
        HeadlessChromium browser = session.browser();
        openPc1(browser);
        openTerminal(browser, "srv");
        browser.typeAt("terminal-screen-srv", "nc -l 8888 &", Keys.ENTER);
        browser.find("terminal-tab-pc1").click();
        browser.typeAt("terminal-screen-pc1", "nc srv 8888", Keys.ENTER);
        browser.typeAt("terminal-screen-pc1", "hi", Keys.ENTER);
        browser.find("terminal-tab-srv").click();
        browser.waitForTextContaining("terminal-screen-srv", "hi");

        browser.find("terminal-tab-pc1").click();
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys("d").keyUp(Keys.CONTROL).perform();
        // nc ended: the next line is a command again, not nc's input
        browser.typeAt("terminal-screen-pc1", "echo done", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "$ echo done\ndone");
    }

    @Test
    void koreanTextIsEditedAsWideCharactersAndPrinted() {
        HeadlessChromium browser = session.browser();
        openPc1(browser);
        browser.typeAt("terminal-screen-pc1", "echo 안녕 세상");
        waitForLastRow(browser, "pc1", "$ echo 안녕 세상");
        // the cursor moves back over two Hangul syllables, and what is typed goes in before them
        browser.typeAt("terminal-screen-pc1", Keys.ARROW_LEFT, Keys.ARROW_LEFT, "!");
        waitForLastRow(browser, "pc1", "$ echo 안녕 !세상");

        browser.typeAt("terminal-screen-pc1", Keys.ENTER);
        browser.waitForTextContaining("terminal-screen-pc1", "$ echo 안녕 !세상\n안녕 !세상");
    }

    @Test
    void aPastedLineRunsAsTyped() {
        HeadlessChromium browser = session.browser();
        openPc1(browser);
        browser.find("terminal-screen-pc1").click();
        // what a paste from the clipboard gives xterm.js: its text, newline included
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const area = document.querySelector("[data-testid='terminal-screen-pc1'] textarea");
                const data = new DataTransfer();
                data.setData('text/plain', arguments[0]);
                area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
                """, "echo pasted text\n");
        browser.waitForTextContaining("terminal-screen-pc1", "$ echo pasted text\npasted text");
    }
}
