package dev.packetlab.stack.tcp;

/** The eleven states of a TCP connection (RFC 9293 3.3.2), with the names {@code netstat} and {@code ss} print. */
public enum TcpState {
    CLOSED("CLOSE", "UNCONN"),
    LISTEN("LISTEN", "LISTEN"),
    SYN_SENT("SYN_SENT", "SYN-SENT"),
    SYN_RECEIVED("SYN_RECV", "SYN-RECV"),
    ESTABLISHED("ESTABLISHED", "ESTAB"),
    FIN_WAIT_1("FIN_WAIT1", "FIN-WAIT-1"),
    FIN_WAIT_2("FIN_WAIT2", "FIN-WAIT-2"),
    CLOSE_WAIT("CLOSE_WAIT", "CLOSE-WAIT"),
    CLOSING("CLOSING", "CLOSING"),
    LAST_ACK("LAST_ACK", "LAST-ACK"),
    TIME_WAIT("TIME_WAIT", "TIME-WAIT");

    private final String netstatName;
    private final String ssName;

    TcpState(String netstatName, String ssName) {
        this.netstatName = netstatName;
        this.ssName = ssName;
    }

    /** As {@code netstat -ant} prints it ({@code FIN_WAIT1}, {@code SYN_RECV}). */
    public String netstatName() { return netstatName; }

    /** As {@code ss -tan} prints it ({@code ESTAB}, {@code FIN-WAIT-1}). */
    public String ssName() { return ssName; }

    /** Whether both sides' initial sequence numbers are known (RFC 9293 3.3.2: every state after the handshake). */
    public boolean synchronized_() {
        return this != CLOSED && this != LISTEN && this != SYN_SENT;
    }

    /** Whether this side may still send data: it has not sent (or queued) its FIN. */
    public boolean canSend() {
        return this == ESTABLISHED || this == CLOSE_WAIT;
    }

    /** Whether data from the peer is still accepted: the peer has not sent its FIN. */
    public boolean canReceive() {
        return this == SYN_RECEIVED || this == ESTABLISHED || this == FIN_WAIT_1 || this == FIN_WAIT_2;
    }
}
