package dev.packetlab.stack.app;

import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceListener;

/**
 * {@code tcpdump}: one line per frame the interface sends or receives, in tcpdump's words (see
 * {@link TcpdumpPrinter}), chosen by a filter expression (see {@link TcpdumpFilter}), until {@code -c} frames have
 * been printed or Ctrl-C. Like the real one it listens in promiscuous mode, so on a hub it also sees frames for
 * other hosts, and it announces itself and its count on standard error, so that {@code tcpdump | cat} carries only
 * the frames.
 *
 * <p>A frame is seen where a host's capture sees it: a sent frame when its first bit leaves, before the NIC pads it
 * to Ethernet's 60 bytes (an ARP request shows {@code length 28}), a received frame when its last bit has arrived,
 * padding and all ({@code length 46}), as on Linux.
 */
final class Tcpdump implements Command {
    /** libpcap's default snapshot length: every frame here is captured whole. */
    private static final int SNAPSHOT_LENGTH = 262_144;

    @Override
    public String name() { return "tcpdump"; }

    @Override
    public String summary() { return "print the frames an interface sends and receives"; }

    @Override
    public String usage() {
        return """
                usage: tcpdump [-enS] [-c COUNT] [-i INTERFACE] [EXPRESSION]
                  -i INTERFACE  listen on INTERFACE (default: the first, eth0)
                  -c COUNT      exit after COUNT packets (default: until Ctrl-C)
                  -e            print the Ethernet header: MAC addresses, EtherType, frame length
                  -n            numbers instead of names (addresses and ports are always numbers here)
                  -S            absolute TCP sequence numbers (default: relative to the connection's first)
                  EXPRESSION    which frames to print: host ADDR, net PREFIX, port N, with src or dst, tcp, udp,
                                icmp, arp, ip, combined with and, or, not and parentheses; e.g. "tcp port 80",
                                "host 10.0.0.2 and not arp\"""";
    }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "enS", "ic");
        long count = Long.MAX_VALUE;
        if (o.has('c')) {
            String v = o.value('c');
            try {
                count = Long.parseLong(v);
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count <= 0) {
                p.eprintln("tcpdump: invalid packet count " + v);
                p.exit(1);
                return;
            }
        }
        NetDevice device;
        if (o.has('i')) {
            device = p.node().device(o.value('i'));
            if (device == null) {
                p.eprintln("tcpdump: " + o.value('i') + ": No such device exists");
                p.exit(1);
                return;
            }
        } else if (p.node().devices().isEmpty()) {
            p.eprintln("tcpdump: no suitable device found");
            p.exit(1);
            return;
        } else {
            device = p.node().devices().getFirst();
        }
        if (!device.isUp()) {
            p.eprintln("tcpdump: " + device.name() + ": That device is not up");
            p.exit(1);
            return;
        }
        TcpdumpFilter filter;
        try {
            filter = TcpdumpFilter.parse(String.join(" ", o.positional()));
        } catch (TcpdumpFilter.FilterException e) {
            p.eprintln("tcpdump: " + e.getMessage());
            p.exit(1);
            return;
        }
        p.eprintln("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode");
        p.eprintln("listening on " + device.name() + ", link-type EN10MB (Ethernet), snapshot length " + SNAPSHOT_LENGTH + " bytes");
        new Capture(p, device, filter, new TcpdumpPrinter(o.has('e'), o.has('S'), o.has('n')), count).start();
    }

    /** One run: what it listens to, and how many frames it has printed. */
    private static final class Capture implements TraceListener {
        final Process p;
        final NetDevice device;
        final String node;
        final TcpdumpFilter filter;
        final TcpdumpPrinter printer;
        final long count;
        final Trace trace;
        long captured;

        Capture(Process p, NetDevice device, TcpdumpFilter filter, TcpdumpPrinter printer, long count) {
            this.p = p;
            this.device = device;
            this.node = p.node().name();
            this.filter = filter;
            this.printer = printer;
            this.count = count;
            this.trace = p.node().network().trace();
        }

        void start() {
            trace.subscribe(this, Trace.Kind.FRAME_SENT, Trace.Kind.FRAME_RECEIVED);
            p.onExit(() -> trace.unsubscribe(this));
            p.onInterrupt(this::finish);
        }

        @Override
        public void on(TraceEvent event) {
            byte[] frame;
            int length;
            switch (event) {
                case TraceEvent.FrameSent s when s.node().equals(node) && s.device().equals(device.name()) -> {
                    frame = s.frame();
                    length = unpaddedLength(frame);
                }
                case TraceEvent.FrameReceived r when r.node().equals(node) && r.device().equals(device.name()) && device.isUp() -> {
                    frame = r.frame();
                    length = frame.length;
                }
                default -> {
                    return;
                }
            }
            if (p.exited() || !filter.matches(frame, length)) return;
            p.println(printer.line(event.time(), frame, length));
            if (p.exited()) return; // the pipe it prints into has closed
            captured++;
            if (captured >= count) finish();
        }

        /** tcpdump's closing statistics, on standard error; status 0 whether -c or Ctrl-C ended it. */
        void finish() {
            if (p.exited()) return;
            p.eprintln(captured + " packet" + plural(captured) + " captured");
            p.eprintln(captured + " packet" + plural(captured) + " received by filter");
            p.eprintln("0 packets dropped by kernel");
            p.exit(0);
        }

        private static String plural(long n) { return n == 1 ? "" : "s"; }
    }

    /**
     * The frame as the sending host's capture holds it: Ethernet header and the IPv4 packet or ARP message, without
     * the padding to 60 bytes that the NIC adds after the capture point (IEEE 802.3 4.2.3.3, minimum frame size).
     * A frame whose lengths do not add up is kept whole.
     */
    static int unpaddedLength(byte[] frame) {
        if (frame.length < 14) return frame.length;
        int type = (frame[12] & 0xff) << 8 | frame[13] & 0xff;
        if (type == 0x0800 && frame.length >= 34) {
            int total = (frame[16] & 0xff) << 8 | frame[17] & 0xff;
            if (total >= 20 && 14 + total <= frame.length) return 14 + total;
        }
        if (type == 0x0806 && frame.length >= 42) return 42;
        return frame.length;
    }
}
