package dev.packetlab.stack.net;

/** What happened to a packet a node's own program asked IPv4 to send. */
public enum SendResult {
    /** Handed to an interface (or to ARP, which may still fail and report later). */
    SENT,
    /** No route to the destination (ENETUNREACH, "Network is unreachable"). */
    NETWORK_UNREACHABLE,
    /** Larger than the outgoing interface's MTU with DF set (EMSGSIZE, "Message too long"). */
    MESSAGE_TOO_LONG
}
