package dev.packetlab.server.runtime;

import dev.packetlab.stack.wire.Dissection;
import java.util.Locale;

/**
 * Which packets to list; every criterion given must hold, as in a display filter joined with "and".
 *
 * @param node     sent or received by this node (either end of the link it crossed)
 * @param link     crossed this link
 * @param protocol has a layer of this protocol: eth, arp, ip, icmp, udp or tcp (Wireshark's names)
 * @param address  this IPv4 or MAC address as source or destination
 * @param port     this TCP or UDP port as source or destination
 */
public record PacketQuery(String node, String link, String protocol, String address, Integer port) {

    public static final PacketQuery ALL = new PacketQuery(null, null, null, null, null);

    /** Whether the criteria need the frame taken apart (node and link do not). */
    boolean needsDissection() {
        return protocol != null || address != null || port != null;
    }

    /** The criteria that need the frame taken apart. */
    boolean matches(Dissection d) {
        if (protocol != null && !hasProtocol(d, protocol.toLowerCase(Locale.ROOT))) return false;
        if (address != null && !hasField(d, address, "eth.src", "eth.dst", "ip.src", "ip.dst", "arp.src.proto_ipv4",
                "arp.dst.proto_ipv4", "arp.src.hw_mac", "arp.dst.hw_mac")) return false;
        return port == null || hasField(d, Integer.toString(port), "tcp.srcport", "tcp.dstport", "udp.srcport",
                "udp.dstport");
    }

    private static boolean hasProtocol(Dissection d, String protocol) {
        String prefix = switch (protocol) {
            case "eth", "ethernet" -> "eth.";
            case "ip", "ipv4" -> "ip.";
            default -> protocol + ".";
        };
        for (Dissection.Layer l : d.layers()) {
            for (Dissection.Field f : l.fields()) if (f.key().startsWith(prefix)) return true;
        }
        return false;
    }

    private static boolean hasField(Dissection d, String value, String... keys) {
        String v = value.toLowerCase(Locale.ROOT);
        for (Dissection.Layer l : d.layers()) {
            for (Dissection.Field f : l.fields()) {
                for (String k : keys) {
                    if (f.key().equals(k) && f.value().toLowerCase(Locale.ROOT).replaceFirst("^broadcast \\((.*)\\)$", "$1")
                            .equals(v)) return true;
                }
            }
        }
        return false;
    }
}
