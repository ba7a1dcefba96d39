package dev.packetlab.stack.net;

import dev.packetlab.stack.wire.IcmpMessage;
import static dev.packetlab.stack.wire.IcmpMessage.*;

/**
 * The words ping and traceroute print for ICMP errors (RFC 792, RFC 1191). The type and code numbers themselves are
 * {@link IcmpMessage}'s.
 */
public final class IcmpReport {

    private IcmpReport() {}

    /** Whether this type is an error message (never answered by another error, RFC 1122 3.2.2). */
    public static boolean isError(int type) {
        return type == DESTINATION_UNREACHABLE || type == TIME_EXCEEDED || type == 4 || type == 5 || type == 12;
    }

    /** The text iputils ping prints after "From ADDRESS icmp_seq=N ". */
    public static String describe(int type, int code, int mtu) {
        return switch (type) {
            case DESTINATION_UNREACHABLE -> switch (code) {
                case NET_UNREACHABLE -> "Destination Net Unreachable";
                case HOST_UNREACHABLE -> "Destination Host Unreachable";
                case PROTOCOL_UNREACHABLE -> "Destination Protocol Unreachable";
                case PORT_UNREACHABLE -> "Destination Port Unreachable";
                case FRAGMENTATION_NEEDED -> "Frag needed and DF set (mtu = " + mtu + ")";
                case 13 -> "Packet filtered";
                default -> "Dest Unreachable, Bad Code: " + code;
            };
            case TIME_EXCEEDED -> code == TTL_EXCEEDED_IN_TRANSIT ? "Time to live exceeded"
                    : "Frag reassembly time exceeded";
            default -> "Bad ICMP type: " + type;
        };
    }
}
