package dev.packetlab.server.runtime;

import java.util.List;
import java.util.Map;

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
    public static final String OTHER = TextCodes.OTHER;

    private static final TextCodes TABLE = new TextCodes();

    static {
        // RFC 9293's calls and segments, as TcpConnection words them
        TABLE.exact("listen-called", "listen() called");
        TABLE.exact("connect-called", "connect() called");
        TABLE.exact("bind-called", "bind() called");
        TABLE.exact("bound-ephemeral", "bound to an ephemeral port");
        TABLE.exact("close-called", "close() called");
        TABLE.exact("close-in-close-wait", "close() called in CLOSE_WAIT");
        TABLE.exact("close-or-shutdown", "close() or shutdown() called");
        TABLE.exact("shutdown-before-connected", "shutdown() before the connection was made");
        TABLE.exact("close-unread-data-rst", "close() with unread data: RST sent");
        TABLE.exact("aborted", "aborted");
        TABLE.exact("syn-received", "SYN received");
        TABLE.exact("syn-ack-received", "SYN+ACK received");
        TABLE.exact("simultaneous-open", "SYN received in SYN_SENT (simultaneous open)");
        TABLE.exact("ack-of-syn-ack", "ACK of SYN+ACK received");
        TABLE.exact("listener-closed-rst", "its listener was closed: RST sent");
        TABLE.exact("data-after-close-rst", "data arrived after close(): RST sent");
        TABLE.exact("ack-of-fin", "ACK of FIN received");
        TABLE.exact("ack-of-fin-in-closing", "ACK of FIN received in CLOSING");
        TABLE.exact("fin-received", "FIN received");
        TABLE.exact("fin-and-ack-in-fin-wait-1", "FIN received in FIN_WAIT1, our FIN acknowledged");
        TABLE.exact("simultaneous-close", "FIN received in FIN_WAIT1 (simultaneous close)");
        TABLE.exact("time-wait-ended", "2·MSL elapsed");
        TABLE.exact("fin-timeout", "no FIN from the peer within net.ipv4.tcp_fin_timeout");
        TABLE.exact("connection-refused", "RST received in SYN_SENT: connection refused");
        TABLE.exact("rst-half-open", "RST received in SYN_RECV: the half-open connection is dropped");
        TABLE.exact("rst-in-syn-recv", "RST received in SYN_RECV");
        TABLE.exact("rst-received", "RST received");
        TABLE.form("rst-received-in", "RST received in {state}");
        TABLE.exact("no-ack-for-syn-ack", "no ACK for the SYN+ACK");
        TABLE.form("syn-retries-exhausted", "no answer to {count} SYNs");
        TABLE.form("retransmissions-exhausted", "no ACK after {count} retransmissions");
        TABLE.exact("window-probes-unanswered", "window probes unanswered");
        TABLE.form("icmp-unreachable-in-syn-sent", "ICMP destination unreachable (code {code}) in SYN_SENT");
    }

    /** The code and parameters of a cause as the stack words it; {@link #OTHER} with none for an unknown one. */
    public static SocketCause of(String cause) {
        TextCodes.Match m = TABLE.match(cause);
        return new SocketCause(m.code(), m.params());
    }

    /** Every code a socket message or a socket's history can carry, {@link #OTHER} last. */
    public static List<String> codes() {
        return TABLE.codes();
    }

    /** The parameter names of each code, for clients that translate them ({@code rst-received-in}: state). */
    public static Map<String, List<String>> parameters() {
        return TABLE.parameters();
    }
}
