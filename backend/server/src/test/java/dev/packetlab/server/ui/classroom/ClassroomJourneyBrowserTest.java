package dev.packetlab.server.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.ui.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journey through three browsers: a teacher starts a class of the switch lab, Kim and Lee join with the
 * code from their own browsers and each completes step 1 in their own lab, the dashboard shows it as it happens, the
 * teacher watches Kim's lab (read-only: what the teacher types goes nowhere) and presents the teacher's own lab to
 * both, who see it in a read-only tab (Lee in Korean) and go back to their own. It always saves
 * {@code target/browser-screenshots/classroom-dashboard.png} and {@code classroom-presented.png}, for documentation
 * that shows the pages as they are.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassroomJourneyBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aTeacherRunsAClassOfTwoWatchesOneAndPresentsToBoth() {
        HeadlessChromium teacher = browsers.of("teacher");
        teacher.open(url("/"));
        teacher.find("nav-teach").click();
        teacher.find("class-new-start-switch-basics").click();
        String code = teacher.waitUntil("a join code", 15, d -> {
            String shown = teacher.find("class-join-code").getText();
            return shown.matches("[A-Z2-9]{6}") ? shown : null;
        });
        teacher.find("class-students-empty");
        assertThat(teacher.find("class-students-empty").getText()).contains(code);

        HeadlessChromium kim = join("kim", code.toLowerCase(), "Kim");
        HeadlessChromium lee = join("lee", code, "Lee");
        teacher.waitForText("class-student-count", "2 students");
        String kimId = rowOf(teacher, "Kim");
        String leeId = rowOf(teacher, "Lee");
        teacher.waitForText("class-summary-1", "0 of 2");

        for (HeadlessChromium student : new HeadlessChromium[] {kim, lee}) {
            openTerminal(student, "pc1");
            student.typeAt("terminal-screen-pc1", "arp -n", Keys.ENTER);
            student.waitForTextContaining("terminal-screen-pc1", "HWaddress");
            student.typeAt("terminal-screen-pc1", "ping -c 1 192.168.1.20", Keys.ENTER);
            student.waitUntil("step 1 passed in the student's own lab", 60,
                    d -> "passed".equals(student.find("step-check-1").getDomAttribute("data-status")));
            assertThat(student.find("class-progress-step-1").getDomAttribute("data-status")).isEqualTo("passed");
        }

        teacher.waitForText("class-summary-1", "2 of 2");
        assertThat(teacher.find("class-cell-" + kimId + "-1").getDomAttribute("data-status")).isEqualTo("passed");
        assertThat(teacher.find("class-cell-" + leeId + "-1").getDomAttribute("data-status")).isEqualTo("passed");
        teacher.waitForText("class-student-step-" + kimId, "Step 2");
        assertThat(teacher.find("class-student-online-" + kimId).getDomAttribute("data-online")).isEqualTo("true");
        teacher.waitUntil("Kim's two lines counted as tries at step 1", 15,
                d -> "2".equals(teacher.find("class-cell-" + kimId + "-1").getDomAttribute("data-attempts")));

        teacher.screenshot(Browsers.SCREENSHOTS.resolve("classroom-dashboard.png"));

        // spectate Kim: the same lab, with Kim's terminal open; nothing typed here reaches it
        teacher.find("class-spectate-" + kimId).click();
        teacher.find("class-lab-watching");
        teacher.waitForText("class-watching-banner", "You are watching Kim’s lab. It is read-only: nothing you type reaches it.");
        teacher.waitForTextContaining("terminal-screen-pc1", "1 packets transmitted, 1 received");
        teacher.typeAt("terminal-screen-pc1", "echo from-the-teacher", Keys.ENTER);
        kim.typeAt("terminal-screen-pc1", "echo hello-from-kim", Keys.ENTER);
        teacher.waitForTextContaining("terminal-screen-pc1", "$ echo hello-from-kim\nhello-from-kim");
        assertThat(teacher.find("step-check-1").getDomAttribute("data-status")).isEqualTo("passed");
        assertThat(teacher.find("terminal-screen-pc1").getText()).doesNotContain("from-the-teacher");
        assertThat(kim.find("terminal-screen-pc1").getText()).doesNotContain("from-the-teacher");
        assertThat(teacher.find("lab-view").getDomAttribute("data-readonly")).isEqualTo("true");
        teacher.find("class-spectate-close").click();
        teacher.find("class-dashboard");

        // present: the teacher's lab comes up on both students' screens, read-only
        lee.find("lang-ko").click();
        teacher.find("class-present").click();
        teacher.find("class-lab-mine");
        openTerminal(teacher, "pc2");
        teacher.typeAt("terminal-screen-pc2", "arp -n", Keys.ENTER);
        teacher.waitForTextContaining("terminal-screen-pc2", "HWaddress");
        for (HeadlessChromium student : new HeadlessChromium[] {kim, lee}) {
            student.find("class-lab-presented");
            student.waitForTextContaining("terminal-screen-pc2", "HWaddress");
            assertThat(student.find("class-tab-presented").getDomAttribute("aria-selected")).isEqualTo("true");
        }
        kim.waitForTextContaining("class-presented-banner", "Your teacher’s lab, shown to the class. It is read-only: "
                + "go back to your lab to type.");
        assertThat(kim.find("lab-view").getDomAttribute("data-readonly")).isEqualTo("true");
        kim.screenshot(Browsers.SCREENSHOTS.resolve("classroom-presented.png"));
        lee.waitForText("class-tab-presented", "선생님 화면");
        assertThat(lee.find("class-presented-banner").getText()).startsWith("선생님이 보여 주는 랩입니다.");

        kim.find("class-presented-back").click();
        kim.find("class-lab-own");
        kim.waitForTextContaining("class-progress-step-1", "Passed");
        assertThat(teacher.find("class-present").getDomAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void aStudentWhoComesBackFromTheSameBrowserContinuesWithTheirOwnLab() {
        HeadlessChromium teacher = browsers.of("teacher");
        teacher.open(url("/classes/new"));
        teacher.find("class-new-start-switch-basics").click();
        String code = teacher.waitUntil("a join code", 15, d -> {
            String shown = teacher.find("class-join-code").getText();
            return shown.matches("[A-Z2-9]{6}") ? shown : null;
        });
        HeadlessChromium kim = join("kim", code, "Kim");
        openTerminal(kim, "pc1");
        kim.typeAt("terminal-screen-pc1", "echo before-leaving", Keys.ENTER);
        kim.waitForTextContaining("terminal-screen-pc1", "before-leaving");
        String lab = kim.find("class-open-full").getDomAttribute("href");

        kim.open(url("/"));
        kim.find("nav-join").click();
        kim.find("join-code").sendKeys(code);
        kim.find("join-resume").click();

        kim.find("class-lab-own");
        assertThat(kim.find("class-open-full").getDomAttribute("href")).isEqualTo(lab);
        openTerminal(kim, "pc1");
        kim.waitForTextContaining("terminal-screen-pc1", "before-leaving");
        teacher.waitForText("class-student-count", "1 student");
    }

    /** Joins from a fresh browser at /join, and waits for the student's own lab. */
    private HeadlessChromium join(String who, String code, String name) {
        HeadlessChromium b = browsers.of(who);
        b.open(url("/join"));
        b.find("join-code").sendKeys(code);
        b.find("join-name").sendKeys(name);
        b.find("join-submit").click();
        b.find("class-lab-own");
        b.waitUntil(who + "'s lab loaded", 30, d -> "true".equals(b.find("lab-view").getDomAttribute("data-loaded")));
        b.waitForTextContaining("class-title", name);
        return b;
    }

    private static void openTerminal(HeadlessChromium b, String node) {
        b.find("terminal-open").click();
        b.find("terminal-open-" + node).click();
        b.find("terminal-screen-" + node);
    }

    /** The student id of the dashboard row showing {@code name}. */
    private static String rowOf(HeadlessChromium teacher, String name) {
        return teacher.waitUntil(name + "'s row", 15, d -> d.findElements(By.cssSelector("tr[data-name='" + name + "']"))
                .stream().map(r -> r.getDomAttribute("data-testid").substring("class-student-".length())).findFirst()
                .orElse(null));
    }
}
