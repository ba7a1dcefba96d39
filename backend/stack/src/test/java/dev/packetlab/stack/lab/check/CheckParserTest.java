package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.lab.check.Runs.l;
import static dev.packetlab.stack.lab.check.Runs.m;
import static dev.packetlab.stack.lab.check.Runs.parse;
import static dev.packetlab.stack.lab.check.Runs.step;
import static dev.packetlab.stack.lab.check.Runs.switched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.packetlab.stack.lab.LabError;
import dev.packetlab.stack.lab.LabException;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.wire.Ipv4Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A step's {@code check:} is read into the vocabulary, and every mistake in it is a lab error with its path. */
class CheckParserTest {

    private static Check check(Map<String, Object> check) {
        return parse(switched(step(check))).steps().getFirst().check();
    }

    /** The errors of a lab whose only step has {@code check}, as "path: message". */
    private static List<String> errors(Map<String, Object> check) {
        LabException e = catchThrowableOfType(LabException.class, () -> parse(switched(step(check))));
        assertThat(e).as("a lab error").isNotNull();
        return e.errors().stream().map(x -> x.path() + ": " + x.message()).toList();
    }

    private static Set<Integer> address(String text) {
        return Set.of(Ipv4Address.parse(text).value());
    }

    @Test
    void aHandshakeCheckNamesNodesResolvedToTheirAddresses() {
        assertThat(check(m("tcp-handshake", m("client", "pc1", "server", "srv", "port", 8888))))
                .isEqualTo(new Check.TcpHandshake(new Peer("pc1", address("10.0.0.1")),
                        new Peer("srv", address("10.0.0.2")), 8888));
    }

    @Test
    void anEndMayBeAnAddressInsteadOfANode() {
        assertThat(check(m("tcp-handshake", m("server", "10.0.0.2"))))
                .isEqualTo(new Check.TcpHandshake(null, new Peer("10.0.0.2", address("10.0.0.2")), null));
    }

    @Test
    void aStepWithoutCheckHasNone() {
        assertThat(parse(switched(m("text", "look around"))).steps().getFirst().check()).isNull();
    }

    @Test
    void socketStatesAreAlsoTakenAsNetstatAndSsPrintThem() {
        assertThat(List.of("TIME_WAIT", "TIME-WAIT", "time_wait", "ESTAB", "SYN_RECV", "FIN_WAIT2"))
                .extracting(s -> ((Check.SocketState) check(m("socket-state", m("node", "srv", "state", s)))).state())
                .containsExactly("TIME_WAIT", "TIME_WAIT", "TIME_WAIT", "ESTABLISHED", "SYN_RECEIVED", "FIN_WAIT_2");
    }

    @Test
    void aTcpVariableTimeIsADurationAndEqualsIsBothBounds() {
        assertThat(check(m("tcp-variable", m("node", "pc1", "variable", "rto", "at-least", "1.5s"))))
                .isEqualTo(new Check.TcpVariable("pc1", null, TcpVariableName.RTO, 1_500_000_000L, null));
        assertThat(check(m("tcp-variable", m("node", "srv", "port", 80, "variable", "rcv-wnd", "equals", 0))))
                .isEqualTo(new Check.TcpVariable("srv", 80, TcpVariableName.RCV_WND, 0L, 0L));
    }

    @Test
    void eachCheckDescribesItselfInASentence() {
        assertThat(List.of(
                check(m("frame", m("proto", "tcp", "flags", "SA", "from", "srv", "to", "pc1", "port", 8888))),
                check(m("frame", m("icmp-type", "echo-reply", "from", "srv", "received-by", "pc1"))),
                check(m("frame", m("arp", "request", "broadcast", true))),
                check(m("drop", m("proto", "icmp", "at", "pc1", "reason", "not-for-us"))),
                check(m("tcp-close", m("client", "pc1", "server", "srv", "port", 8888, "first", "srv"))),
                check(m("socket-state", m("node", "srv", "port", 8888, "state", "LISTEN"))),
                check(m("retransmission", m("from", "pc1", "port", 80))),
                check(m("tcp-variable", m("node", "pc1", "variable", "cwnd", "at-most", 2920))),
                check(m("arp-entry", m("node", "pc1", "address", "srv", "mac", "srv"))),
                check(m("mac-entry", m("node", "sw1", "mac", "02:00:00:00:00:01", "port", "p1"))),
                check(m("output", m("node", "pc1", "command", "ping", "contains", " 0% packet loss"))),
                check(m("count", m("proto", "icmp", "at-least", 3))),
                check(m("before", l(m("frame", m("proto", "arp")), m("frame", m("proto", "icmp"))))),
                check(m("all", l(m("frame", m("proto", "arp")), m("not", m("frame", m("proto", "udp")))))))
        ).extracting(Check::describe).containsExactly(
                "a TCP segment with flags SYN, ACK from srv to pc1 on port 8888",
                "an ICMP echo-reply from srv received by pc1",
                "an ARP request to the broadcast MAC address",
                "an ICMP message dropped at pc1 (not addressed to this interface)",
                "a TCP connection closed by both sides from pc1 to srv port 8888, srv sending the first FIN",
                "a TCP socket of srv on port 8888 in state LISTEN",
                "a TCP retransmission from pc1 on port 80",
                "the congestion window (cwnd) of a TCP connection of pc1 at most 2920 bytes",
                "pc1's ARP cache holding srv at srv's MAC address",
                "sw1's MAC table holding 02:00:00:00:00:01 on port p1",
                "ping on pc1 printing a line containing \" 0% packet loss\"",
                "at least 3 × an ICMP message",
                "an ARP packet, then an ICMP message",
                "all of: an ARP packet; not a UDP datagram");
    }

    // ---- mistakes --------------------------------------------------------------------------------------

    @Test
    void aCheckIsOneKeyAndSeveralGoUnderAll() {
        assertThat(errors(m("frame", m("proto", "arp"), "output", m("node", "pc1", "contains", "x")))).containsExactly(
                "steps[0].check: expected one check, such as {frame: {proto: arp}}, got 2 keys (frame, output); "
                        + "to require several, list them under all:");
    }

    @Test
    void anUnknownCheckSuggestsTheNearestName() {
        assertThat(errors(m("tcp-handshak", m()))).singleElement().asString().startsWith(
                "steps[0].check.tcp-handshak: unknown check (did you mean tcp-handshake?); known: all, any, "
                        + "arp-entry, ");
    }

    @Test
    void anUnknownKeySuggestsTheNearestAndListsTheAllowedOnes() {
        assertThat(errors(m("tcp-handshake", m("clinet", "pc1")))).containsExactly(
                "steps[0].check.tcp-handshake.clinet: unknown key (did you mean client?); allowed: client, port, "
                        + "server");
    }

    @Test
    void aNodeTheLabDoesNotHaveIsNamedWithTheKnownOnes() {
        assertThat(errors(m("socket-state", m("node", "pc9", "state", "LISTEN")))).containsExactly(
                "steps[0].check.socket-state.node: no node named \"pc9\" (known: pc1, srv, sw1)");
    }

    @Test
    void aSwitchCannotBeTheSourceOfAPacket() {
        assertThat(errors(m("frame", m("from", "sw1")))).containsExactly(
                "steps[0].check.frame.from: sw1 is a switch, which has no IP stack (only hosts, servers and routers "
                        + "do)");
    }

    @Test
    void tcpFlagsAreLetters() {
        assertThat(errors(m("frame", m("flags", "SX")))).containsExactly("steps[0].check.frame.flags: 'X' is not a TCP "
                + "flag; the letters are S (SYN), A (ACK), F (FIN), R (RST), P (PSH), U (URG), E (ECE), C (CWR)");
    }

    @Test
    void aKeyAboutAnotherProtocolThanProtoCouldMatchNothing() {
        assertThat(errors(m("frame", m("proto", "udp", "flags", "S")))).containsExactly(
                "steps[0].check.frame.flags: flags is about TCP, but proto is udp");
        assertThat(errors(m("frame", m("icmp-type", "echo-request", "flags", "S")))).containsExactly(
                "steps[0].check.frame.flags: flags is about TCP but icmp-type is about ICMP: no frame is both");
    }

    @Test
    void anEmptyFilterWouldMatchEveryFrame() {
        assertThat(errors(m("frame", m()))).containsExactly(
                "steps[0].check.frame: an empty filter matches every frame: say what to look for, e.g. {proto: arp}");
    }

    @Test
    void aPortIsAWholeNumberFrom1To65535() {
        assertThat(errors(m("tcp-handshake", m("port", "http")))).containsExactly(
                "steps[0].check.tcp-handshake.port: expected a port from 1 to 65535, got the text \"http\"");
    }

    @Test
    void aStateIsOneOfTcps() {
        assertThat(errors(m("socket-state", m("node", "srv", "state", "TIME_WAITT")))).containsExactly(
                "steps[0].check.socket-state.state: unknown TCP state \"TIME_WAITT\" (did you mean TIME_WAIT?); one of "
                        + "CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, "
                        + "CLOSING, LAST_ACK, TIME_WAIT");
    }

    @Test
    void aBadRegularExpressionIsNamed() {
        assertThat(errors(m("output", m("node", "pc1", "matches", "ttl=(6")))).containsExactly(
                "steps[0].check.output.matches: not a regular expression: Unclosed group at index 6");
    }

    @Test
    void outputTakesContainsOrMatchesNotBoth() {
        assertThat(errors(m("output", m("node", "pc1", "contains", "a", "matches", "b")))).containsExactly(
                "steps[0].check.output: give contains: (a text) or matches: (a regular expression), one of them");
    }

    @Test
    void onlyASwitchHasAMacTable() {
        assertThat(errors(m("mac-entry", m("node", "pc1", "mac", "srv")))).containsExactly(
                "steps[0].check.mac-entry.node: pc1 is a host; only a switch learns MAC addresses (a hub repeats every "
                        + "frame without a table)");
    }

    @Test
    void aMacTablePortMustBeOneOfTheSwitchs() {
        assertThat(errors(m("mac-entry", m("node", "sw1", "mac", "pc1", "port", "p7")))).containsExactly(
                "steps[0].check.mac-entry.port: expected a port of sw1 (p1, p2), got the text \"p7\"");
    }

    @Test
    void aDropReasonIsOneOfTheKnownOnes() {
        assertThat(errors(m("drop", m("reason", "ttl-expird")))).singleElement().asString().startsWith(
                "steps[0].check.drop.reason: unknown reason the text \"ttl-expird\" (did you mean ttl-expired?); one "
                        + "of queue-full, link-loss, ");
    }

    @Test
    void countCountsOneLeafCheckNotACombination() {
        assertThat(errors(m("count", m("all", l(m("frame", m("proto", "arp"))), "at-least", 1)))).containsExactly(
                "steps[0].check.count.all: count counts occurrences of one check such as frame, retransmission or "
                        + "tcp-handshake; all, any, not, before and count cannot be counted");
    }

    @Test
    void countNeedsABound() {
        assertThat(errors(m("count", m("proto", "arp")))).containsExactly(
                "steps[0].check.count: say how many: at-least, at-most or exactly");
    }

    @Test
    void beforeNeedsTwoChecks() {
        assertThat(errors(m("before", l(m("frame", m("proto", "arp")))))).containsExactly(
                "steps[0].check.before: before needs at least two checks, in the order they must happen, got 1");
    }

    @Test
    void aMistakeInsideACombinationIsReportedAtItsPlaceInTheList() {
        assertThat(errors(m("all", l(m("frame", m("proto", "arp")), m("not", m("frame", m("proto", "icmpp")))))))
                .containsExactly("steps[0].check.all[1].not.frame.proto: unknown protocol the text \"icmpp\" (did you "
                        + "mean icmp?); one of arp, ip, icmp, udp, tcp, dns, http");
    }

    /** A check that holds before anything happens would pass for a learner who did nothing. */
    @Test
    void aCheckThatPassesOnAnEmptyRunIsAnError() {
        String message = "steps[0].check: this check passes on a run where nothing happened (not: and at-most: do): "
                + "put it in all: with a check of what the learner must make happen";
        assertThat(errors(m("not", m("frame", m("proto", "icmp"))))).containsExactly(message);
        assertThat(errors(m("count", m("proto", "icmp", "at-most", 2)))).containsExactly(message);
        assertThat(errors(m("any", l(m("frame", m("proto", "arp")), m("not", m("frame", m("proto", "icmp")))))))
                .containsExactly(message);
    }

    @Test
    void notBesideACheckOfWhatMustHappenIsAccepted() {
        assertThat(check(m("all", l(m("frame", m("proto", "arp")), m("not", m("frame", m("proto", "icmp")))))))
                .isInstanceOf(Check.All.class);
    }

    @Test
    void everyMistakeOfEveryStepIsReportedAtOnce() {
        LabException e = catchThrowableOfType(LabException.class, () -> parse(switched(
                step(m("frame", m("port", 0))),
                m("text", "no check here"),
                step(m("output", m("node", "pc1"))))));
        assertThat(e.errors()).containsExactly(
                new LabError("steps[0].check.frame.port", "expected a port from 1 to 65535, got 0"),
                new LabError("steps[2].check.output", "give contains: (a text) or matches: (a regular expression), "
                        + "one of them"));
    }

    /** The schema lists the same words the parser takes, so an editor's completion offers only what works. */
    @Test
    void theSchemaListsEveryDropReasonVariableAndProtocol() throws IOException {
        String schema = Files.readString(Path.of("../../docs/lab.schema.json")).replaceAll("\\s+", "");
        assertThat(schema).contains("\"reason\":{\"enum\":[" + Arrays.stream(DropReason.values())
                .map(r -> "\"" + r.name().toLowerCase().replace('_', '-') + "\"").collect(Collectors.joining(","))
                + "]}");
        assertThat(schema).contains("\"variable\":{\"enum\":[" + Arrays.stream(TcpVariableName.values())
                .map(v -> "\"" + v.key() + "\"").collect(Collectors.joining(",")) + "]}");
        assertThat(schema).contains("\"proto\":{\"enum\":[" + CheckParser.PROTOCOLS.stream()
                .map(p -> "\"" + p + "\"").collect(Collectors.joining(",")) + "]}");
    }
}
