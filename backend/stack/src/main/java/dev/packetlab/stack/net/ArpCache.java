package dev.packetlab.stack.net;

import dev.packetlab.stack.link.Sysctl;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceEvent.Change;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.MacAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ARP cache (RFC 826, RFC 1122 2.3.2): IPv4 address to MAC address, per node. A packet for an address not yet
 * resolved waits in the entry's queue while requests go out ({@code mcast_solicit} tries, {@code retrans_time} apart);
 * when the reply comes the queue is sent, when no reply comes the queue is dropped with reason "no ARP reply" and each
 * packet's sender learns that the host is unreachable. Entries expire {@code gc_stale_time} after they were last
 * confirmed.
 */
public final class ArpCache {
    /** What the cache asks of the node it belongs to. */
    interface Owner {
        void sendRequest(Ipv4Interface iface, Ipv4Address target);

        /** Sends a frame whose IP packet was waiting, now that the destination MAC is known. */
        void sendResolved(Ipv4Interface iface, byte[] frame, MacAddress destination);

        /** A waiting packet that will never be sent: report host unreachable to its sender. */
        void unresolved(Ipv4Interface iface, byte[] frame);
    }

    /** One row, as {@code arp -n} shows it. */
    public record ArpEntry(Ipv4Address address, MacAddress mac, String device, boolean complete, long expires) {}

    private static final class Entry {
        final Ipv4Address address;
        final Ipv4Interface iface;
        MacAddress mac;
        long confirmed;
        int requestsSent;
        Timer retry;
        ArrayDeque<byte[]> waiting;

        Entry(Ipv4Address address, Ipv4Interface iface) {
            this.address = address;
            this.iface = iface;
        }
    }

    private final String node;
    private final Simulation simulation;
    private final Trace trace;
    private final Owner owner;
    private final Map<Ipv4Address, Entry> entries = new HashMap<>();
    private final Sysctl.Tunable staleTime;
    private final Sysctl.Tunable retransTime;
    private final Sysctl.Tunable solicitations;
    private final Sysctl.Tunable queueLength;
    private Timer expirySweep;

    ArpCache(String node, Simulation simulation, Trace trace, Sysctl sysctl, Owner owner) {
        this.node = node;
        this.simulation = simulation;
        this.trace = trace;
        this.owner = owner;
        staleTime = sysctl.define("net.ipv4.neigh.gc_stale_time", 60, 1, 86_400, "s",
                "seconds an ARP entry is kept after it was last confirmed");
        retransTime = sysctl.define("net.ipv4.neigh.retrans_time_ms", 1000, 10, 60_000, "ms",
                "milliseconds between ARP requests for an address that has not answered");
        solicitations = sysctl.define("net.ipv4.neigh.mcast_solicit", 3, 1, 100, "",
                "ARP requests sent before an address is given up as unreachable");
        queueLength = sysctl.define("net.ipv4.neigh.unres_qlen", 101, 1, 10_000, "packets",
                "packets that may wait for one address to be resolved");
    }

    /** The MAC address of {@code ip} if it is resolved and fresh, else null. */
    public MacAddress lookup(Ipv4Address ip) {
        Entry e = entries.get(ip);
        return e != null && e.mac != null ? e.mac : null;
    }

    /**
     * Sends {@code frame} (an Ethernet frame still missing its destination MAC) to {@code nextHop} once resolved,
     * starting resolution if no request is outstanding.
     */
    void resolveAndSend(Ipv4Interface iface, Ipv4Address nextHop, byte[] frame) {
        Entry e = entries.get(nextHop);
        if (e != null && e.mac != null) {
            owner.sendResolved(iface, frame, e.mac);
            return;
        }
        if (e == null) {
            e = new Entry(nextHop, iface);
            e.waiting = new ArrayDeque<>();
            entries.put(nextHop, e);
            changed(e, Change.ADDED);
            solicit(e);
        }
        if (e.waiting.size() >= queueLength.value()) {
            trace.frameDropped(node, iface.name(), DropReason.QUEUE_FULL,
                    "ARP queue for " + nextHop + " is full", frame);
            return;
        }
        e.waiting.addLast(frame);
    }

    private void solicit(Entry e) {
        if (e.requestsSent >= solicitations.value()) {
            fail(e);
            return;
        }
        e.requestsSent++;
        owner.sendRequest(e.iface, e.address);
        e.retry = simulation.schedule(retransTime.value() * SimTime.MILLISECOND, () -> solicit(e));
    }

    private void fail(Entry e) {
        entries.remove(e.address);
        changed(e, Change.REMOVED);
        for (byte[] frame : e.waiting) {
            trace.frameDropped(node, e.iface.name(), DropReason.NO_ARP_REPLY,
                    "no reply from " + e.address + " after " + e.requestsSent + " ARP requests", frame);
            owner.unresolved(e.iface, frame);
        }
        e.waiting.clear();
    }

    /**
     * Records a sender's address pair from an ARP packet (RFC 826 "merge"): updates an existing entry, or creates
     * one when {@code create} is true (the packet was addressed to us), and sends what was waiting for it.
     */
    void learn(Ipv4Interface iface, Ipv4Address ip, MacAddress mac, boolean create) {
        Entry e = entries.get(ip);
        if (e == null) {
            if (!create) return;
            e = new Entry(ip, iface);
            entries.put(ip, e);
            e.mac = mac;
            e.confirmed = simulation.now();
            changed(e, Change.ADDED);
        } else {
            boolean different = !mac.equals(e.mac);
            e.mac = mac;
            e.confirmed = simulation.now();
            if (different) changed(e, Change.UPDATED);
        }
        if (e.retry != null) {
            simulation.cancel(e.retry);
            e.retry = null;
        }
        if (e.waiting != null) {
            ArrayDeque<byte[]> waiting = e.waiting;
            e.waiting = null;
            for (byte[] frame : waiting) owner.sendResolved(e.iface, frame, mac);
        }
        if (expirySweep == null) {
            expirySweep = simulation.schedule(staleTime.value() * SimTime.SECOND, this::sweep);
        }
    }

    /**
     * Advice from an upper layer that {@code ip} is reachable (RFC 1122 2.3.2.1): TCP saw new data acknowledged, so
     * the entry is as good as just confirmed by ARP and need not expire while the connection makes progress.
     */
    void confirm(Ipv4Address ip) {
        Entry e = entries.get(ip);
        if (e != null && e.mac != null) e.confirmed = simulation.now();
    }

    /** Forgets resolved entries not confirmed for {@code gc_stale_time}, then sleeps until the next one is due. */
    private void sweep() {
        long now = simulation.now();
        long lifetime = staleTime.value() * SimTime.SECOND;
        long next = Long.MAX_VALUE;
        List<Entry> expired = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.mac == null) continue;
            if (e.confirmed + lifetime <= now) expired.add(e);
            else next = Math.min(next, e.confirmed + lifetime);
        }
        expired.sort((a, b) -> Integer.compareUnsigned(a.address.value(), b.address.value()));
        for (Entry e : expired) {
            entries.remove(e.address);
            changed(e, Change.EXPIRED);
        }
        expirySweep = next == Long.MAX_VALUE ? null : simulation.scheduleAt(next, this::sweep);
    }

    /** Drops every entry reached through {@code iface} (its address changed or it went down). */
    void flush(Ipv4Interface iface) {
        for (Entry e : List.copyOf(entries.values())) {
            if (e.iface != iface) continue;
            if (e.retry != null) simulation.cancel(e.retry);
            entries.remove(e.address);
            changed(e, Change.REMOVED);
        }
    }

    /** The cache sorted by address, as {@code arp -n} lists it. */
    public List<ArpEntry> entries() {
        long lifetime = staleTime.value() * SimTime.SECOND;
        List<ArpEntry> rows = new ArrayList<>();
        for (Entry e : entries.values()) {
            rows.add(new ArpEntry(e.address, e.mac, e.iface.name(), e.mac != null,
                    e.mac == null ? -1 : e.confirmed + lifetime));
        }
        rows.sort((a, b) -> Integer.compareUnsigned(a.address().value(), b.address().value()));
        return rows;
    }

    private void changed(Entry e, Change change) {
        trace.emit(new TraceEvent.ArpCacheChanged(simulation.now(), node, e.address.toString(),
                e.mac == null ? null : e.mac.toString(), e.iface.name(), change));
    }
}
