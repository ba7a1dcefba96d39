package dev.packetlab.stack.app;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.tcp.CongestionControl;
import dev.packetlab.stack.tcp.TcpConnection;
import dev.packetlab.stack.tcp.TcpState;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code ss}: the node's TCP and UDP sockets as iproute2's {@code ss} prints them when its output is not a terminal
 * (no screen width to spread the columns over): every column as wide as its widest entry, addresses right-aligned
 * against their ports. {@code -o} adds each socket's timer, {@code -i} a second line with the TCP variables in ss's
 * own words ({@code rto:}, {@code rtt:srtt/rttvar}, {@code cwnd:} in segments, …).
 */
final class Ss implements Command {
    /** ss's default filter (SS_CONN): connected sockets, without listeners, unconnected, SYN-RECV and TIME-WAIT. */
    private static final EnumSet<TcpState> CONNECTED = EnumSet.of(TcpState.ESTABLISHED, TcpState.SYN_SENT,
            TcpState.FIN_WAIT_1, TcpState.FIN_WAIT_2, TcpState.CLOSE_WAIT, TcpState.LAST_ACK, TcpState.CLOSING);

    @Override
    public String name() { return "ss"; }

    @Override
    public String summary() { return "list TCP and UDP sockets with their timers and TCP variables (iproute2)"; }

    @Override
    public String usage() {
        return """
                usage: ss [-t] [-u] [-a|-l] [-n] [-r] [-o] [-i] [-p] [-H]
                  -t  TCP sockets
                  -u  UDP sockets (without -t or -u: both, with a Netid column)
                  -a  all sockets (default: connected ones only, without listeners and TIME-WAIT)
                  -l  listening sockets only
                  -n  numeric ports (else names from /etc/services) and bandwidths
                  -r  resolve addresses to names from /etc/hosts
                  -o  timers: timer:(on|persist|timewait,TIME,RETRANSMISSIONS)
                  -i  TCP variables on a second line: rto, rtt srtt/rttvar (ms), mss, cwnd and ssthresh (segments),
                      send rate, windows and sequence numbers
                  -p  the Process column (empty: sockets are not traced to programs here)
                  -H  no header line""";
    }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "tualnroipH", "");
        if (!o.positional().isEmpty()) {
            p.usageError("filter expressions are not supported here: '" + o.positional().get(0) + "'");
            return;
        }
        boolean tcp = o.has('t') || !o.has('u');
        boolean udp = o.has('u') || !o.has('t');
        Host host = (Host) p.node();
        Layout layout = new Layout(tcp && udp, o.has('p'));
        if (!o.has('H')) layout.header();
        List<SocketTableFormat.Row> rows = new ArrayList<>();
        if (udp) rows.addAll(SocketTableFormat.udp(host)); // ss dumps UDP before TCP
        if (tcp) rows.addAll(SocketTableFormat.tcp(host));
        for (SocketTableFormat.Row r : rows) {
            if (!shown(r, o.has('a'), o.has('l'))) continue;
            String ext = (o.has('o') ? timer(r.tcp()) : "")
                    + (o.has('i') && r.tcp() != null ? "\n\t" + info(r.tcp(), o.has('n')) : "");
            layout.row(r.protocol(), r.ssState(), r.receiveQueue(), r.sendQueue(),
                    address(host, r.localAddress(), o.has('r')), Services.format(r.localPort(), o.has('n')),
                    address(host, r.remoteAddress(), o.has('r')), Services.format(r.remotePort(), o.has('n')), ext);
        }
        p.print(layout.render());
        p.exit(0);
    }

    /** ss's state filter: {@code -a} everything, {@code -l} LISTEN and UNCONN, by default SS_CONN. */
    private static boolean shown(SocketTableFormat.Row r, boolean all, boolean listening) {
        if (all) return true;
        if (listening) return r.tcp() == null ? r.server() : r.tcp().state() == TcpState.LISTEN;
        return r.tcp() == null ? !r.server() : CONNECTED.contains(r.tcp().state());
    }

    private static String address(Host host, Ipv4Address a, boolean resolve) {
        return resolve ? HostsFile.nameOf(host, a) : a.toString();
    }

    /**
     * {@code tcp_timer_print}: {@code timer:(NAME,TIME,RETRANSMISSIONS)}, nothing when no timer runs. The zero-window
     * probe timer is "persist" here where netstat says "probe".
     */
    static String timer(TcpConnection c) {
        if (c == null || c.timerName().equals("off")) return "";
        String name = c.timerName().equals("probe") ? "persist" : c.timerName();
        int retransmits = c.state() == TcpState.TIME_WAIT ? 0 : c.retries();
        return " timer:(" + name + "," + msTimer(c.timerRemaining() / SimTime.MILLISECOND) + "," + retransmits + ")";
    }

    /** {@code print_ms_timer}: {@code 200ms}, {@code 1.500sec}, {@code 59sec}, {@code 1min}, {@code 1min30sec}. */
    static String msTimer(long ms) {
        long secs = ms / 1000;
        long minutes = secs / 60;
        secs %= 60;
        long msecs = ms % 1000;
        StringBuilder s = new StringBuilder();
        if (minutes > 0) {
            msecs = 0;
            s.append(minutes).append("min");
            if (minutes > 9) secs = 0;
        }
        if (secs > 0) {
            if (secs > 9) msecs = 0;
            s.append(secs).append(msecs > 0 ? "." : "sec");
        }
        if (msecs > 0) s.append(String.format("%03d", msecs)).append(secs > 0 ? "sec" : "ms");
        return s.toString();
    }

    /**
     * The line {@code -i} adds ({@code tcp_stats_print}), with what this stack's TCP knows, in ss's order and units:
     * the congestion control, window scales (ours, the peer's: ss prints snd_wscale first, the shift applied to the
     * peer's windows), rto and rtt in milliseconds, the back-off count, the effective and advertised MSS, cwnd and
     * ssthresh in segments (ssthresh only once a loss made it finite), the send rate cwnd·mss/srtt, the segments sent
     * again, both windows; then, beyond ss, the send and receive sequence variables of RFC 9293 3.3.1. A TIME-WAIT
     * socket has no line of its own: Linux keeps no tcp_info for it.
     */
    static String info(TcpConnection c, boolean numeric) {
        if (c.state() == TcpState.TIME_WAIT) return "";
        StringBuilder s = new StringBuilder();
        s.append(' ').append(c.congestionControl());
        if (c.windowScaleSent() >= 0) {
            s.append(" wscale:").append(c.windowScaleReceived()).append(',').append(c.windowScaleSent());
        }
        long rtoMicros = c.rto() / SimTime.MICROSECOND;
        if (rtoMicros > 0) s.append(" rto:").append(SocketTableFormat.g(rtoMicros / 1000.0, 6));
        if (c.retries() > 0) s.append(" backoff:").append(c.retries());
        long srttMicros = c.srtt() / SimTime.MICROSECOND;
        if (srttMicros > 0) {
            s.append(" rtt:").append(SocketTableFormat.g(srttMicros / 1000.0, 6)).append('/')
                    .append(SocketTableFormat.g(c.rttvar() / SimTime.MICROSECOND / 1000.0, 6));
        }
        boolean synchronized_ = c.state().synchronized_();
        int mss = c.mss();
        if (synchronized_) s.append(" mss:").append(mss);
        if (c.receiveMss() > 0) s.append(" advmss:").append(c.receiveMss());
        long cwnd = synchronized_ && mss > 0 ? c.cwnd() / mss : 0;
        if (cwnd > 0) s.append(" cwnd:").append(cwnd);
        if (c.ssthresh() < CongestionControl.INITIAL_SSTHRESH && mss > 0) {
            s.append(" ssthresh:").append(c.ssthresh() / mss);
        }
        if (srttMicros > 0 && cwnd > 0) {
            s.append(" send ").append(bandwidth(cwnd * mss * 8_000_000.0 / srttMicros, numeric)).append("bps");
        }
        if (c.retransmittedSegments() > 0) s.append(" retrans:").append(c.retransmittedSegments());
        if (synchronized_) {
            s.append(" snd_wnd:").append(c.sndWnd()).append(" rcv_wnd:").append(c.rcvWnd());
            s.append(" snd_una:").append(c.sndUna()).append(" snd_nxt:").append(c.sndNxt())
                    .append(" rcv_nxt:").append(c.rcvNxt());
        }
        return s.toString();
    }

    /** {@code sprint_bw}: three significant digits with k, M, G, T; the plain number with {@code -n}. */
    static String bandwidth(double bps, boolean numeric) {
        if (numeric) return String.format("%.0f", bps);
        if (bps >= 1e12) return SocketTableFormat.g(bps / 1e12, 3) + "T";
        if (bps >= 1e9) return SocketTableFormat.g(bps / 1e9, 3) + "G";
        if (bps >= 1e6) return SocketTableFormat.g(bps / 1e6, 3) + "M";
        if (bps >= 1e3) return SocketTableFormat.g(bps / 1e3, 3) + "k";
        return SocketTableFormat.g(bps, 6);
    }

    /**
     * ss's column renderer ({@code render_calc_width} and {@code render} without a screen width): each column as wide
     * as its longest entry plus its one-space left delimiter; addresses are right-aligned, the rest left-aligned; the
     * last column before the extra one (timers, {@code -i}) is not padded; the extra column is, to its longest entry.
     */
    private static final class Layout {
        private record Column(String header, boolean right, String delimiter) {}

        private final List<Column> columns = new ArrayList<>();
        private final List<String[]> lines = new ArrayList<>();
        private final boolean netid;
        private final boolean process;
        private final int lastVisible;

        Layout(boolean netid, boolean process) {
            this.netid = netid;
            this.process = process;
            if (netid) columns.add(new Column("Netid", false, ""));
            columns.add(new Column("State", false, " "));
            columns.add(new Column("Recv-Q", false, " "));
            columns.add(new Column("Send-Q", false, " "));
            columns.add(new Column("Local Address:", true, " "));
            columns.add(new Column("Port", false, ""));
            columns.add(new Column("Peer Address:", true, " "));
            columns.add(new Column("Port", false, ""));
            if (process) columns.add(new Column("Process", false, ""));
            lastVisible = columns.size() - 1;
            columns.add(new Column("", false, "")); // the extra column: timers and -i
        }

        void header() {
            String[] h = new String[columns.size()];
            for (int i = 0; i < h.length; i++) h[i] = columns.get(i).header;
            lines.add(h);
        }

        void row(String netid, String state, int recvQ, int sendQ, String local, String localPort, String peer,
                 String peerPort, String ext) {
            List<String> t = new ArrayList<>();
            if (this.netid) t.add(netid);
            t.add(state);
            t.add(String.format("%-6d", recvQ));
            t.add(String.format("%-6d", sendQ));
            t.add(local + ":");
            t.add(localPort);
            t.add(peer + ":");
            t.add(peerPort);
            if (process) t.add("");
            t.add(ext);
            lines.add(t.toArray(String[]::new));
        }

        String render() {
            int n = columns.size();
            int[] width = new int[n];
            boolean first = true;
            for (int i = 0; i < n; i++) {
                int max = 0;
                for (String[] l : lines) max = Math.max(max, l[i].length());
                width[i] = !first && max > 0 ? max + columns.get(i).delimiter.length() : max;
                if (width[i] > 0) first = false;
            }
            StringBuilder out = new StringBuilder();
            for (String[] l : lines) {
                for (int i = 0; i < n; i++) {
                    Column c = columns.get(i);
                    int printed = 0;
                    if (i > 0) {
                        out.append(c.delimiter);
                        printed = c.delimiter.length();
                    }
                    if (c.right && width[i] > 0) {
                        int spaces = width[i] - l[i].length() - printed;
                        if (spaces > 0) {
                            out.append(" ".repeat(spaces));
                            printed += spaces;
                        }
                    }
                    out.append(l[i]);
                    printed += l[i].length();
                    if (!c.right && width[i] > 0 && i != lastVisible && width[i] > printed) {
                        out.append(" ".repeat(width[i] - printed));
                    }
                }
                out.append('\n');
            }
            return out.toString();
        }
    }
}
