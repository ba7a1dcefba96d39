package dev.packetlab.stack.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.sim.SimTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptTest {
    private static final List<String> NODES = List.of("pc1", "pc2", "sw1");

    @Test
    void commandsBackgroundWaitsAndCommentsParse() {
        List<ScriptLine> lines = Script.parse("s.txt", """
                # warm up
                pc1: ping -c 3 10.0.0.2 &
                wait 1.5s

                pc2: arp -n   # after the ping
                """, NODES);
        assertThat(lines).containsExactly(
                new ScriptLine.Command(2, "pc1", "ping -c 3 10.0.0.2", true),
                new ScriptLine.Wait(3, SimTime.millis(1500)),
                new ScriptLine.Command(5, "pc2", "arp -n", false));
    }

    @Test
    void everyBadLineIsNamedByItsNumber() {
        assertThatThrownBy(() -> Script.parse("s.txt", "pc9: ping 1.2.3.4\nwait soon\njust words\npc1:\n", NODES))
                .isInstanceOf(LabException.class)
                .hasMessage("""
                        s.txt:1: no node named "pc9" (known: pc1, pc2, sw1)
                        s.txt:2: wait needs a duration such as 2s or 150ms, got "soon"
                        s.txt:3: expected "node: command" or "wait DURATION", got "just words"
                        s.txt:4: no command after "pc1:\"""");
    }
}
