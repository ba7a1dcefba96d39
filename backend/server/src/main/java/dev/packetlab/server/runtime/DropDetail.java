package dev.packetlab.server.runtime;

import java.util.List;
import java.util.Map;

/**
 * A drop's detail (the stack's English words after the reason: {@code "lost on pc1:eth0-sw1:p1"},
 * {@code "TTL 1 at r1"}) as a stable code with its parameters, so that a client says it in its user's language, as
 * {@link SocketCause} does for socket causes. {@code DropDetailTest} reads the stack's sources to prove every detail
 * written there has a code; what a parser reports about a malformed header is its own text, and stays {@link #OTHER}
 * (a client shows the English).
 *
 * @param code   the detail's code, one of {@link #codes()}
 * @param params the parts of the text that vary, by name
 */
public record DropDetail(String code, Map<String, String> params) {

    /** The code of a detail this table does not know. */
    public static final String OTHER = TextCodes.OTHER;

    private static final TextCodes TABLE = new TextCodes();

    static {
        // link and interface (link.Link, link.NetDevice)
        TABLE.form("lost-on-link", "lost on {link}");
        TABLE.form("queued-cable-removed", "queued when the cable was removed");
        TABLE.form("queued-interface-down", "queued when the interface went down");
        TABLE.form("larger-than-link-mtu", "{size} bytes > MTU {mtu}");
        TABLE.form("device-queue-full", "queue of {limit} frames is full");
        // IPv4, ARP, ICMP (net.Host, net.ArpCache, net.Icmp, net.Reassembly)
        TABLE.form("short-frame", "shorter than an Ethernet header");
        TABLE.form("unknown-ethertype", "EtherType {type} is not spoken here");
        TABLE.form("not-forwarding", "IP packet for {address} and net.ipv4.ip_forward is 0");
        TABLE.form("no-ip-protocol", "no layer for IP protocol {protocol}");
        TABLE.form("ttl-expired-at", "TTL {ttl} at {node}");
        TABLE.form("no-route-to", "no route to {address}");
        TABLE.form("no-route-back-to", "no route back to {address}");
        TABLE.form("larger-than-route-mtu", "{size} bytes > MTU {mtu} of {interface}");
        TABLE.form("arp-queue-full", "ARP queue for {address} is full");
        TABLE.form("no-arp-reply-from", "no reply from {address} after {count} ARP requests");
        TABLE.form("fragment-out-of-range", "fragment at offset {offset} with {length} bytes of data cannot be part of a datagram");
        TABLE.form("reassembly-incomplete", "datagram {id} incomplete after {seconds} s");
        // UDP and TCP (udp.Udp, tcp.Tcp, tcp.TcpConnection)
        TABLE.form("udp-port-closed", "no socket on UDP port {port}");
        TABLE.form("udp-receive-buffer-full", "receive buffer of UDP port {port} is full");
        TABLE.form("tcp-port-closed", "no socket on TCP port {port}: answered with RST");
        TABLE.form("tcp-rst-no-connection", "RST for TCP port {port}, where no connection exists");
        TABLE.form("malformed-tcp-options", "malformed TCP options");
        TABLE.form("listen-backlog-full", "backlog of {backlog} on TCP port {port} is full");
        TABLE.form("zero-receive-window", "zero receive window: {bytes} bytes not taken");
        TABLE.form("sequence-outside-window", "sequence {seq} outside the window {from}..{to}: acknowledged and discarded");
        TABLE.form("data-after-fin", "data after the peer's FIN");
        TABLE.form("beyond-receive-window", "{bytes} bytes beyond the receive window");
    }

    /** The code and parameters of a detail as the stack words it; {@link #OTHER} for one it does not know. */
    public static DropDetail of(String detail) {
        TextCodes.Match m = TABLE.match(detail);
        return new DropDetail(m.code(), m.params());
    }

    /** Every code and its parameter names, {@link #OTHER} last. */
    public static Map<String, List<String>> parameters() {
        return TABLE.parameters();
    }

    public static List<String> codes() {
        return TABLE.codes();
    }
}
