package dev.packetlab.stack.app;

import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.net.Ipv4Interface;
import dev.packetlab.stack.net.Route;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code ip}: show and change interfaces, addresses and routes, in the words and layout of Linux's iproute2. */
final class Ip implements Command {
    @Override
    public String name() { return "ip"; }

    @Override
    public String summary() { return "show or change interfaces, addresses and routes"; }

    @Override
    public String usage() {
        return """
                usage: ip addr [show]                      list interfaces and their addresses
                       ip addr add ADDRESS/LEN dev IFACE   give an interface an address
                       ip link [show]                      list interfaces
                       ip link set IFACE up|down           bring an interface up or down
                       ip route [show]                     list the routing table
                       ip route add PREFIX|default via GATEWAY
                       ip route del PREFIX|default""";
    }

    @Override
    public void run(Process p) {
        Host host = (Host) p.node();
        List<String> a = p.args();
        String object = a.isEmpty() ? "" : a.get(0);
        List<String> rest = a.isEmpty() ? List.of() : a.subList(1, a.size());
        String verb = rest.isEmpty() ? "show" : rest.get(0);
        switch (object) {
            case "a", "addr", "address" -> {
                if (verb.equals("show") || verb.equals("list")) showAddresses(p, host, true);
                else if (verb.equals("add")) addAddress(p, host, rest.subList(1, rest.size()));
                else p.usageError("unknown command \"" + verb + "\" for addr");
            }
            case "l", "link" -> {
                if (verb.equals("show") || verb.equals("list")) showAddresses(p, host, false);
                else if (verb.equals("set")) setLink(p, host, rest.subList(1, rest.size()));
                else p.usageError("unknown command \"" + verb + "\" for link");
            }
            case "r", "route" -> {
                if (verb.equals("show") || verb.equals("list")) showRoutes(p, host);
                else if (verb.equals("add")) addRoute(p, host, rest.subList(1, rest.size()));
                else if (verb.equals("del") || verb.equals("delete")) deleteRoute(p, host, rest.subList(1, rest.size()));
                else p.usageError("unknown command \"" + verb + "\" for route");
            }
            case "" -> p.usageError("missing object (addr, link or route)");
            default -> p.usageError("Object \"" + object + "\" is unknown, try \"ip help\".");
        }
        if (!p.exited()) p.exit(0);
    }

    private static void showAddresses(Process p, Host host, boolean withAddresses) {
        int index = 1;
        for (Ipv4Interface i : host.interfaces()) {
            NetDevice d = i.device();
            boolean up = d.isUp();
            boolean carrier = d.isOperational();
            String flags = "<BROADCAST,MULTICAST" + (up ? ",UP" : "") + (carrier ? ",LOWER_UP" : "") + ">";
            String state = carrier ? "UP" : up ? "LOWERLAYERDOWN" : "DOWN";
            p.println(index++ + ": " + d.name() + ": " + flags + " mtu " + d.mtu() + " state " + state);
            p.println("    link/ether " + d.mac() + " brd ff:ff:ff:ff:ff:ff");
            if (withAddresses && i.address() != null) {
                Ipv4Prefix a = i.address();
                p.println("    inet " + a + (a.length() < 31 ? " brd " + a.broadcast() : "") + " scope global " + d.name());
            }
        }
    }

    private static void addAddress(Process p, Host host, List<String> args) {
        if (args.size() != 3 || !args.get(1).equals("dev")) {
            p.usageError("expected: ip addr add ADDRESS/LEN dev IFACE");
            return;
        }
        Ipv4Prefix address;
        try {
            address = Ipv4Prefix.parse(args.get(0));
        } catch (IllegalArgumentException e) {
            p.println("Error: inet prefix is expected rather than \"" + args.get(0) + "\".");
            p.exit(1);
            return;
        }
        if (host.iface(args.get(2)) == null) {
            p.println("Cannot find device \"" + args.get(2) + "\"");
            p.exit(1);
            return;
        }
        host.setAddress(args.get(2), address);
    }

    private static void setLink(Process p, Host host, List<String> args) {
        if (args.size() != 2 || !(args.get(1).equals("up") || args.get(1).equals("down"))) {
            p.usageError("expected: ip link set IFACE up|down");
            return;
        }
        Ipv4Interface i = host.iface(args.get(0));
        if (i == null) {
            p.println("Cannot find device \"" + args.get(0) + "\"");
            p.exit(1);
            return;
        }
        i.device().setUp(args.get(1).equals("up"));
    }

    /** Routes as iproute2 lists them: the default route first, then by destination. */
    private static void showRoutes(Process p, Host host) {
        List<Route> routes = new ArrayList<>(host.routes().routes());
        routes.sort(Comparator.comparingInt((Route r) -> r.destination().length() == 0 ? 0 : 1)
                .thenComparing(r -> Integer.toUnsignedLong(r.destination().network().value()))
                .thenComparingInt(r -> -r.destination().length()));
        for (Route r : routes) {
            if (r.origin() == Route.Origin.CONNECTED && !r.iface().device().isOperational()) {
                p.println(r.describe() + " linkdown");
            } else {
                p.println(r.describe());
            }
        }
    }

    private static void addRoute(Process p, Host host, List<String> args) {
        if (args.size() != 3 || !args.get(1).equals("via")) {
            p.usageError("expected: ip route add PREFIX|default via GATEWAY");
            return;
        }
        Ipv4Prefix to = parseDestination(p, args.get(0));
        if (to == null) return;
        Ipv4Address via;
        try {
            via = Ipv4Address.parse(args.get(2));
        } catch (IllegalArgumentException e) {
            p.println("Error: inet address is expected rather than \"" + args.get(2) + "\".");
            p.exit(1);
            return;
        }
        try {
            host.addRoute(to, via);
        } catch (IllegalArgumentException e) {
            p.println("Error: " + e.getMessage() + ".");
            p.exit(2);
        }
    }

    private static void deleteRoute(Process p, Host host, List<String> args) {
        if (args.isEmpty()) {
            p.usageError("expected: ip route del PREFIX|default");
            return;
        }
        Ipv4Prefix to = parseDestination(p, args.get(0));
        if (to == null) return;
        if (!host.routes().remove(to)) {
            p.println("RTNETLINK answers: No such process");
            p.exit(2);
        }
    }

    private static Ipv4Prefix parseDestination(Process p, String text) {
        if (text.equals("default")) return new Ipv4Prefix(Ipv4Address.ANY, 0);
        try {
            return text.contains("/") ? Ipv4Prefix.parse(text) : new Ipv4Prefix(Ipv4Address.parse(text), 32);
        } catch (IllegalArgumentException e) {
            p.println("Error: inet prefix is expected rather than \"" + text + "\".");
            p.exit(1);
            return null;
        }
    }
}
