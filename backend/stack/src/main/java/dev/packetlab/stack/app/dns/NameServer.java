package dev.packetlab.stack.app.dns;

import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.wire.Decoded;
import dev.packetlab.stack.wire.DnsHeaderView;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsQuestion;
import dev.packetlab.stack.wire.DnsRdata;
import dev.packetlab.stack.wire.DnsRecord;
import dev.packetlab.stack.wire.DnsType;
import dev.packetlab.stack.wire.Ipv4Address;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A DNS server on a node, over UDP and TCP on port 53 (RFC 1035 4.2), through the socket table. It answers
 * authoritatively from its zones (AA set; NXDOMAIN and NODATA with the zone's SOA in the authority section; a
 * referral with NS records and glue for a delegated child zone), and, when recursive, resolves other names by
 * walking the delegation chain from the root servers it was given ({@link Recursor}), with its own cache.
 *
 * <p>Over UDP an answer longer than 512 bytes is cut and TC set (RFC 1035 4.2.1, RFC 2181 9), so the client asks
 * again over TCP, where the whole answer goes. A query that cannot be read is answered FORMERR when at least its
 * header is there; an opcode other than QUERY gets NOTIMP; a name outside the zones of a server that does not
 * recurse gets REFUSED, as BIND answers it.
 */
public final class NameServer {
    /**
     * @param zones     the zones it is authoritative for
     * @param recursive whether it resolves names outside them for clients that set RD
     * @param roots     the root servers recursion starts from
     */
    public record Config(List<Zone> zones, boolean recursive, List<Ipv4Address> roots, int port) {
        public Config {
            zones = List.copyOf(zones);
            roots = List.copyOf(roots);
        }
    }

    private final Host host;
    private final Config config;
    private final SocketTable sockets;
    private final DnsCache cache;
    private final Recursor recursor;
    private int udpFd = -1;
    private int tcpFd = -1;

    private NameServer(Host host, Config config) {
        this.host = host;
        this.config = config;
        this.sockets = SocketTable.of(host);
        this.cache = new DnsCache(host.network().simulation());
        this.recursor = new Recursor(host, this, config.roots(), cache);
    }

    /**
     * Starts a server on {@code host}: binds UDP and TCP port {@code config.port()} and answers from then on.
     *
     * @throws IllegalArgumentException when the port is taken or the host already runs a name server
     */
    public static NameServer start(Host host, Config config) {
        if (of(host) != null) throw new IllegalArgumentException("this node already runs a DNS server");
        NameServer s = new NameServer(host, config);
        s.listen();
        host.provide(NameServer.class, s);
        return s;
    }

    /** The name server running on {@code node}, or null. */
    public static NameServer of(Node node) {
        return node.service(NameServer.class);
    }

    public Config config() { return config; }

    /** The server's cache of what recursion learnt. */
    public DnsCache cache() { return cache; }

    private void listen() {
        udpFd = sockets.socket(SocketTable.Type.DGRAM).value();
        Errno e = sockets.bind(udpFd, config.port());
        if (e != null) {
            sockets.close(udpFd);
            throw new IllegalArgumentException("port: UDP port " + config.port() + ": " + e.message());
        }
        tcpFd = sockets.socket(SocketTable.Type.STREAM).value();
        sockets.setOption(tcpFd, SocketTable.Option.SO_REUSEADDR, 1);
        e = sockets.bind(tcpFd, config.port());
        if (e == null) e = sockets.listen(tcpFd, 16);
        if (e != null) {
            sockets.close(udpFd);
            sockets.close(tcpFd);
            throw new IllegalArgumentException("port: TCP port " + config.port() + ": " + e.message());
        }
        receiveDatagram();
        acceptConnection();
    }

    private void receiveDatagram() {
        sockets.receiveFrom(udpFd, 0, new ReceiveHandler() {
            @Override
            public void received(byte[] data, SocketAddress from) {
                handle(data, 0, data.length, reply -> sockets.sendTo(udpFd, reply.toBytes(DnsHeaderView.MAX_UDP_LENGTH), from));
                receiveDatagram();
            }

            @Override
            public void failed(Errno error) {
                if (error != Errno.EBADF) receiveDatagram(); // an ICMP error from an earlier reply: keep serving
            }
        });
    }

    private void acceptConnection() {
        sockets.accept(tcpFd, r -> {
            if (!r.succeeded()) return;
            new Connection(r.value()).read();
            acceptConnection();
        });
    }

    /** One TCP client: messages in, each with its two-byte length (RFC 1035 4.2.2), answers out the same way. */
    private final class Connection {
        final int fd;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Connection(int fd) {
            this.fd = fd;
        }

        void read() {
            sockets.receive(fd, SocketTable.RECEIVE_BUFFER, 0, new ReceiveHandler() {
                @Override
                public void received(byte[] data, SocketAddress from) {
                    if (data.length == 0) {
                        sockets.close(fd);
                        return;
                    }
                    pending.writeBytes(data);
                    byte[] b = pending.toByteArray();
                    int at = 0;
                    while (b.length - at >= 2) {
                        int length = ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
                        if (b.length - at - 2 < length) break;
                        handle(b, at + 2, length, reply -> sockets.write(fd, DnsClient.framed(reply.toBytes()), w -> {}));
                        at += 2 + length;
                    }
                    pending.reset();
                    pending.write(b, at, b.length - at);
                    read();
                }

                @Override
                public void failed(Errno error) {
                    sockets.close(fd);
                }
            });
        }
    }

    /** Answers the message in {@code b[off, off+len)} through {@code reply}, now or once recursion is done. */
    void handle(byte[] b, int off, int len, Consumer<DnsMessage> reply) {
        Decoded<DnsMessage> d = DnsMessage.decode(b, off, len);
        if (!(d instanceof Decoded.Success<DnsMessage>(DnsMessage query))) {
            DnsHeaderView h = DnsHeaderView.wrap(b, off, len);
            if (h.checkStructure() == null && !h.isResponse()) {
                reply.accept(new DnsMessage.Builder(h.id(), DnsMessage.QR | (h.flags() & 0x7900)).rcode(DnsMessage.FORMERR)
                        .flag(DnsMessage.RA, config.recursive()).build());
            }
            return;
        }
        if (query.isResponse()) return; // never answer an answer
        answer(query, reply);
    }

    /** The response to {@code query}, handed to {@code reply}. */
    public void answer(DnsMessage query, Consumer<DnsMessage> reply) {
        DnsMessage.Builder response = DnsMessage.responseTo(query).flag(DnsMessage.RA, config.recursive());
        if (query.opcode() != DnsMessage.OPCODE_QUERY) {
            reply.accept(response.rcode(DnsMessage.NOTIMP).build());
            return;
        }
        if (query.questions().size() != 1) {
            reply.accept(response.rcode(DnsMessage.FORMERR).build());
            return;
        }
        DnsQuestion q = query.question();
        boolean recurse = config.recursive() && query.recursionDesired();
        Zone zone = zoneFor(q.name());
        if (zone == null || q.dnsClass() != DnsType.CLASS_IN) {
            if (!recurse || q.dnsClass() != DnsType.CLASS_IN) {
                reply.accept(response.rcode(DnsMessage.REFUSED).build());
                return;
            }
            recursor.resolve(q, outcome -> reply.accept(recursive(response, outcome)));
            return;
        }
        switch (zone.find(q.name(), q.type())) {
            case Zone.Answer a -> {
                DnsRecord last = a.records().get(a.records().size() - 1);
                if (recurse && last.data() instanceof DnsRdata.Cname c && q.type() != DnsType.CNAME
                        && zoneFor(c.target()) == null) {
                    // the alias leads out of our zones: resolve the rest, as a recursive server does
                    recursor.resolve(new DnsQuestion(c.target(), q.type()), outcome -> {
                        a.records().forEach(response::answer);
                        reply.accept(recursive(response, outcome));
                    });
                    return;
                }
                response.flag(DnsMessage.AA, true);
                a.records().forEach(response::answer);
                zone.glueFor(a.records()).forEach(response::additional);
            }
            case Zone.NameError n -> response.flag(DnsMessage.AA, true).rcode(DnsMessage.NXDOMAIN).authority(n.soa());
            case Zone.NoData n -> response.flag(DnsMessage.AA, true).authority(n.soa());
            case Zone.Referral r -> {
                if (recurse) {
                    recursor.resolve(q, outcome -> reply.accept(recursive(response, outcome)));
                    return;
                }
                r.nameServers().forEach(response::authority);
                r.glue().forEach(response::additional);
            }
        }
        reply.accept(response.build());
    }

    /** A recursive answer, with the addresses the cache holds for name servers and mail exchangers it names. */
    private DnsMessage recursive(DnsMessage.Builder response, Recursor.Outcome outcome) {
        response.rcode(outcome.rcode());
        outcome.answers().forEach(response::answer);
        outcome.authorities().forEach(response::authority);
        for (DnsRecord r : outcome.answers()) {
            DnsName target = switch (r.data()) {
                case DnsRdata.Ns ns -> ns.host();
                case DnsRdata.Mx mx -> mx.exchange();
                default -> null;
            };
            List<DnsRecord> a = target == null ? null : cache.get(target, DnsType.A);
            if (a != null) a.forEach(response::additional);
        }
        return response.build();
    }

    /** The most specific of this server's zones that holds {@code name}, or null. */
    Zone zoneFor(DnsName name) {
        Zone best = null;
        for (Zone z : config.zones()) {
            if (name.isSubdomainOf(z.origin()) && (best == null || z.origin().labelCount() > best.origin().labelCount())) {
                best = z;
            }
        }
        return best;
    }

    /** Stops serving: both sockets are closed and the host can start another name server. */
    public void stop() {
        sockets.close(udpFd);
        sockets.close(tcpFd);
        host.withdraw(NameServer.class, this);
    }

    /** For tests and tools: the records a zone of this server holds. */
    public List<DnsRecord> records() {
        List<DnsRecord> all = new ArrayList<>();
        for (Zone z : config.zones()) all.addAll(z.records());
        return all;
    }
}
