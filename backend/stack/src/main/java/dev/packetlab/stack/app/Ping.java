package dev.packetlab.stack.app;

import dev.packetlab.stack.net.EchoEndpoint;
import dev.packetlab.stack.net.EchoListener;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.net.IcmpReport;
import dev.packetlab.stack.net.SendResult;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code ping}: ICMP echo requests (RFC 792), printed like Linux's iputils ping, statistics included. Ends when
 * every request sent has been answered or reported as an error, or after a grace period.
 */
final class Ping implements Command {
    private static final int MAX_DATA = 65_507;

    @Override
    public String name() { return "ping"; }

    @Override
    public String summary() { return "send ICMP echo requests and time the replies"; }

    @Override
    public String usage() {
        return """
                usage: ping [-c COUNT] [-i INTERVAL] [-s SIZE] [-t TTL] [-M do|dont|want] [-W TIMEOUT] DESTINATION
                  -c COUNT     stop after COUNT requests (default: until Ctrl-C)
                  -i INTERVAL  seconds between requests (default 1)
                  -s SIZE      bytes of data per request (default 56, i.e. 84-byte IP packets)
                  -t TTL       IP time to live (default net.ipv4.ip_default_ttl)
                  -M do        set DF: do not fragment (dont/want: allow fragmentation)
                  -W TIMEOUT   seconds to wait for the last reply (default 10)""";
    }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "", "cistMW");
        if (o.positional().size() != 1) {
            p.usageError(o.positional().isEmpty() ? "usage error: Destination address required" : "too many arguments");
            return;
        }
        Host host = (Host) p.node();
        long count = o.integer('c', Long.MAX_VALUE, 1, Long.MAX_VALUE, "count");
        long interval = o.seconds('i', SimTime.SECOND, 0.001, "timing interval");
        int size = (int) o.integer('s', 56, 0, MAX_DATA, "packet size");
        int ttl = (int) o.integer('t', host.defaultTtl(), 1, 255, "ttl");
        boolean df = o.choice('M', "dont", Set.of("do", "dont", "want"), "-M argument").equals("do");
        long linger = o.seconds('W', SimTime.seconds(10), 0, "linger time");
        String target = o.positional().get(0);
        // as iputils: a target given by name is printed by name, and so are the addresses replies come from
        boolean numeric = HostsFile.parseAddress(target) != null;
        Resolver.lookup(host, target, new Resolver.Handler() {
            @Override
            public void resolved(Ipv4Address dst) {
                if (p.exited()) return;
                new Session(p, host, dst, numeric ? dst.toString() : target, numeric, count, interval, size, ttl, df,
                        linger).start();
            }

            @Override
            public void failed(String message) {
                p.println("ping: " + target + ": " + message);
                p.exit(2);
            }
        });
    }

    /** One run of ping: what was sent, what came back. */
    private static final class Session implements EchoListener {
        final Process p;
        final Host host;
        final Ipv4Address dst;
        final String name;
        final boolean numeric;
        final long count;
        final long interval;
        final int size;
        final int ttl;
        final boolean df;
        final long linger;
        final Map<Integer, Long> sentAt = new HashMap<>();
        EchoEndpoint endpoint;
        long start;
        int transmitted;
        int received;
        int errors;
        long rttMin = Long.MAX_VALUE;
        long rttMax;
        double rttSum;
        double rttSquares;

        Session(Process p, Host host, Ipv4Address dst, String name, boolean numeric, long count, long interval,
                int size, int ttl, boolean df, long linger) {
            this.p = p;
            this.host = host;
            this.dst = dst;
            this.name = name;
            this.numeric = numeric;
            this.count = count;
            this.interval = interval;
            this.size = size;
            this.ttl = ttl;
            this.df = df;
            this.linger = linger;
        }

        void start() {
            endpoint = host.openEcho(this);
            p.onExit(endpoint::close);
            p.onInterrupt(this::finish);
            start = p.simulation().now();
            p.println("PING " + name + " (" + dst + ") " + size + "(" + (size + 28) + ") bytes of data.");
            sendNext();
        }

        private void sendNext() {
            int seq = transmitted + 1;
            SendResult r = endpoint.send(dst, seq, size, ttl, df);
            switch (r) {
                case NETWORK_UNREACHABLE -> {
                    p.println("ping: connect: Network is unreachable");
                    p.exit(2);
                    return;
                }
                case MESSAGE_TOO_LONG -> {
                    p.println("ping: local error: message too long, mtu=" + host.mtuTowards(dst));
                    errors++;
                }
                case SENT -> sentAt.put(seq, p.simulation().now());
            }
            transmitted++;
            if (transmitted < count) {
                p.schedule(interval, this::sendNext);
            } else {
                // After the last request, wait for what is outstanding: 2 × the slowest RTT once something has
                // answered (at least one interval), else the linger time, as iputils does.
                long wait = received > 0 ? Math.max(2 * rttMax, interval) : linger;
                p.schedule(wait, this::finish);
                finishIfAllAnswered();
            }
        }

        @Override
        public void reply(Ipv4Address from, int seq, int replyTtl, int icmpLength) {
            Long sent = sentAt.remove(seq);
            if (sent == null) return; // a duplicate, or the answer to another run
            long rtt = p.simulation().now() - sent;
            received++;
            rttMin = Math.min(rttMin, rtt);
            rttMax = Math.max(rttMax, rtt);
            rttSum += rtt;
            rttSquares += (double) rtt * rtt;
            p.println(icmpLength + " bytes from " + who(from) + ": icmp_seq=" + seq + " ttl=" + replyTtl + " time="
                    + formatRtt(rtt) + " ms");
            finishIfAllAnswered();
        }

        @Override
        public void error(Ipv4Address from, int type, int code, int seq, int mtu) {
            if (sentAt.remove(seq) == null) return;
            errors++;
            p.println("From " + who(from) + " icmp_seq=" + seq + " " + IcmpReport.describe(type, code, mtu));
            finishIfAllAnswered();
        }

        /** iputils' pr_addr: an address alone, or its name from /etc/hosts and the address. */
        private String who(Ipv4Address a) {
            return numeric ? a.toString() : HostsFile.nameOf(host, a) + " (" + a + ")";
        }

        private void finishIfAllAnswered() {
            if (transmitted >= count && sentAt.isEmpty()) finish();
        }

        private void finish() {
            if (p.exited()) return;
            long elapsed = (p.simulation().now() - start) / SimTime.MILLISECOND;
            p.println("");
            p.println("--- " + name + " ping statistics ---");
            int loss = transmitted == 0 ? 0 : (int) ((transmitted - received) * 100L / transmitted);
            p.println(transmitted + " packets transmitted, " + received + " received"
                    + (errors > 0 ? ", +" + errors + " errors" : "") + ", " + loss + "% packet loss, time "
                    + elapsed + "ms");
            if (received > 0) {
                double avg = rttSum / received;
                double mdev = Math.sqrt(Math.max(0, rttSquares / received - avg * avg));
                p.println("rtt min/avg/max/mdev = " + SimTime.formatMillis(rttMin) + "/"
                        + SimTime.formatMillis(Math.round(avg)) + "/" + SimTime.formatMillis(rttMax) + "/"
                        + SimTime.formatMillis(Math.round(mdev)) + " ms");
            }
            p.exit(received > 0 ? 0 : 1);
        }
    }

    /** The precision iputils uses: fewer decimals for longer times. */
    static String formatRtt(long nanos) {
        long us = (nanos + 500) / 1000;
        if (us >= 100_000 - 50) return Long.toString((us + 500) / 1000);
        if (us >= 10_000 - 5) return ((us + 50) / 1000) + "." + (((us + 50) % 1000) / 100);
        if (us >= 1000) return ((us + 5) / 1000) + "." + String.format("%02d", ((us + 5) % 1000) / 10);
        return (us / 1000) + "." + String.format("%03d", us % 1000);
    }
}
