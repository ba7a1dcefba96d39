package dev.packetlab.stack.app;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.tcp.Tcp;
import dev.packetlab.stack.tcp.TcpConnection;
import dev.packetlab.stack.tcp.TcpState;
import dev.packetlab.stack.wire.Ipv4Address;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code netstat} and {@code ss} read from a node's kernel, and the number formats they share. TCP rows come from
 * the TCP layer itself, so a connection the program has closed (FIN_WAIT_2, LAST_ACK, TIME_WAIT) is listed as it is
 * in {@code /proc/net/tcp}; UDP rows come from the socket table, as {@code /proc/net/udp} lists bound sockets.
 */
final class SocketTableFormat {
    private SocketTableFormat() {}

    /** One socket as the kernel describes it: the TCP connection behind it, or null for UDP. */
    record Row(String protocol, TcpConnection tcp, Ipv4Address localAddress, int localPort, Ipv4Address remoteAddress,
               int remotePort, int receiveQueue, int sendQueue) {

        /** A socket with no peer: a listener, or an unconnected UDP socket (the "servers" of netstat). */
        boolean server() { return remotePort == 0; }

        /** netstat's State column: {@code LISTEN}, {@code TIME_WAIT}…; for UDP empty or {@code ESTABLISHED}. */
        String netstatState() {
            if (tcp != null) return tcp.state().netstatName();
            return server() ? "" : "ESTABLISHED";
        }

        /** ss's State column: {@code LISTEN}, {@code TIME-WAIT}…; for UDP {@code UNCONN} or {@code ESTAB}. */
        String ssState() {
            if (tcp != null) return tcp.state().ssName();
            return server() ? "UNCONN" : "ESTAB";
        }
    }

    /**
     * The node's TCP sockets that the kernel lists: listeners first, then the connections in the order they were
     * made, as {@code /proc/net/tcp} walks the listening table before the established one. A socket that is only
     * bound (CLOSED) is in neither table and is not listed.
     */
    static List<Row> tcp(Host host) {
        Tcp tcp = Tcp.of(host);
        List<Row> listeners = new ArrayList<>();
        List<Row> others = new ArrayList<>();
        if (tcp == null) return listeners;
        for (TcpConnection c : tcp.connections()) {
            if (c.state() == TcpState.CLOSED) continue;
            Ipv4Address remote = c.remoteAddress() == null ? Ipv4Address.ANY : c.remoteAddress();
            Row row = new Row("tcp", c, c.localAddress(), c.localPort(), remote, c.remotePort(), c.receiveQueue(),
                    c.sendQueue());
            (c.state() == TcpState.LISTEN ? listeners : others).add(row);
        }
        listeners.addAll(others);
        return listeners;
    }

    /**
     * The node's bound UDP sockets, by descriptor. A connected one shows the source address its datagrams leave
     * from, which Linux fixes at {@code connect()}.
     */
    static List<Row> udp(Host host) {
        List<Row> rows = new ArrayList<>();
        SocketTable table = SocketTable.of(host);
        if (table == null) return rows;
        for (SocketTable.SocketInfo s : table.sockets()) {
            if (!s.protocol().equals("udp") || s.local().port() == 0) continue;
            SocketAddress peer = s.remote();
            Ipv4Address local = s.local().address();
            if (peer != null && local.equals(Ipv4Address.ANY)) {
                Ipv4Address source = host.sourceAddressFor(peer.address());
                if (source != null) local = source;
            }
            rows.add(new Row("udp", null, local, s.local().port(), peer == null ? Ipv4Address.ANY : peer.address(),
                    peer == null ? 0 : peer.port(), s.queued(), 0));
        }
        return rows;
    }

    /**
     * C's {@code printf("%.Ng")}: {@code precision} significant digits, trailing zeros dropped, exponent form for very
     * large or small values. Rounding is to nearest, ties to even, on the double's exact value, as glibc rounds.
     */
    static String g(double value, int precision) {
        if (value == 0) return "0";
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            String mantissa = stripZeros(rounded.movePointLeft(exponent).toPlainString());
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        int decimals = Math.max(0, precision - 1 - exponent);
        return stripZeros(rounded.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
