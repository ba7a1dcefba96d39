package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.lab.check.Runs.l;
import static dev.packetlab.stack.lab.check.Runs.m;
import static dev.packetlab.stack.lab.check.Runs.step;
import static dev.packetlab.stack.lab.check.Runs.switched;
import static dev.packetlab.stack.lab.check.Runs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A guard: every check type of the lab-file vocabulary explains itself in Korean, with no English words left but the
 * technical tokens — protocol names, flags and states in capitals, addresses, node names, ports, the lab file's own
 * keys (echo-request, rcv-wnd), system calls (listen()), quoted text and expressions the author wrote. A new check type without Korean words
 * fails here: it needs a sample below, and its sample's Korean must pass the scan.
 *
 * <p>Explanations of frames seen end in the frame's one-line summary (the packet list's Info column, as Wireshark
 * writes it); the exact-string tests in {@link KoreanExplanationTest} cover those, so the passing runs here are of the
 * checks whose explanation has none.
 */
class KoreanGuardTest {
    private static final String PING = "pc1: ping -c 1 10.0.0.2\n";
    private static final String NC = "srv: echo hello | nc -l 8888 &\npc1: nc srv 8888\nwait 1s\n";

    /** Samples of each check type that fail on both runs, so their explanation is built from the check's words. */
    private static Map<String, List<Object>> failing() {
        Map<String, List<Object>> s = new LinkedHashMap<>();
        s.put("frame", List.of(
                m("flags", "SA", "port", 80, "sent-by", "srv"),
                m("has-flags", "F", "src-port", 80, "dst-port", 1234, "contains", "hi", "received-by", "pc1"),
                m("icmp-type", 3, "icmp-code", 1, "fragment", true, "from", "srv", "to", "pc1"),
                m("arp", "reply", "broadcast", true),
                m("dns", "response", "dns-name", "www.example.lab", "dns-rcode", "NXDOMAIN"),
                m("http-method", "GET"),
                m("http-status", 404),
                m("proto", "http"),
                m("proto", "ip", "fragment", true),
                m("proto", "udp")));
        s.put("drop", List.of(m("proto", "icmp", "at", "sw1", "reason", "queue-full"), m("to", "srv")));
        s.put("tcp-handshake", List.of(m("client", "pc1", "server", "srv", "port", 80), m("server", "pc1")));
        s.put("tcp-close", List.of(m("client", "srv", "server", "pc1", "port", 80, "first", "pc1")));
        s.put("socket-state", List.of(m("node", "srv", "protocol", "udp", "port", 53, "remote", "pc1",
                "remote-port", 1234, "state", "ESTABLISHED")));
        for (TcpAnalysis.Kind kind : TcpAnalysis.Kind.values()) {
            s.put(kind.key(), List.of(m("from", "pc1", "to", "srv", "port", 5001), m()));
        }
        List<Object> variables = new ArrayList<>();
        for (TcpVariableName v : TcpVariableName.values()) {
            variables.add(v.time() ? m("node", "pc1", "variable", v.key(), "at-least", "100s")
                    : m("node", "pc1", "variable", v.key(), "at-least", 3, "at-most", 4));
            variables.add(m("node", "pc1", "port", 5001, "variable", v.key(), "equals", v.time() ? "1s" : 7));
        }
        s.put("tcp-variable", variables);
        s.put("arp-entry", List.of(m("node", "pc1", "address", "10.0.0.9", "mac", "02:00:00:00:00:09")));
        s.put("mac-entry", List.of(m("node", "sw1", "mac", "srv", "port", "p1")));
        s.put("output", List.of(m("node", "pc1", "command", "ping", "contains", "nothing like this"),
                m("node", "srv", "matches", "^never$")));
        s.put("count", List.of(m("proto", "udp", "exactly", 2), m("tcp-handshake", m(), "at-least", 2)));
        s.put("before", List.of(l(m("frame", m("proto", "udp")), m("tcp-handshake", m()))));
        s.put("all", List.of(l(m("frame", m("proto", "udp")), m("tcp-close", m()))));
        s.put("any", List.of(l(m("frame", m("proto", "udp")), m("zero-window", m()))));
        // not alone would pass on an empty run, which a step may not: here it is the whole check
        s.put("not", List.of(m("all", l(m("tcp-handshake", m()), m("not", m("tcp-close", m())))),
                m("all", l(m("tcp-handshake", m()), m("not", m("socket-state", m("node", "srv", "state", "LISTEN")))))));
        return s;
    }

    /** Checks that pass on the nc run, whose explanation holds no frame summary. */
    private static final List<Map<String, Object>> PASSING = List.of(
            m("tcp-handshake", m("client", "pc1", "server", "srv", "port", 8888)),
            m("tcp-close", m("first", "srv")),
            m("socket-state", m("node", "pc1", "state", "ESTABLISHED")),
            m("socket-state", m("node", "srv", "state", "LISTEN")),
            m("tcp-variable", m("node", "srv", "variable", "rcv-wnd", "at-least", 0)),
            m("tcp-variable", m("node", "pc1", "variable", "rto", "at-least", "1s")),
            m("arp-entry", m("node", "pc1", "address", "srv", "mac", "srv")),
            m("mac-entry", m("node", "sw1", "mac", "pc1")),
            m("output", m("node", "pc1", "contains", "hello")),
            m("count", m("tcp-handshake", m(), "exactly", 1)),
            m("before", l(m("tcp-handshake", m()), m("tcp-close", m()))),
            m("all", l(m("tcp-handshake", m()), m("not", m("tcp-close", m("first", "pc1"))))),
            m("any", l(m("tcp-close", m()), m("zero-window", m()))));

    private static final Set<String> NODES = Set.of("pc1", "srv", "sw1");
    /** Technical words in lower case: a program name and the lab file's variable names (cwnd, rto). */
    private static final Set<String> LOWER_CASE_TOKENS = Stream.concat(Stream.of("ping"),
            Arrays.stream(TcpVariableName.values()).map(TcpVariableName::key)).collect(Collectors.toSet());
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|/[^/ ]+/|[a-z_]+\\(\\)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:+\\-]+");

    /** The English words left in a Korean text, technical tokens aside. */
    private static List<String> englishWords(String korean) {
        List<String> left = new ArrayList<>();
        Matcher m = WORD.matcher(QUOTED.matcher(korean).replaceAll(""));
        while (m.find()) {
            String w = m.group();
            if (!w.matches(".*[a-z].*")) continue; // capitals, digits, addresses: SYN, TIME_WAIT, 10.0.0.1:80
            if (w.matches(".*[0-9.\\-].*")) continue; // pc1, IPv4, eth0, rcv-wnd, echo-request, www.example.lab.
            if (NODES.contains(w) || LOWER_CASE_TOKENS.contains(w)) continue;
            left.add(w);
        }
        return left;
    }

    @Test
    void everyCheckTypeHasAKoreanSampleHere() {
        assertThat(failing().keySet()).containsExactlyInAnyOrderElementsOf(CheckParser.keysByCheck().keySet());
    }

    @Test
    void everyCheckTypeExplainsAFailureInKoreanWithoutEnglishWords() {
        failing().forEach((type, samples) -> {
            for (Object sample : samples) {
                @SuppressWarnings("unchecked")
                Map<String, Object> check = type.equals("not") ? (Map<String, Object>) sample : m(type, sample);
                for (String script : List.of(PING, NC)) {
                    StepResult r = verdict(switched(step(check)), script);
                    assertThat(r.passed()).as("%s on %s", check, script).isFalse();
                    assertThat(r.whyKo()).as("%s", check).isNotBlank().isNotEqualTo(r.why());
                    assertThat(englishWords(r.whyKo())).as("%s: %s", check, r.whyKo()).isEmpty();
                }
            }
        });
    }

    @Test
    void passingChecksExplainThemselvesInKoreanWithoutEnglishWords() {
        for (Map<String, Object> check : PASSING) {
            StepResult r = verdict(switched(step(check)), NC);
            assertThat(r.passed()).as("%s: %s", check, r.why()).isTrue();
            assertThat(englishWords(r.whyKo())).as("%s: %s", check, r.whyKo()).isEmpty();
        }
    }

    @Test
    void theScanFindsAnEnglishWordLeftInAKoreanText() {
        assertThat(englishWords("[1.000000초] srv가 TIME_WAIT로 바뀜 (FIN received)")).containsExactly("received");
    }
}
