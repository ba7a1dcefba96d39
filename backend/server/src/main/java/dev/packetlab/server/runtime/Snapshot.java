package dev.packetlab.server.runtime;

import java.util.List;
import java.util.Map;

/**
 * Everything a client needs to draw an instance from scratch: when a WebSocket client connects, after it fell
 * behind, and after the instance was rebuilt (going back in time).
 *
 * @param terminals the recent text of every node's terminal (the last few kilobytes), by node
 * @param editing   the line being typed key by key at a node's terminal, for the nodes someone types at so
 * @param packets   transmissions numbered so far
 */
public record Snapshot(String instance, RunState run, List<NodeView> nodes, List<LinkView> links,
                       List<SocketView> sockets, List<ArpRow> arp, List<MacRow> mac, List<RouteRow> routes,
                       Map<String, String> terminals, Map<String, Editing> editing, long packets,
                       List<CheckView> checks) {

    /**
     * A line being typed: drawn after the terminal's text as {@code prompt + line}, the cursor before code point
     * {@code cursor} of {@code line}.
     */
    public record Editing(String prompt, String line, int cursor) {}

    /** An ARP cache entry; {@code mac} null while still being resolved; {@code expires} simulated ns. */
    public record ArpRow(String node, String address, String mac, String device, long expires) {}

    /** A switch's MAC table entry. */
    public record MacRow(String node, String mac, String port, long expires) {}

    /** A routing table row; {@code via} null for a connected route. */
    public record RouteRow(String node, String destination, String via, String device, String origin) {}
}
