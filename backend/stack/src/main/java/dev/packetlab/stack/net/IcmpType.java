package dev.packetlab.stack.net;

/** ICMP types and codes (RFC 792, RFC 1191) and the words ping and traceroute print for them. */
public final class IcmpType {
    public static final int ECHO_REPLY = 0;
    public static final int DESTINATION_UNREACHABLE = 3;
    public static final int ECHO_REQUEST = 8;
    public static final int TIME_EXCEEDED = 11;

    public static final int NET_UNREACHABLE = 0;
    public static final int HOST_UNREACHABLE = 1;
    public static final int PROTOCOL_UNREACHABLE = 2;
    public static final int PORT_UNREACHABLE = 3;
    public static final int FRAGMENTATION_NEEDED = 4;
    public static final int TTL_EXCEEDED_IN_TRANSIT = 0;
    public static final int FRAGMENT_REASSEMBLY_TIME_EXCEEDED = 1;

    private IcmpType() {}

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
