package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.lab.check.Runs.l;
import static dev.packetlab.stack.lab.check.Runs.m;
import static dev.packetlab.stack.lab.check.Runs.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.lab.check.Runs.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DNS and HTTP checks on the real programs: pc1 resolves www.example.lab at ns and fetches its page from web with
 * curl, the journey of the seed book's first chapter.
 */
class WebCheckTest {
    private static final Map<String, Object> DNS_ANSWER = m("frame", m("dns", "response", "dns-rcode", "NOERROR",
            "dns-name", "www.example.lab", "from", "ns", "to", "pc1"));
    private static final Map<String, Object> HANDSHAKE = m("tcp-handshake", m("client", "pc1", "server", "web",
            "port", 80));
    private static final Map<String, Object> GET = m("frame", m("http-method", "GET", "from", "pc1", "to", "web"));
    private static final Map<String, Object> OK = m("frame", m("http-status", 200, "from", "web", "to", "pc1"));

    /** pc1 (resolver ns), web serving HTTP, ns serving example.lab, all on sw1. */
    private static Map<String, Object> web(Object... steps) {
        return m("id", "t", "title", "T",
                "nodes", l(m("id", "pc1", "kind", "host", "ip", "10.0.0.1/24", "dns", "10.0.0.53"),
                        m("id", "web", "kind", "server", "ip", "10.0.0.80/24", "services", l(m("http", m()))),
                        m("id", "ns", "kind", "server", "ip", "10.0.0.53/24",
                                "services", l(m("dns", m("zone", m("www.example.lab", m("A", "10.0.0.80")))))),
                        m("id", "sw1", "kind", "switch")),
                "links", l(m("a", "pc1", "b", "sw1"), m("a", "web", "b", "sw1"), m("a", "ns", "b", "sw1")),
                "steps", l(steps));
    }

    private static List<StepResult> run(String script, Object... steps) {
        return new Run(web(steps)).script(script).finish();
    }

    @Test
    void aPageFetchedByNameIsAQueryAnAnswerAHandshakeAGetAndA200InThatOrder() {
        List<StepResult> r = run("pc1: curl http://www.example.lab/\n",
                step(m("frame", m("dns", "query", "dns-name", "www.example.lab", "from", "pc1", "to", "ns"))),
                step(DNS_ANSWER), step(HANDSHAKE), step(GET), step(OK),
                step(m("before", l(DNS_ANSWER, HANDSHAKE, GET, OK))));
        assertThat(r).allSatisfy(s -> assertThat(s.passed()).as(s.why()).isTrue());
        assertThat(r.get(3).why()).startsWith("pc1 sent TCP 10.0.0.1 → 10.0.0.80 ");
    }

    @Test
    void aPageFetchedByAddressAsksNoName() {
        List<StepResult> r = run("pc1: curl http://10.0.0.80/\n", step(DNS_ANSWER),
                step(m("before", l(HANDSHAKE, GET, OK))));
        assertThat(r.get(0).passed()).isFalse();
        assertThat(r.get(0).why())
                .isEqualTo("not seen: a DNS response from ns to pc1 for www.example.lab. answering NOERROR");
        assertThat(r.get(1).passed()).isTrue();
    }

    @Test
    void aNameTheZoneDoesNotHaveIsAnsweredNxdomain() {
        List<StepResult> r = run("pc1: dig nope.example.lab\n",
                step(m("frame", m("dns-rcode", "NXDOMAIN", "dns-name", "nope.example.lab", "to", "pc1"))),
                step(m("output", m("node", "pc1", "command", "dig", "contains", "status: NXDOMAIN"))));
        assertThat(r).allSatisfy(s -> assertThat(s.passed()).as(s.why()).isTrue());
    }

    @Test
    void aMissingPageIsA404() {
        List<StepResult> r = run("pc1: curl http://web/nothing-here\n",
                step(m("frame", m("http-status", 404, "from", "web"))), step(OK));
        assertThat(r.get(0).passed()).isTrue();
        assertThat(r.get(1).passed()).isFalse();
    }
}
