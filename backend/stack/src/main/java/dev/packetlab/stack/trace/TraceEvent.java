package dev.packetlab.stack.trace;

/**
 * One observable thing that happened in a simulation. Every event carries the simulated time (nanoseconds) and
 * the node it happened on. Frames are the real bytes on the wire and are never modified once traced.
 */
public sealed interface TraceEvent {
    long time();

    String node();

    /** A NIC put a frame on its link (the first bit left at {@code time}). */
    record FrameSent(long time, String node, String device, String link, byte[] frame) implements TraceEvent {}

    /** A NIC received a whole frame from its link (the last bit arrived at {@code time}). */
    record FrameReceived(long time, String node, String device, String link, byte[] frame) implements TraceEvent {}

    /**
     * A frame or packet was dropped. {@code device} is null when the drop happened above the interfaces;
     * {@code bytes} holds an Ethernet frame when {@code ethernet} is true, otherwise the IPv4 packet that never
     * got a frame (e.g. no route for a locally generated packet).
     */
    record FrameDropped(long time, String node, String device, DropReason reason, String detail,
                        boolean ethernet, byte[] bytes) implements TraceEvent {}

    /** An ARP cache entry was added, updated or removed. {@code mac} is null for an entry still being resolved. */
    record ArpCacheChanged(long time, String node, String address, String mac, String device, Change change)
            implements TraceEvent {}

    /** A switch learned, moved or aged out a MAC address. */
    record MacTableChanged(long time, String node, String mac, String port, Change change) implements TraceEvent {}

    /** A route was added or removed ({@code via} null for a connected route). */
    record RouteChanged(long time, String node, String destination, String via, String device, Change change)
            implements TraceEvent {}

    /** An interface went up or down. */
    record LinkStateChanged(long time, String node, String device, boolean up) implements TraceEvent {}

    /** Text a node's shell printed. */
    record TerminalOutput(long time, String node, String text) implements TraceEvent {}

    /**
     * A socket changed state: TCP's RFC 9293 states ({@code CLOSED}, {@code SYN_SENT}, {@code SYN_RECEIVED},
     * {@code FIN_WAIT_1}, {@code TIME_WAIT}, …), and for UDP {@code UNCONN} (bound) and {@code ESTABLISHED}
     * (connected); {@code to} is {@code CLOSED} when the socket is gone. A connection a listener accepted starts
     * from {@code LISTEN}. {@code socket} numbers the socket within its node and protocol, never reused;
     * {@code cause} says what moved it ("SYN+ACK received", "2·MSL elapsed", "close() called").
     */
    record SocketStateChanged(long time, String node, int socket, String protocol, String local, String remote,
                              String from, String to, String cause) implements TraceEvent {}

    /**
     * The variables of one TCP connection after something changed at least one of them (RFC 9293 3.3.1 and
     * RFC 5681/6298): one event per segment, timer or call, however many variables it moved. Sequence numbers
     * are absolute; times are nanoseconds; windows, cwnd, ssthresh and buffer fills are bytes.
     */
    record TcpVariablesChanged(long time, String node, int socket, long sndUna, long sndNxt, long sndWnd,
                               long rcvNxt, long rcvWnd, long cwnd, long ssthresh, long srtt, long rttvar, long rto,
                               int sendBuffered, int receiveBuffered) implements TraceEvent {}

    enum Change { ADDED, UPDATED, REMOVED, EXPIRED }
}
