package dev.packetlab.stack.app;

import dev.packetlab.stack.wire.IcmpMessage;
import dev.packetlab.stack.net.EchoEndpoint;
import dev.packetlab.stack.net.EchoListener;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.net.SendResult;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.udp.Udp;
import dev.packetlab.stack.udp.UdpEndpoint;
import dev.packetlab.stack.udp.UdpListener;
import dev.packetlab.stack.wire.Ipv4Address;

/**
 * {@code traceroute}: probes with TTL 1, 2, 3… so that each router on the path drops one and answers with ICMP time
 * exceeded (RFC 792, RFC 1812 5.3.1), until the destination itself answers. Probes are ICMP echo requests (Linux's
 * {@code traceroute -I}, answered by an echo reply) or, with {@code -U}, UDP datagrams to ports 33434, 33435, …
 * (answered by port unreachable). They are sent one at a time and printed like Linux's traceroute.
 */
final class Traceroute implements Command {
    @Override
    public String name() { return "traceroute"; }

    @Override
    public String summary() { return "show the routers on the path to a host"; }

    @Override
    public String usage() {
        return """
                usage: traceroute [-I|-U] [-n] [-f FIRST_TTL] [-m MAX_TTL] [-q NQUERIES] [-w WAIT] HOST [PACKETLEN]
                  -I           probe with ICMP echo requests (the default here)
                  -U           probe with UDP datagrams to ports 33434 and up
                  -n           print addresses only
                  -f FIRST_TTL start with this TTL (default 1)
                  -m MAX_TTL   give up after this many hops (default 30)
                  -q NQUERIES  probes per hop (default 3)
                  -w WAIT      seconds to wait for each answer (default 5)
                  PACKETLEN    IP packet size in bytes (default 60)""";
    }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "InU", "fmqw");
        if (o.positional().isEmpty() || o.positional().size() > 2) {
            p.usageError(o.positional().isEmpty() ? "Specify \"host\" missing argument." : "too many arguments");
            return;
        }
        int first = (int) o.integer('f', 1, 1, 255, "first hop");
        int max = (int) o.integer('m', 30, 1, 255, "max hops");
        if (first > max) {
            p.usageError("first hop out of range");
            return;
        }
        int queries = (int) o.integer('q', 3, 1, 10, "nqueries");
        long wait = o.seconds('w', SimTime.seconds(5), 0.001, "wait time");
        int packetLength = o.positional().size() == 2 ? parseLength(o.positional().get(1)) : 60;
        boolean numeric = o.has('n');
        String target = o.positional().get(0);
        Resolver.lookup(p.node(), target, new Resolver.Handler() {
            @Override
            public void resolved(Ipv4Address dst) {
                if (!p.exited()) {
                    new Session(p, (Host) p.node(), target, dst, first, max, queries, wait, Math.max(28, packetLength),
                            numeric, o.has('U')).start();
                }
            }

            @Override
            public void failed(String message) {
                p.println(target + ": " + message);
                p.println("Cannot handle \"host\" cmdline arg `" + target + "' on position 1 (argc 1)");
                p.exit(2);
            }
        });
    }

    private static int parseLength(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= 65_000) return n;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("Cannot handle \"packetlen\" cmdline arg `" + text + "' on position 2");
    }

    private static final class Session implements EchoListener, UdpListener {
        /** The first destination port of UDP probes, by tradition (Van Jacobson's traceroute). */
        static final int FIRST_PORT = 33434;

        final Process p;
        final Host host;
        final Ipv4Address dst;
        final int max;
        final int queries;
        final long wait;
        final int packetLength;
        final boolean numeric;
        final boolean udp;
        EchoEndpoint endpoint;
        UdpEndpoint udpEndpoint;
        int ttl;
        int probe;
        int sequence;
        final String target;
        long sentAt;
        Timer timeout;
        Ipv4Address lastHopAddress;
        StringBuilder line;
        boolean reached;

        Session(Process p, Host host, String target, Ipv4Address dst, int first, int max, int queries, long wait,
                int packetLength, boolean numeric, boolean udp) {
            this.target = target;
            this.udp = udp;
            this.p = p;
            this.host = host;
            this.dst = dst;
            this.ttl = first;
            this.max = max;
            this.queries = queries;
            this.wait = wait;
            this.packetLength = packetLength;
            this.numeric = numeric;
        }

        void start() {
            if (udp) {
                Udp layer = Udp.of(host);
                udpEndpoint = layer == null ? null : layer.open(0, this);
                if (udpEndpoint == null) {
                    p.println("traceroute: no UDP port free for probes");
                    p.exit(1);
                    return;
                }
                p.onExit(udpEndpoint::close);
            } else {
                endpoint = host.openEcho(this);
                p.onExit(endpoint::close);
            }
            // as traceroute 2.1: the name as given, then the address it stands for
            p.println("traceroute to " + target + " (" + dst + "), " + max + " hops max, " + packetLength + " byte packets");
            startHop();
        }

        private void startHop() {
            line = new StringBuilder(String.format("%2d ", ttl));
            lastHopAddress = null;
            probe = 0;
            sendProbe();
        }

        private void sendProbe() {
            sequence++;
            sentAt = p.simulation().now();
            SendResult r = udp
                    ? udpEndpoint.send(dst, FIRST_PORT + sequence - 1, new byte[packetLength - 28], ttl)
                    : endpoint.send(dst, sequence, packetLength - 28, ttl, false);
            if (r == SendResult.NETWORK_UNREACHABLE) {
                p.println("connect: Network is unreachable");
                p.exit(1);
                return;
            }
            timeout = p.schedule(wait, () -> answered(null, " *"));
        }

        @Override
        public void reply(Ipv4Address from, int seq, int replyTtl, int icmpLength) {
            if (seq != sequence) return;
            reached = true;
            answered(from, "");
        }

        @Override
        public boolean datagram(Ipv4Address source, int sourcePort, byte[] data) {
            return true; // nothing answers a probe with data; ignore it
        }

        @Override
        public void error(Ipv4Address from, int type, int code, Ipv4Address destination, int destinationPort) {
            if (type == IcmpMessage.DESTINATION_UNREACHABLE && code == IcmpMessage.PORT_UNREACHABLE && from.equals(dst)) {
                // the destination's "no one listens on this port" is the answer a UDP probe hopes for
                if (destinationPort - FIRST_PORT + 1 == sequence) {
                    reached = true;
                    answered(from, "");
                }
                return;
            }
            error(from, type, code, destinationPort - FIRST_PORT + 1, 0);
        }

        @Override
        public void error(Ipv4Address from, int type, int code, int seq, int mtu) {
            if (seq != sequence) return;
            String note = "";
            if (type == IcmpMessage.DESTINATION_UNREACHABLE) {
                reached = true; // nothing beyond an unreachable answer: stop after this hop, as Linux does
                note = switch (code) {
                    case IcmpMessage.NET_UNREACHABLE -> " !N";
                    case IcmpMessage.HOST_UNREACHABLE -> " !H";
                    case IcmpMessage.PROTOCOL_UNREACHABLE -> " !P";
                    case IcmpMessage.FRAGMENTATION_NEEDED -> " !F-" + mtu;
                    default -> " !<" + code + ">";
                };
            } else if (type == IcmpMessage.TIME_EXCEEDED && from.equals(dst)) {
                reached = true;
            }
            answered(from, note);
        }

        /** One probe is done: answered by {@code from} (null: timed out, {@code note} is the star). */
        private void answered(Ipv4Address from, String note) {
            p.simulation().cancel(timeout);
            if (from == null) {
                line.append(note);
            } else {
                if (!from.equals(lastHopAddress)) {
                    line.append(' ').append(numeric ? from.toString() : from + " (" + from + ")");
                    lastHopAddress = from;
                }
                line.append("  ").append(SimTime.formatMillis(p.simulation().now() - sentAt)).append(" ms").append(note);
            }
            probe++;
            if (probe < queries) {
                sendProbe();
                return;
            }
            p.println(line.toString());
            if (reached || ttl >= max) {
                p.exit(0);
                return;
            }
            ttl++;
            startHop();
        }
    }
}
