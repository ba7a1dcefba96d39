package dev.packetlab.stack.trace;

/** Why a frame or packet was dropped: a fixed list, so that the UI can explain every drop. */
public enum DropReason {
    QUEUE_FULL("queue full"),
    LINK_LOSS("loss on link"),
    LINK_DOWN("link down"),
    LINK_REMOVED("cable removed"),
    INTERFACE_DOWN("interface down"),
    NOT_CONNECTED("no cable on interface"),
    MTU_EXCEEDED("MTU exceeded"),
    NOT_FOR_US("not addressed to this interface"),
    TTL_EXPIRED("TTL expired"),
    NO_ROUTE("no route"),
    NO_ARP_REPLY("no ARP reply"),
    FRAGMENTATION_NEEDED("fragmentation needed and DF set"),
    BAD_CHECKSUM("bad checksum"),
    MALFORMED("malformed"),
    REASSEMBLY_TIMEOUT("reassembly timeout"),
    PROTOCOL_UNREACHABLE("protocol unreachable"),
    PORT_UNREACHABLE("port unreachable"),
    OUT_OF_WINDOW("outside the TCP window"),
    LISTEN_QUEUE_FULL("listen queue full"),
    CONNECTION_CLOSED("connection closed");

    private final String text;

    DropReason(String text) {
        this.text = text;
    }

    /** The reason as a learner reads it ("no ARP reply"). */
    public String text() { return text; }

    @Override
    public String toString() { return text; }
}
