package dev.packetlab.bench;

import dev.packetlab.stack.link.Sysctl;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.tcp.Tcp;

/**
 * The TCP of ns3-baseline/README.md ("Model"), set through PacketLab's per-node sysctls: ns-3 3.37's
 * {@code TcpSocketBase} defaults, with {@code SegmentSize} 1448 and NewReno (PacketLab's only congestion control).
 * Every host that runs TCP in a workload gets the same values, so both ends of a connection agree.
 */
final class TcpModel {
    /** ns-3's {@code SndBufSize} and {@code RcvBufSize}. */
    static final int BUFFER = 131_072;

    private TcpModel() {}

    /** Gives {@code host} TCP with the baseline's settings and a socket table for the workload's programs. */
    static SocketTable install(Host host) {
        Tcp.install(host);
        Sysctl s = host.sysctl();
        // ns-3 Timestamp=true. The option's 12 bytes on every segment turn the MSS of 1460 (MTU 1500) into 1448
        // bytes of data, ns-3's SegmentSize, so that both put 1500-byte IP packets on the wire.
        s.set("net.ipv4.tcp_timestamps", "1");
        // ns-3 WindowScaling=true. 131072 bytes do not fit the 16-bit window field: ns-3's CalculateWScale, like
        // PacketLab, picks the smallest shift that makes the buffer fit, 2, so a receiver can offer its whole buffer.
        s.set("net.ipv4.tcp_window_scaling", "1");
        // ns-3 Sack=true, and its PrrRecovery: with SACK negotiated both senders recover from loss with a SACK
        // scoreboard (RFC 6675) paced by Proportional Rate Reduction (RFC 6937), and both have limited transmit
        // (RFC 3042); this shows only under loss (W2).
        s.set("net.ipv4.tcp_sack", "1");
        // ns-3's TcpSocketBase::EnterRecovery sets ssthresh to TcpNewReno::GetSsThresh of its BytesInFlight(), with
        // SACK RFC 6675's pipe (less what is SACKed and deemed lost), where RFC 6675 5 step 4.2 halves FlightSize, as
        // PacketLab does by default. The bench compares the simulators on the same model, so it takes ns-3's rule:
        // with the RFC's, W2's ten-seed mean is about a fifth shorter than ns-3's (docs/performance.md, W2)
        s.set("net.ipv4.tcp_ssthresh_from_pipe", "1");
        s.set("net.ipv4.tcp_rmem", Integer.toString(BUFFER));
        s.set("net.ipv4.tcp_wmem", Integer.toString(BUFFER));
        s.set("net.ipv4.tcp_init_cwnd", "10"); // InitialCwnd
        s.set("net.ipv4.tcp_delack", "200"); // DelAckTimeout; DelAckCount 2 is PacketLab's every-second-segment rule
        s.set("net.ipv4.tcp_rto_min", "1000"); // MinRto
        s.set("net.ipv4.tcp_rto_initial", "3000"); // ConnTimeout: how long ns-3 waits before it sends a SYN again
        s.set("net.ipv4.tcp_nodelay", "1"); // TcpNoDelay
        s.set("net.ipv4.tcp_msl", "120000"); // MaxSegLifetime: TIME_WAIT lasts 240 s, as W3's server sees it in ns-3
        return SocketTable.install(host);
    }
}
