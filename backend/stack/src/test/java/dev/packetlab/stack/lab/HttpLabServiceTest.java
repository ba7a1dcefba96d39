package dev.packetlab.stack.lab;

import static dev.packetlab.stack.lab.LabTrees.host;
import static dev.packetlab.stack.lab.LabTrees.l;
import static dev.packetlab.stack.lab.LabTrees.lab;
import static dev.packetlab.stack.lab.LabTrees.link;
import static dev.packetlab.stack.lab.LabTrees.m;
import static dev.packetlab.stack.lab.LabTrees.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The http service of a lab file: its pages are served from the start, and each mistake is named at its path. */
class HttpLabServiceTest {

    private static Map<String, Object> webLab(Object http) {
        Map<String, Object> web = host("web", "10.0.0.80/24");
        web.put("services", l(m("http", http)));
        return lab(l(host("pc1", "10.0.0.1/24"), node("sw1", "switch"), web),
                l(link("pc1", "sw1"), link("web", "sw1")));
    }

    private static String run(Map<String, Object> tree, String command) {
        LabInstance lab = LabBuilder.build("lab.yaml", LabParser.parse("lab.yaml", tree));
        StringBuilder out = new StringBuilder();
        lab.network().trace().subscribe(e -> {
            if (e instanceof TraceEvent.TerminalOutput t) out.append(t.node()).append(": ").append(t.text());
        });
        new ScriptRunner(lab, Long.MAX_VALUE).run(List.of(new ScriptLine.Command(1, "pc1", command, false)));
        return out.toString();
    }

    private static void assertError(Object http, String message) {
        Map<String, Object> tree = webLab(http);
        Lab parsed = LabParser.parse("lab.yaml", tree);
        assertThatThrownBy(() -> LabBuilder.build("lab.yaml", parsed)).isInstanceOf(LabException.class)
                .hasMessageContaining(message);
    }

    @Test
    void thePagesOfTheLabAreServedWithTheTypeTheirPathSuggests() {
        Map<String, Object> pages = m("/", "<h1>Lab</h1>", "/logo.png", m("size", 2048), "/style.css", m("body", "p{}"));

        assertThat(run(webLab(m("pages", pages)), "curl -I http://web/logo.png"))
                .contains("pc1: HTTP/1.1 200 OK\n", "Content-Type: image/png\n", "Content-Length: 2048\n");
    }

    @Test
    void aPageMarkedChunkedIsSentChunked() {
        Map<String, Object> pages = m("/big.txt", m("size", 5000, "chunked", true, "chunk", 4096));

        assertThat(run(webLab(m("pages", pages)), "curl -I http://web/big.txt"))
                .contains("Transfer-Encoding: chunked\n").doesNotContain("Content-Length");
    }

    @Test
    void withoutPagesTheServerAnswersItWorks() {
        assertThat(run(webLab(m()), "curl http://web/")).endsWith("pc1: <html><body><h1>It works!</h1></body></html>\n");
    }

    @Test
    void aRedirectPageAndTheKeepAliveTimeAreTakenFromTheFile() {
        Map<String, Object> pages = m("/", "home", "/old", m("redirect", "/", "status", 308));

        String out = run(webLab(m("pages", pages, "keepalive", "0s")), "curl -v http://web/old");
        assertThat(out).contains("< HTTP/1.1 308 Permanent Redirect\n", "< Location: /\n", "< Connection: close\n");
    }

    @Test
    void logPrintsTheAccessLogOnTheServersTerminal() {
        assertThat(run(webLab(m("log", true)), "curl -s http://web/"))
                .contains("web: 10.0.0.1 - - [01/Jan/1970:00:00:00 +0000] \"GET / HTTP/1.1\" 200 45 \"-\" \"curl/8.5.0\"\n");
    }

    @Test
    void aPortOutOfRangeIsNamedAtItsPath() {
        assertError(m("port", 70000), "nodes[2].services[0].http.port: 70000 is outside 1..65535");
    }

    @Test
    void aKeepAliveWithoutUnitIsRefused() {
        assertError(m("keepalive", 5), "nodes[2].services[0].http.keepalive: expected a duration with its unit, such as 5s or 500ms, got 5");
    }

    @Test
    void anUnknownParameterIsNamed() {
        assertError(m("root", "/var/www"), "nodes[2].services[0].http.root: unknown parameter (known: builtins, keepalive, log, pages, port)");
    }

    @Test
    void anUnknownPageKeyIsNamedAtThePagesPath() {
        assertError(m("pages", m("/", m("body", "x", "colour", "red"))),
                "nodes[2].services[0].http.pages[\"/\"].colour: unknown key (known: body, chunk, chunked, redirect, size, status, type)");
    }

    @Test
    void aPageNeedsExactlyOneOfBodySizeOrRedirect() {
        assertError(m("pages", m("/a", m("body", "x", "size", 3))),
                "nodes[2].services[0].http.pages[\"/a\"]: give exactly one of body (the text), size (filler bytes) or redirect (a URL)");
    }

    @Test
    void madeUpBytesOfATypeWiresharkWouldFindMalformedAreRefused() {
        assertError(m("pages", m("/a.gif", m("size", 100))), "nodes[2].services[0].http.pages[\"/a.gif\"].size: bytes can "
                + "be made up for text/*, application/octet-stream and image/png (a real image), not image/gif; give body: instead");
    }

    @Test
    void aPathMustStartWithASlash() {
        assertError(m("pages", m("index.html", "x")),
                "nodes[2].services[0].http.pages[\"index.html\"]: a path starts with / and has no spaces, e.g. /index.html");
    }

    @Test
    void twoServersOnOnePortCannotBothBind() {
        Map<String, Object> tree = webLab(m());
        @SuppressWarnings("unchecked")
        Map<String, Object> web = (Map<String, Object>) ((List<Object>) tree.get("nodes")).get(2);
        web.put("services", new ArrayList<>(List.of(m("http", m()), m("http", m("port", 80)))));
        Lab parsed = LabParser.parse("lab.yaml", tree);

        assertThatThrownBy(() -> LabBuilder.build("lab.yaml", parsed))
                .hasMessageContaining("nodes[2].services[1].http.port: 80: bind: Address already in use");
    }

    @Test
    void theServerIsUpAtTimeZero() {
        LabInstance lab = LabBuilder.build("lab.yaml", LabParser.parse("lab.yaml", webLab(m())));

        assertThat(lab.simulation().now()).isZero();
        assertThat(dev.packetlab.stack.socket.SocketTable.of(lab.network().node("web")).sockets())
                .extracting(s -> s.local().port()).containsExactly(80);
    }
}
