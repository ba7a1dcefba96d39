package dev.packetlab.stack.net;

import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceEvent.Change;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A node's routes: connected routes for its interfaces' subnets, static routes and the default route. Lookup picks
 * the longest matching prefix (RFC 1812 5.2.4.3); among equal prefixes a connected route wins over a static one.
 * Routes are kept sorted by prefix length, longest first, so the first match is the answer.
 */
public final class RoutingTable {
    private final String node;
    private final Simulation simulation;
    private final Trace trace;
    private final List<Route> routes = new ArrayList<>();

    RoutingTable(String node, Simulation simulation, Trace trace) {
        this.node = node;
        this.simulation = simulation;
        this.trace = trace;
    }

    /** The best route to {@code dst}, or null when there is none. */
    public Route lookup(Ipv4Address dst) {
        for (Route r : routes) {
            if (r.destination().contains(dst) && r.iface().device().isUp()) return r;
        }
        return null;
    }

    /** Every route, longest prefix first, as {@code ip route} lists them. */
    public List<Route> routes() { return Collections.unmodifiableList(routes); }

    /**
     * Adds a route.
     *
     * @throws IllegalArgumentException if an equal route exists ("RTNETLINK answers: File exists")
     */
    public void add(Route route) {
        Ipv4Prefix d = normalized(route.destination());
        Route r = new Route(d, route.via(), route.iface(), route.origin());
        for (Route existing : routes) {
            if (existing.destination().equals(d) && existing.origin() == r.origin()) {
                throw new IllegalArgumentException("a route to " + describe(d) + " already exists");
            }
        }
        routes.add(r);
        routes.sort(Comparator.comparingInt((Route x) -> -x.destination().length())
                .thenComparing(x -> x.origin() == Route.Origin.CONNECTED ? 0 : 1));
        changed(r, Change.ADDED);
    }

    /** Removes the route to exactly {@code destination}; returns false if there was none. */
    public boolean remove(Ipv4Prefix destination) {
        Ipv4Prefix d = normalized(destination);
        for (Route r : routes) {
            if (r.destination().equals(d) && r.origin() == Route.Origin.STATIC) {
                routes.remove(r);
                changed(r, Change.REMOVED);
                return true;
            }
        }
        return false;
    }

    /** Removes the connected routes of an interface (its address was removed or changed). */
    void removeConnected(Ipv4Interface iface) {
        for (Route r : List.copyOf(routes)) {
            if (r.iface() == iface && r.origin() == Route.Origin.CONNECTED) {
                routes.remove(r);
                changed(r, Change.REMOVED);
            }
        }
    }

    /** Removes every route that leaves through {@code iface}, connected or static (the interface is gone). */
    void removeAllThrough(Ipv4Interface iface) {
        for (Route r : List.copyOf(routes)) {
            if (r.iface() == iface) {
                routes.remove(r);
                changed(r, Change.REMOVED);
            }
        }
    }

    private static Ipv4Prefix normalized(Ipv4Prefix p) {
        return new Ipv4Prefix(p.network(), p.length());
    }

    private static String describe(Ipv4Prefix p) {
        return p.length() == 0 ? "default" : p.network() + "/" + p.length();
    }

    private void changed(Route r, Change change) {
        trace.emit(new TraceEvent.RouteChanged(simulation.now(), node, describe(r.destination()),
                r.via() == null ? null : r.via().toString(), r.iface().name(), change));
    }
}
