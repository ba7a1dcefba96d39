package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.lab.check.Runs.m;
import static dev.packetlab.stack.lab.check.Runs.step;
import static dev.packetlab.stack.lab.check.Runs.switched;
import static dev.packetlab.stack.lab.check.Runs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code arp-entry}, {@code mac-entry} and {@code output}: what the tables learned and what the terminals printed. */
class TableAndOutputCheckTest {
    private static final String PING = "pc1: ping -c 1 10.0.0.2\n";

    private static StepResult run(Map<String, Object> check, String script) {
        return verdict(switched(step(check)), script);
    }

    @Test
    void anArpEntryCountsOnceResolvedToTheNodesMac() {
        assertThat(run(m("arp-entry", m("node", "pc1", "address", "srv", "mac", "srv")), PING).why())
                .isEqualTo("pc1's ARP cache updated 10.0.0.2 at 02:00:00:00:00:02 on eth0 at 0.004019 s");
        assertThat(run(m("arp-entry", m("node", "pc1", "address", "10.0.0.2", "mac", "02:00:00:00:00:02")), PING)
                .passed()).isTrue();
    }

    @Test
    void anArpEntryToAnotherMacSaysWhatTheCacheHeld() {
        assertThat(run(m("arp-entry", m("node", "pc1", "address", "srv", "mac", "pc1")), PING).why())
                .isEqualTo("not seen: pc1's ARP cache holding srv at pc1's MAC address (it held 10.0.0.2 at "
                        + "02:00:00:00:00:02 instead)");
    }

    /** The request taught srv pc1's address too (RFC 826: the target merges the sender's pair). */
    @Test
    void theTargetOfARequestLearnsTheSender() {
        assertThat(run(m("arp-entry", m("node", "srv", "address", "pc1", "mac", "pc1")), PING).passed()).isTrue();
        assertThat(run(m("arp-entry", m("node", "srv", "address", "pc1")), "pc1: arp -n\n").passed()).isFalse();
    }

    @Test
    void aSwitchLearnsEachSourceOnItsPort() {
        assertThat(run(m("mac-entry", m("node", "sw1", "mac", "pc1", "port", "p1")), PING).why())
                .isEqualTo("sw1 learned 02:00:00:00:00:01 on port p1 at 0.001004 s");
        assertThat(run(m("mac-entry", m("node", "sw1", "mac", "pc1", "port", "p2")), PING).why())
                .isEqualTo("not seen: sw1's MAC table holding pc1's MAC address on port p2 (it held "
                        + "02:00:00:00:00:01 on port p1 instead)");
    }

    @Test
    void outputIsALineAProgramPrinted() {
        assertThat(run(m("output", m("node", "pc1", "command", "ping", "contains", " 0% packet loss")), PING).why())
                .isEqualTo("pc1 printed \"1 packets transmitted, 1 received, 0% packet loss, time 8ms\" at 0.008050 s");
    }

    @Test
    void theEchoOfACommandLineIsNotOutput() {
        assertThat(run(m("output", m("node", "pc1", "contains", "ping -c 1")), PING).passed()).isFalse();
    }

    /** Without command: the learner's own echo would pass; with it, only ping's words count. */
    @Test
    void commandKeepsAnEchoOfTheWordsFromPassingForThem() {
        String fake = "pc1: echo \"1 received, 0% packet loss\"\n";
        assertThat(run(m("output", m("node", "pc1", "contains", " 0% packet loss")), fake).passed()).isTrue();
        assertThat(run(m("output", m("node", "pc1", "command", "ping", "contains", " 0% packet loss")), fake).passed())
                .isFalse();
    }

    @Test
    void matchesIsARegularExpressionFoundInTheLine() {
        assertThat(run(m("output", m("node", "pc1", "matches", "icmp_seq=1 ttl=64 time=[0-9.]+ ms$")), PING).why())
                .isEqualTo("pc1 printed \"64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=8.05 ms\" at 0.008050 s");
        assertThat(run(m("output", m("node", "pc1", "matches", "ttl=128")), PING).passed()).isFalse();
    }

    @Test
    void aLineLeftWithoutNewlineIsJudgedAtTheEnd() {
        StepResult r = run(m("output", m("node", "srv", "command", "echo", "contains", "no newline")),
                "srv: echo -n no newline\n");
        assertThat(r.why()).isEqualTo("srv printed \"no newline\" at 0.000000 s");
    }

    @Test
    void outputOfAnotherNodeDoesNotCount() {
        assertThat(run(m("output", m("node", "srv", "contains", "packet loss")), PING).passed()).isFalse();
    }
}
