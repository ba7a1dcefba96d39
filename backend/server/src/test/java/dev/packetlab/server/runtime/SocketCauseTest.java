package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Socket causes as codes a client translates: every cause the stack can word has one. */
class SocketCauseTest {

    /** The stack's sources that word a socket's state change, and the calls that carry the cause. */
    static final List<Path> SOURCES = List.of(
            Path.of("../stack/src/main/java/dev/packetlab/stack/tcp/TcpConnection.java"),
            Path.of("../stack/src/main/java/dev/packetlab/stack/socket/DatagramSocket.java"));
    static final Pattern CALL = Pattern.compile("\\b(setState|destroy|fail|enterTimeWait|moveTo)\\(");

    @Test
    void aFixedCauseIsItsCodeWithNoParameters() {
        assertThat(SocketCause.of("SYN+ACK received")).isEqualTo(new SocketCause("syn-ack-received", Map.of()));
        assertThat(SocketCause.of("2·MSL elapsed")).isEqualTo(new SocketCause("time-wait-ended", Map.of()));
    }

    @Test
    void aCauseWithANumberOrAStateCarriesItAsAParameter() {
        assertThat(SocketCause.of("RST received in SYN_RECV: the half-open connection is dropped").code())
                .isEqualTo("rst-half-open");
        assertThat(SocketCause.of("RST received in LAST_ACK"))
                .isEqualTo(new SocketCause("rst-received-in", Map.of("state", "LAST_ACK")));
        assertThat(SocketCause.of("no ACK after 15 retransmissions"))
                .isEqualTo(new SocketCause("retransmissions-exhausted", Map.of("count", "15")));
        assertThat(SocketCause.of("ICMP destination unreachable (code 3) in SYN_SENT"))
                .isEqualTo(new SocketCause("icmp-unreachable-in-syn-sent", Map.of("code", "3")));
    }

    @Test
    void anUnknownCauseIsOther() {
        assertThat(SocketCause.of("the moon is full")).isEqualTo(new SocketCause("other", Map.of()));
        assertThat(SocketCause.of(null)).isEqualTo(new SocketCause("other", Map.of()));
    }

    @Test
    void everyCauseTheStackWordsHasItsOwnCode() throws IOException {
        List<String> causes = new ArrayList<>();
        for (Path source : SOURCES) causes.addAll(causesIn(Files.readString(source)));
        // a sanity check on the reading itself: these are among them
        assertThat(causes).contains("listen() called", "RST received in 7", "no answer to 7 SYNs",
                "close() called in CLOSE_WAIT", "close() or shutdown() called", "bound to an ephemeral port");

        assertThat(causes).allSatisfy(c -> assertThat(SocketCause.of(c).code()).as(c).isNotEqualTo(SocketCause.OTHER));
        Set<String> used = new LinkedHashSet<>();
        for (String c : causes) used.add(SocketCause.of(c).code());
        assertThat(used).as("codes no cause of the stack has").containsAll(
                SocketCause.codes().stream().filter(c -> !c.equals(SocketCause.OTHER)).toList());
    }

    /**
     * The causes a source passes to the state-changing calls, each written out: string literals joined, anything
     * else as {@code 7}, each side of a {@code ?:} on its own. A call whose cause is a variable passed on adds none.
     */
    static List<String> causesIn(String source) {
        List<String> causes = new ArrayList<>();
        Matcher m = CALL.matcher(source);
        while (m.find()) {
            List<String> args = arguments(source, m.end());
            if (args.isEmpty()) continue;
            String cause = args.getLast();
            if (!cause.contains("\"")) continue;
            for (String alternative : alternatives(cause)) causes.add(evaluate(alternative));
        }
        return causes;
    }

    /** The top-level arguments of the call whose parenthesis opened just before {@code at}. */
    private static List<String> arguments(String s, int at) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = at;
        for (int i = at; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = s.indexOf('"', i + 1);
                while (s.charAt(i - 1) == '\\') i = s.indexOf('"', i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth-- == 0) {
                    args.add(s.substring(start, i).strip());
                    return args;
                }
            } else if (c == ',' && depth == 0) {
                args.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        return args;
    }

    private static List<String> alternatives(String expression) {
        int q = topLevel(expression, '?');
        if (q < 0) return List.of(expression);
        String rest = expression.substring(q + 1);
        int colon = topLevel(rest, ':');
        return List.of(rest.substring(0, colon), rest.substring(colon + 1));
    }

    private static String evaluate(String expression) {
        StringBuilder out = new StringBuilder();
        Matcher lit = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(expression);
        int at = 0;
        while (lit.find()) {
            if (!expression.substring(at, lit.start()).replace("+", "").isBlank()) out.append('7');
            out.append(lit.group(1));
            at = lit.end();
        }
        if (!expression.substring(at).replace("+", "").isBlank()) out.append('7');
        return out.toString();
    }

    private static int topLevel(String s, char wanted) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') i = s.indexOf('"', i + 1);
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == wanted && depth == 0) return i;
        }
        return -1;
    }
}
