package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.testing.TestNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/** echo as bash's builtin, and cat with no files to read. */
class EchoCatTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "192.168.1.10/24");
    private final Recorder record = new Recorder(0);
    private final Shell shell = new Shell(pc1, List.of(record, new Echo(), new Cat()));
    private int status = Integer.MIN_VALUE;

    private String run(String line) {
        int from = t.events.size();
        shell.execute(line, code -> status = code);
        return t.terminalOutput("pc1", from);
    }

    @Test
    void echoJoinsItsWordsWithOneSpaceAndEndsTheLine() {
        assertThat(run("echo   hello    world")).isEqualTo("hello world\n");
        assertThat(status).isZero();
    }

    @Test
    void echoDashNLeavesTheNewlineOut() {
        run("echo -n hello | record");
        assertThat(record.heard).containsExactly("hello", "EOF");
    }

    @Test
    void echoDashEInterpretsBackslashEscapesAndStopsAtBackslashC() {
        run("echo -e 'a\\tb\\r\\nc\\x41\\0102\\\\ \\q\\c never' | record");
        assertThat(record.heard).containsExactly("a\tb\r\ncAB\\ \\q", "EOF");
    }

    @Test
    void echoWithoutDashEPrintsBackslashesAsTheyAre() {
        assertThat(run("echo 'a\\nb'")).isEqualTo("a\\nb\n");
    }

    @Test
    void echoPrintsWordsThatOnlyLookLikeOptions() {
        assertThat(run("echo -x -- --help -n")).isEqualTo("-x -- --help -n\n");
        assertThat(run("echo")).isEqualTo("\n");
    }

    @Test
    void catNamesAMissingFileAndFails() {
        assertThat(run("cat notes.txt")).isEqualTo("cat: notes.txt: No such file or directory\n");
        assertThat(status).isEqualTo(1);
    }

    @Test
    void catDashReadsStandardInput() {
        assertThat(run("echo abc | cat -")).isEqualTo("abc\n");
        assertThat(status).isZero();
    }
}
