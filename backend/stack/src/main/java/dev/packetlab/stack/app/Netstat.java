package dev.packetlab.stack.app;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.tcp.TcpConnection;
import dev.packetlab.stack.tcp.TcpState;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code netstat}: the node's TCP and UDP sockets in the layout of Linux's net-tools {@code netstat} (netstat.c's
 * {@code tcp_do_one} and {@code udp_do_one}, column for column), including the connections no program holds any more:
 * TIME_WAIT after an active close, LAST_ACK after a passive one.
 */
final class Netstat implements Command {
    /** net-tools' {@code PROGNAME_WIDTH}. */
    private static final int PROGNAME_WIDTH = 20;
    /** The width addresses are shortened to without {@code -W} ({@code addr_do_one}'s {@code short_len}). */
    private static final int SHORT_ADDRESS = 22;

    @Override
    public String name() { return "netstat"; }

    @Override
    public String summary() { return "list TCP and UDP sockets (net-tools layout)"; }

    @Override
    public String usage() {
        return """
                usage: netstat [-a|-l] [-t] [-u] [-n] [-o] [-p]
                  -a  all sockets: listening ones too ("servers and established")
                  -l  listening sockets only
                  -t  TCP sockets
                  -u  UDP sockets (without -t or -u: both)
                  -n  numeric addresses and ports (else names from /etc/hosts and /etc/services)
                  -o  the timer of each socket: on (retransmission), probe (zero window), timewait, off
                      (remaining seconds/retransmissions/probes)
                  -p  the PID/Program name column (always "-": sockets are not traced to programs here)""";
    }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "atunlop", "");
        if (!o.positional().isEmpty()) {
            p.usageError("unexpected argument '" + o.positional().get(0) + "'");
            return;
        }
        boolean all = o.has('a');
        boolean listening = o.has('l') && !all;
        boolean tcp = o.has('t') || !o.has('u');
        boolean udp = o.has('u') || !o.has('t');
        Format f = new Format((Host) p.node(), o.has('n'), o.has('o'), o.has('p'));
        StringBuilder out = new StringBuilder("Active Internet connections ");
        out.append(all ? "(servers and established)" : listening ? "(only servers)" : "(w/o servers)").append('\n');
        out.append("Proto Recv-Q Send-Q Local Address           Foreign Address         State      ");
        if (f.programs) out.append(' ').append(pad("PID/Program name", PROGNAME_WIDTH));
        if (f.timers) out.append(" Timer");
        out.append('\n');
        List<SocketTableFormat.Row> rows = new ArrayList<>();
        if (tcp) rows.addAll(SocketTableFormat.tcp(f.host));
        if (udp) rows.addAll(SocketTableFormat.udp(f.host));
        for (SocketTableFormat.Row r : rows) {
            if (!all && r.server() != listening) continue;
            out.append(f.row(r));
        }
        p.print(out.toString());
        p.exit(0);
    }

    private record Format(Host host, boolean numeric, boolean timers, boolean programs) {
        String row(SocketTableFormat.Row r) {
            String local = address(r.localAddress(), r.localPort());
            String remote = address(r.remoteAddress(), r.remotePort());
            StringBuilder s = new StringBuilder();
            if (r.tcp() != null) {
                // "%-4s  %6ld %6ld %-*s %-*s %-11s": the address columns widen for a long address
                s.append(pad("tcp", 4)).append("  ").append(padLeft(r.receiveQueue(), 6)).append(' ')
                        .append(padLeft(r.sendQueue(), 6)).append(' ').append(pad(local, Math.max(23, local.length())))
                        .append(' ').append(pad(remote, Math.max(23, remote.length()))).append(' ');
            } else {
                // "%-5s %6ld %6ld %-23s %-23s %-11s"
                s.append(pad("udp", 5)).append(' ').append(padLeft(r.receiveQueue(), 6)).append(' ')
                        .append(padLeft(r.sendQueue(), 6)).append(' ').append(pad(local, 23)).append(' ')
                        .append(pad(remote, 23)).append(' ');
            }
            s.append(pad(r.netstatState(), 11));
            if (programs) s.append(' ').append(pad("-", PROGNAME_WIDTH));
            if (timers) s.append(' ').append(timer(r.tcp()));
            return s.append('\n').toString();
        }

        /**
         * {@code addr_do_one}: {@code address:port}, the address shortened so that both fit in 22 characters (the
         * port keeps at least 18); {@code *} for port 0.
         */
        String address(Ipv4Address a, int port) {
            String host = numeric ? a.toString() : HostsFile.nameOf(this.host, a);
            String service = Services.format(port, numeric);
            if (host.length() + service.length() > SHORT_ADDRESS) {
                int portLength = Math.min(service.length(), SHORT_ADDRESS - 4);
                host = host.substring(0, Math.min(host.length(), SHORT_ADDRESS - portLength));
                service = service.substring(0, portLength);
            }
            return host + ":" + service;
        }
    }

    /**
     * The Timer column of {@code /proc/net/tcp}: the timer's name, the time left in seconds (clock ticks of 1/100 s,
     * so truncated to hundredths), the retransmissions so far and the unanswered keepalive or window probes.
     */
    static String timer(TcpConnection c) {
        if (c == null) return "off (0.00/0/0)";
        String name = c.timerName();
        int retransmits = c.state() == TcpState.TIME_WAIT ? 0 : c.retries();
        if (name.equals("off")) return "off (0.00/" + retransmits + "/0)";
        long ticks = c.timerRemaining() / (SimTime.SECOND / 100);
        return name + " (" + (ticks / 100) + "." + String.format("%02d", ticks % 100) + "/" + retransmits + "/0)";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String padLeft(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
