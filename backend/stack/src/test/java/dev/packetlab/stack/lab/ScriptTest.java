package dev.packetlab.stack.lab;

import static dev.packetlab.stack.lab.LabTrees.host;
import static dev.packetlab.stack.lab.LabTrees.l;
import static dev.packetlab.stack.lab.LabTrees.lab;
import static dev.packetlab.stack.lab.LabTrees.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.sim.SimTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headless scripts: one command per line, and each bad line named by its number. */
class ScriptTest {
    private static final Lab LAB = LabParser.parse("lab.yaml", lab(l(host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24"),
            node("sw1", "switch")), l()));

    @Test
    void aCommandLineRunsOnTheNamedNodeInTheForeground() {
        assertThat(Script.parse("s.txt", "pc1: ping -c 3 10.0.0.2", LAB))
                .containsExactly(new ScriptLine.Command(1, "pc1", "ping -c 3 10.0.0.2", false));
    }

    @Test
    void aTrailingAmpersandRunsTheCommandInTheBackground() {
        assertThat(Script.parse("s.txt", "pc1: ping -c 3 10.0.0.2 &", LAB))
                .containsExactly(new ScriptLine.Command(1, "pc1", "ping -c 3 10.0.0.2", true));
    }

    @Test
    void waitLetsSimulatedTimePass() {
        assertThat(Script.parse("s.txt", "wait 1.5s\nwait 150ms", LAB))
                .containsExactly(new ScriptLine.Wait(1, SimTime.millis(1500)), new ScriptLine.Wait(2, SimTime.millis(150)));
    }

    @Test
    void commentsAndBlankLinesAreSkippedButKeepTheLineNumbers() {
        assertThat(Script.parse("s.txt", """
                # warm up

                pc2: arp -n   # after the ping
                """, LAB)).containsExactly(new ScriptLine.Command(3, "pc2", "arp -n", false));
    }

    @Test
    void aHashInsideAWordIsNotAComment() {
        assertThat(Script.parse("s.txt", "pc1: curl http://10.0.0.2/#top", LAB))
                .containsExactly(new ScriptLine.Command(1, "pc1", "curl http://10.0.0.2/#top", false));
    }

    @Test
    void withoutALabAnyNodeIdIsAccepted() {
        assertThat(Script.parse("s.txt", "web: ss -t"))
                .containsExactly(new ScriptLine.Command(1, "web", "ss -t", false));
    }

    @Test
    void anUnknownNodeNamesTheLabsNodes() {
        assertThatThrownBy(() -> Script.parse("script.txt", "wait 1s\n\npc9: ping 10.0.0.1\n", LAB))
                .isInstanceOf(LabException.class)
                .hasMessage("script.txt:3: no node named \"pc9\" (known: pc1, pc2, sw1)");
    }

    @Test
    void aWaitWithoutAUnitIsRejected() {
        assertThatThrownBy(() -> Script.parse("s.txt", "wait 2"))
                .hasMessage("s.txt:1: wait needs a duration such as 2s, 150ms or 10us, got \"2\"");
    }

    @Test
    void everyBadLineIsNamedByItsNumber() {
        LabException e = (LabException) org.assertj.core.api.Assertions.catchThrowable(
                () -> Script.parse("s.txt", "pc9: ping 1.2.3.4\nwait soon\njust words\npc1:\n", LAB));
        assertThat(e.errors()).extracting(LabError::path).containsExactly("1", "2", "3", "4");
        assertThat(e).hasMessage("""
                s.txt:1: no node named "pc9" (known: pc1, pc2, sw1)
                s.txt:2: wait needs a duration such as 2s, 150ms or 10us, got "soon"
                s.txt:3: expected "node: command" or "wait DURATION", got "just words"
                s.txt:4: no command after "pc1:\"""");
    }

    @Test
    void theNodeListMayComeWithoutALab() {
        assertThat(Script.parse("s.txt", "r1: ip route", List.of("r1")))
                .containsExactly(new ScriptLine.Command(1, "r1", "ip route", false));
    }
}
