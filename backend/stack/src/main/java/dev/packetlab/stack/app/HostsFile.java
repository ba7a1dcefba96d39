package dev.packetlab.stack.app;

import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.net.Ipv4Interface;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A node's {@code /etc/hosts}: names and the IPv4 address each stands for. Programs look names up here first, as
 * glibc's resolver does ({@code hosts: files dns} in nsswitch.conf), so {@code nc srv 8888} and {@code ping srv}
 * work in a lab that has no DNS server. Names compare without regard to case, as in the real file; a name keeps its first
 * address, and an address's first name is the one a reverse lookup ({@code netstat} without {@code -n}) shows.
 *
 * <p>Like the real file it is written once and not kept up to date: an address changed later with {@code ip addr add}
 * is not reflected here.
 */
public final class HostsFile {
    private final Map<String, Ipv4Address> byName = new LinkedHashMap<>();
    private final Map<Ipv4Address, String> byAddress = new LinkedHashMap<>();

    /** Gives {@code node} an empty hosts file, for the programs that run on it to find with {@link #of}. */
    public static HostsFile install(Node node) {
        HostsFile file = new HostsFile();
        node.provide(HostsFile.class, file);
        return file;
    }

    /** The hosts file of {@code node}, or null when it has none. */
    public static HostsFile of(Node node) {
        return node.service(HostsFile.class);
    }

    /**
     * Gives every host and router of {@code network} a hosts file naming every node of it that has an address: the
     * node's name stands for the address of its first interface that has one (what a lab author would write into
     * each machine's {@code /etc/hosts} by hand). A node that already has a file keeps it and gains the entries.
     */
    public static void installAll(Network network) {
        Map<String, Ipv4Address> entries = new LinkedHashMap<>();
        for (Node n : network.nodes()) {
            Ipv4Address a = firstAddress(n);
            if (a != null) entries.put(n.name(), a);
        }
        for (Node n : network.nodes()) {
            if (!(n instanceof Host)) continue;
            HostsFile file = of(n);
            if (file == null) file = install(n);
            entries.forEach(file::add);
        }
    }

    private static Ipv4Address firstAddress(Node node) {
        if (!(node instanceof Host h)) return null;
        for (Ipv4Interface i : h.interfaces()) if (i.ip() != null) return i.ip();
        return null;
    }

    /** Adds a line {@code address name}; a name already present keeps its address. */
    public void add(String name, Ipv4Address address) {
        byName.putIfAbsent(name.toLowerCase(Locale.ROOT), address);
        byAddress.putIfAbsent(address, name);
    }

    /**
     * Deletes the line of {@code name} (an edit of the file: the next lookup no longer finds it); the address keeps
     * another name it has, for reverse lookups.
     */
    public void remove(String name) {
        Ipv4Address address = byName.remove(name.toLowerCase(Locale.ROOT));
        if (address == null || !name.equalsIgnoreCase(byAddress.get(address))) return;
        byAddress.remove(address);
        for (Map.Entry<String, Ipv4Address> e : byName.entrySet()) {
            if (e.getValue().equals(address)) {
                byAddress.put(address, e.getKey());
                break;
            }
        }
    }

    /** The address {@code name} stands for, or null. */
    public Ipv4Address lookup(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    /** The first name given to {@code address}, or null: a reverse lookup. */
    public String nameOf(Ipv4Address address) {
        return byAddress.get(address);
    }

    /** Every name and its address, in the order they were added. */
    public Map<String, Ipv4Address> entries() {
        return Collections.unmodifiableMap(byName);
    }

    /**
     * What {@code getaddrinfo} answers for a host argument: a dotted quad stands for itself; otherwise the name is
     * looked up in the node's hosts file. Null when the name is unknown ("Name or service not known").
     */
    public static Ipv4Address resolve(Node node, String nameOrAddress) {
        Ipv4Address literal = parseAddress(nameOrAddress);
        if (literal != null) return literal;
        HostsFile file = of(node);
        return file == null ? null : file.lookup(nameOrAddress);
    }

    /**
     * What {@code getnameinfo} answers for an address: its name from the node's hosts file, or the dotted quad when
     * there is none. The wildcard address is never named.
     */
    public static String nameOf(Node node, Ipv4Address address) {
        HostsFile file = of(node);
        String name = file == null || address.equals(Ipv4Address.ANY) ? null : file.nameOf(address);
        return name == null ? address.toString() : name;
    }

    /** A dotted quad, or null when {@code text} is not one. */
    static Ipv4Address parseAddress(String text) {
        try {
            return Ipv4Address.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
