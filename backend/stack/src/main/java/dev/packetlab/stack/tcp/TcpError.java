package dev.packetlab.stack.tcp;

/** Why a connection ended other than by an orderly close; the socket layer reports each as its errno. */
public enum TcpError {
    /** An RST answered our SYN: nobody listens on the port (ECONNREFUSED, RFC 9293 3.10.7.3). */
    REFUSED,
    /** An RST aborted an established connection (ECONNRESET, RFC 9293 3.10.7.4). */
    RESET,
    /** Retransmissions went unanswered until the retry limit (ETIMEDOUT, RFC 1122 4.2.3.5). */
    TIMED_OUT,
    /** The route or the next hop failed (ENETUNREACH / EHOSTUNREACH, reported by ICMP). */
    NETWORK_UNREACHABLE,
    HOST_UNREACHABLE,
    /** bind() or listen() found the port held by another socket (EADDRINUSE). */
    ADDRESS_IN_USE,
    /** No ephemeral port was free for connect() (EADDRNOTAVAIL). */
    NO_FREE_PORT,
    /** The call does not fit the connection's state, e.g. connect() twice (EISCONN / EINVAL). */
    INVALID_STATE
}
