package dev.packetlab.server.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a socket changed state, as a stable code with its parameters beside the stack's English text, so that a client
 * can say it in its user's language: {@code "RST received in SYN_SENT: connection refused"} is
 * {@code connection-refused}, {@code "no answer to 6 SYNs"} is {@code syn-retries-exhausted} with {@code count} 6.
 * The stack words its causes for the event log (TcpConnection, DatagramSocket); this table is the one place that
 * knows them all, and {@code SocketCauseTest} reads the stack's sources to prove no cause is missing from it. A cause
 * it does not know is {@link #OTHER}, and a client shows the English text.
 *
 * @param code   the cause's code, one of {@link #codes()}
 * @param params the parts of the text that vary ({@code state}, {@code count}, {@code code}), in order
 */
public record SocketCause(String code, Map<String, String> params) {

    /** The code of a cause this table does not know. */
    public static final String OTHER = "other";

    private record Form(String code, Pattern pattern, List<String> names) {}

    private static final List<Form> FORMS = new ArrayList<>();

    private static void exact(String code, String text) {
        FORMS.add(new Form(code, Pattern.compile(Pattern.quote(text)), List.of()));
    }

    /** A text with {@code {name}} parts standing for one word each. */
    private static void form(String code, String text) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start()))).append("(\\S+?)");
            names.add(m.group(1));
            at = m.end();
        }
        regex.append(Pattern.quote(text.substring(at)));
        FORMS.add(new Form(code, Pattern.compile(regex.toString()), List.copyOf(names)));
    }

    static {
        // RFC 9293's calls and segments, as TcpConnection words them
        exact("listen-called", "listen() called");
        exact("connect-called", "connect() called");
        exact("bind-called", "bind() called");
        exact("bound-ephemeral", "bound to an ephemeral port");
        exact("close-called", "close() called");
        exact("close-in-close-wait", "close() called in CLOSE_WAIT");
        exact("close-or-shutdown", "close() or shutdown() called");
        exact("shutdown-before-connected", "shutdown() before the connection was made");
        exact("close-unread-data-rst", "close() with unread data: RST sent");
        exact("aborted", "aborted");
        exact("syn-received", "SYN received");
        exact("syn-ack-received", "SYN+ACK received");
        exact("simultaneous-open", "SYN received in SYN_SENT (simultaneous open)");
        exact("ack-of-syn-ack", "ACK of SYN+ACK received");
        exact("listener-closed-rst", "its listener was closed: RST sent");
        exact("data-after-close-rst", "data arrived after close(): RST sent");
        exact("ack-of-fin", "ACK of FIN received");
        exact("ack-of-fin-in-closing", "ACK of FIN received in CLOSING");
        exact("fin-received", "FIN received");
        exact("fin-and-ack-in-fin-wait-1", "FIN received in FIN_WAIT1, our FIN acknowledged");
        exact("simultaneous-close", "FIN received in FIN_WAIT1 (simultaneous close)");
        exact("time-wait-ended", "2·MSL elapsed");
        exact("fin-timeout", "no FIN from the peer within net.ipv4.tcp_fin_timeout");
        exact("connection-refused", "RST received in SYN_SENT: connection refused");
        exact("rst-half-open", "RST received in SYN_RECV: the half-open connection is dropped");
        exact("rst-in-syn-recv", "RST received in SYN_RECV");
        exact("rst-received", "RST received");
        form("rst-received-in", "RST received in {state}");
        exact("no-ack-for-syn-ack", "no ACK for the SYN+ACK");
        form("syn-retries-exhausted", "no answer to {count} SYNs");
        form("retransmissions-exhausted", "no ACK after {count} retransmissions");
        exact("window-probes-unanswered", "window probes unanswered");
        form("icmp-unreachable-in-syn-sent", "ICMP destination unreachable (code {code}) in SYN_SENT");
    }

    /** The code and parameters of a cause as the stack words it; {@link #OTHER} with none for an unknown one. */
    public static SocketCause of(String cause) {
        if (cause == null) return new SocketCause(OTHER, Map.of());
        for (Form f : FORMS) {
            Matcher m = f.pattern().matcher(cause);
            if (!m.matches()) continue;
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < f.names().size(); i++) params.put(f.names().get(i), m.group(i + 1));
            return new SocketCause(f.code(), params);
        }
        return new SocketCause(OTHER, Map.of());
    }

    /** Every code a socket message or a socket's history can carry, {@link #OTHER} last. */
    public static List<String> codes() {
        List<String> codes = new ArrayList<>(FORMS.stream().map(Form::code).toList());
        codes.add(OTHER);
        return codes;
    }

    /** The parameter names of each code, for clients that translate them ({@code rst-received-in}: state). */
    public static Map<String, List<String>> parameters() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Form f : FORMS) result.put(f.code(), f.names());
        result.put(OTHER, List.of());
        return result;
    }
}
