package dev.packetlab.server.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    public static final String OTHER = "other";

    private record Form(String code, Pattern pattern, List<String> names) {}

    private static final List<Form> FORMS = new ArrayList<>();

    /** A text with {@code {name}} parts, each standing for text without spaces. */
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
        // link and interface (link.Link, link.NetDevice)
        form("lost-on-link", "lost on {link}");
        form("queued-cable-removed", "queued when the cable was removed");
        form("queued-interface-down", "queued when the interface went down");
        form("larger-than-link-mtu", "{size} bytes > MTU {mtu}");
        form("device-queue-full", "queue of {limit} frames is full");
        // IPv4, ARP, ICMP (net.Host, net.ArpCache, net.Icmp, net.Reassembly)
        form("short-frame", "shorter than an Ethernet header");
        form("unknown-ethertype", "EtherType {type} is not spoken here");
        form("not-forwarding", "IP packet for {address} and net.ipv4.ip_forward is 0");
        form("no-ip-protocol", "no layer for IP protocol {protocol}");
        form("ttl-expired-at", "TTL {ttl} at {node}");
        form("no-route-to", "no route to {address}");
        form("no-route-back-to", "no route back to {address}");
        form("larger-than-route-mtu", "{size} bytes > MTU {mtu} of {interface}");
        form("arp-queue-full", "ARP queue for {address} is full");
        form("no-arp-reply-from", "no reply from {address} after {count} ARP requests");
        form("fragment-out-of-range", "fragment at offset {offset} with {length} bytes of data cannot be part of a datagram");
        form("reassembly-incomplete", "datagram {id} incomplete after {seconds} s");
        // UDP and TCP (udp.Udp, tcp.Tcp, tcp.TcpConnection)
        form("udp-port-closed", "no socket on UDP port {port}");
        form("udp-receive-buffer-full", "receive buffer of UDP port {port} is full");
        form("tcp-port-closed", "no socket on TCP port {port}: answered with RST");
        form("tcp-rst-no-connection", "RST for TCP port {port}, where no connection exists");
        form("malformed-tcp-options", "malformed TCP options");
        form("listen-backlog-full", "backlog of {backlog} on TCP port {port} is full");
        form("zero-receive-window", "zero receive window: {bytes} bytes not taken");
        form("sequence-outside-window", "sequence {seq} outside the window {from}..{to}: acknowledged and discarded");
        form("data-after-fin", "data after the peer's FIN");
        form("beyond-receive-window", "{bytes} bytes beyond the receive window");
    }

    /** The code and parameters of a detail as the stack words it; {@link #OTHER} for one it does not know. */
    public static DropDetail of(String detail) {
        if (detail == null) return new DropDetail(OTHER, Map.of());
        for (Form f : FORMS) {
            Matcher m = f.pattern().matcher(detail);
            if (!m.matches()) continue;
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < f.names().size(); i++) params.put(f.names().get(i), m.group(i + 1));
            return new DropDetail(f.code(), params);
        }
        return new DropDetail(OTHER, Map.of());
    }

    /** Every code and its parameter names, {@link #OTHER} last. */
    public static Map<String, List<String>> parameters() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Form f : FORMS) result.put(f.code(), f.names());
        result.put(OTHER, List.of());
        return result;
    }

    public static List<String> codes() {
        return List.copyOf(parameters().keySet());
    }
}
