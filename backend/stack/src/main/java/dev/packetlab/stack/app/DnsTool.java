package dev.packetlab.stack.app;

import dev.packetlab.stack.app.dns.DnsClient;
import dev.packetlab.stack.app.dns.StubResolver;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.List;

/**
 * What dig, nslookup and host share: asking one server a question the way BIND's tools do (each try waits its
 * timeout; a failed try is reported as {@code ;; communications error to 10.0.0.53#53: timed out}; a truncated UDP
 * answer is asked again over TCP), and the names for reverse lookups.
 */
final class DnsTool {
    private DnsTool() {}

    /** Where an exchange ends. */
    interface Done {
        /** @param elapsed simulated nanoseconds from sending the query that was answered to its answer */
        void answered(DnsMessage response, int size, long elapsed, boolean overTcp);

        /** Every try failed (each has been reported already). */
        void failed();
    }

    /** How a server is shown: {@code 10.0.0.53#53}. */
    static String show(SocketAddress server) {
        return server.address() + "#" + server.port();
    }

    /**
     * Asks {@code server} up to {@code tries} times over UDP (or once over TCP), each try waiting {@code timeout}
     * nanoseconds. {@code note} receives the lines BIND's tools print on the way (communication errors, "Truncated,
     * retrying in TCP mode."). Nothing continues once the process has ended.
     */
    static void ask(Process p, SocketAddress server, DnsMessage query, boolean tcp, long timeout, int tries,
                    java.util.function.Consumer<String> note, Done done) {
        new Object() {
            int tried;

            void next() {
                if (p.exited()) return;
                if (tried == tries) {
                    done.failed();
                    return;
                }
                tried++;
                long sent = p.simulation().now();
                DnsClient.Handler handler = new DnsClient.Handler() {
                    @Override
                    public void answered(DnsMessage response, int size) {
                        if (p.exited()) return;
                        if (!tcp && response.truncated()) {
                            note.accept(";; Truncated, retrying in TCP mode.");
                            long again = p.simulation().now();
                            DnsClient.tcp(p.node(), server, query, timeout, new DnsClient.Handler() {
                                @Override
                                public void answered(DnsMessage full, int fullSize) {
                                    if (!p.exited()) done.answered(full, fullSize, p.simulation().now() - again, true);
                                }

                                @Override
                                public void failed(String reason) {
                                    if (p.exited()) return;
                                    note.accept(";; communications error to " + show(server) + ": " + reason);
                                    next();
                                }
                            });
                            return;
                        }
                        done.answered(response, size, p.simulation().now() - sent, tcp);
                    }

                    @Override
                    public void failed(String reason) {
                        if (p.exited()) return;
                        note.accept(";; communications error to " + show(server) + ": " + reason);
                        next();
                    }
                };
                if (tcp) DnsClient.tcp(p.node(), server, query, timeout, handler);
                else DnsClient.udp(p.node(), server, query, timeout, handler);
            }
        }.next();
    }

    /** The node's first name server (resolv.conf's first nameserver line), or null. */
    static Ipv4Address defaultServer(Process p) {
        StubResolver r = StubResolver.of(p.node());
        List<Ipv4Address> servers = r == null ? List.of() : r.servers();
        return servers.isEmpty() ? null : servers.get(0);
    }

    /** A query ID from the node's resolver stream, so runs replay exactly. */
    static int nextId(Process p) {
        StubResolver r = StubResolver.of(p.node());
        return r != null ? r.nextId() : (int) (p.simulation().now() & 0xffff);
    }

    /** The name a reverse lookup asks for: {@code 80.1.0.10.in-addr.arpa.} for 10.0.1.80 (RFC 1035 3.5). */
    static DnsName reverseName(Ipv4Address a) {
        int v = a.value();
        return DnsName.parse((v & 0xff) + "." + ((v >>> 8) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + (v >>> 24)
                + ".in-addr.arpa");
    }

    /** A name as the user typed it, or null when it is not one. */
    static DnsName nameOrNull(String text) {
        try {
            return DnsName.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
