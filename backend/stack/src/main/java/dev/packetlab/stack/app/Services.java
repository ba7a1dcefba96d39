package dev.packetlab.stack.app;

import java.util.Map;
import java.util.TreeMap;

/**
 * The part of {@code /etc/services} a lab meets: well-known port numbers and their names, for both TCP and UDP. It is
 * what {@code getservbyport} gives {@code netstat} and {@code ss} without {@code -n} ({@code 0.0.0.0:http}), and what
 * lets {@code nc srv http} take a name for a port. Names and numbers are Debian's (netbase).
 */
final class Services {
    private static final Map<Integer, String> BY_PORT = new TreeMap<>(Map.ofEntries(
            Map.entry(7, "echo"), Map.entry(9, "discard"), Map.entry(13, "daytime"), Map.entry(20, "ftp-data"),
            Map.entry(21, "ftp"), Map.entry(22, "ssh"), Map.entry(23, "telnet"), Map.entry(25, "smtp"),
            Map.entry(53, "domain"), Map.entry(67, "bootps"), Map.entry(68, "bootpc"), Map.entry(69, "tftp"),
            Map.entry(80, "http"), Map.entry(110, "pop3"), Map.entry(123, "ntp"), Map.entry(143, "imap2"),
            Map.entry(161, "snmp"), Map.entry(443, "https"), Map.entry(8080, "http-alt")));

    private Services() {}

    /** The service name of {@code port}, or null when it has none. */
    static String name(int port) {
        return BY_PORT.get(port);
    }

    /** The port named {@code name}, or -1. */
    static int port(String name) {
        for (Map.Entry<Integer, String> e : BY_PORT.entrySet()) if (e.getValue().equals(name)) return e.getKey();
        return -1;
    }

    /**
     * A port as the socket tools print it: {@code *} for port 0 (nothing bound or connected), else its name unless
     * {@code numeric}, else the number.
     */
    static String format(int port, boolean numeric) {
        if (port == 0) return "*";
        String name = numeric ? null : BY_PORT.get(port);
        return name == null ? Integer.toString(port) : name;
    }
}
