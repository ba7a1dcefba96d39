package dev.packetlab.stack.link;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceEvent.Change;
import dev.packetlab.stack.wire.MacAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A learning bridge (IEEE 802.1D 7.8–7.9): it learns the port behind each source MAC address, forwards a frame only
 * to the port its destination was learned on, floods frames to unknown, broadcast and multicast destinations out of
 * every other port, and forgets an address not seen for the ageing time (300 s by default).
 */
public final class Switch extends Node {
    public static final long DEFAULT_AGEING_TIME = SimTime.seconds(300);

    /** One row of the MAC address table. */
    public record MacEntry(MacAddress mac, String port, long lastSeen, long expires) {}

    private static final class Entry {
        NetDevice port;
        long lastSeen;

        Entry(NetDevice port, long lastSeen) {
            this.port = port;
            this.lastSeen = lastSeen;
        }
    }

    private final Map<Long, Entry> table = new HashMap<>();
    private final Sysctl.Tunable ageingSeconds;
    private Timer ageingSweep;

    public Switch(Network network, String name) {
        super(network, name);
        ageingSeconds = sysctl().define("net.bridge.ageing_time", DEFAULT_AGEING_TIME / SimTime.SECOND, 1, 1_000_000,
                "s", "seconds a learned MAC address stays in the table without being seen again");
    }

    /** Adds a port named {@code pN}: the lowest N from 1 that no port has (one taken off leaves its N free). */
    public NetDevice addPort() {
        int n = 1;
        while (device("p" + n) != null) n++;
        return addDevice("p" + n);
    }

    /** The ageing time in nanoseconds. */
    public long ageingTime() { return ageingSeconds.value() * SimTime.SECOND; }

    @Override
    protected boolean promiscuous() { return true; }

    @Override
    protected void receive(NetDevice in, byte[] frame) {
        long now = simulation.now();
        learn(MacAddress.bits(frame, 6), in, now);
        NetDevice out = null;
        if ((frame[0] & 1) == 0) {
            Entry e = table.get(MacAddress.bits(frame, 0));
            if (e != null && now - e.lastSeen < ageingTime()) out = e.port;
        }
        if (out == null) {
            for (NetDevice port : devices()) {
                if (port != in) port.send(frame);
            }
        } else if (out != in) {
            out.send(frame);
        }
        // out == in: the destination is on the segment the frame came from; a bridge filters it (802.1D 7.7.1).
    }

    private void learn(long source, NetDevice port, long now) {
        if ((source >>> 40 & 1) != 0) return; // a group address is never a source (802.1D 7.8)
        Entry e = table.get(source);
        if (e == null) {
            table.put(source, new Entry(port, now));
            changed(source, port, Change.ADDED);
            if (ageingSweep == null) ageingSweep = simulation.schedule(ageingTime(), this::sweep);
        } else {
            e.lastSeen = now;
            if (e.port != port) {
                e.port = port;
                changed(source, port, Change.UPDATED);
            }
        }
    }

    /** Removes entries that reached the ageing time, then sleeps until the next one will. */
    private void sweep() {
        long now = simulation.now();
        long nextExpiry = Long.MAX_VALUE;
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, Entry> e : table.entrySet()) {
            long expires = e.getValue().lastSeen + ageingTime();
            if (expires <= now) expired.add(e.getKey());
            else nextExpiry = Math.min(nextExpiry, expires);
        }
        expired.sort(Comparator.naturalOrder()); // report in a fixed order: the event log must be reproducible
        for (Long mac : expired) changed(mac, table.remove(mac).port, Change.EXPIRED);
        ageingSweep = nextExpiry == Long.MAX_VALUE ? null : simulation.scheduleAt(nextExpiry, this::sweep);
    }

    private void changed(long mac, NetDevice port, Change change) {
        trace.emit(new TraceEvent.MacTableChanged(simulation.now(), name(), new MacAddress(mac).toString(),
                port.name(), change));
    }

    /** Drops every entry learned on {@code device} when it goes down, as a bridge does when a port fails. */
    @Override
    protected void deviceStateChanged(NetDevice device) {
        if (device.isOperational()) return;
        List<Long> gone = new ArrayList<>();
        table.forEach((mac, e) -> { if (e.port == device) gone.add(mac); });
        gone.sort(Comparator.naturalOrder());
        for (Long mac : gone) changed(mac, table.remove(mac).port, Change.REMOVED);
    }

    /** The MAC address table as {@code show mac} prints it, sorted by port then address. */
    public List<MacEntry> macTable() {
        long now = simulation.now();
        List<MacEntry> rows = new ArrayList<>();
        table.forEach((mac, e) -> {
            if (now - e.lastSeen < ageingTime()) {
                rows.add(new MacEntry(new MacAddress(mac), e.port.name(), e.lastSeen, e.lastSeen + ageingTime()));
            }
        });
        rows.sort(Comparator.comparing((MacEntry r) -> portOrder(r.port())).thenComparing(r -> r.mac().value()));
        return rows;
    }

    private int portOrder(String port) {
        for (int i = 0; i < devices().size(); i++) if (devices().get(i).name().equals(port)) return i;
        return Integer.MAX_VALUE;
    }
}
