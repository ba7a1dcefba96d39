package dev.packetlab.stack.tcp;

import dev.packetlab.stack.link.Sysctl;
import dev.packetlab.stack.sim.SimTime;

/**
 * TCP's tunables on one node, each a named {@code sysctl} with a default, a range and a line of help. Names follow
 * Linux where Linux has the knob ({@code net.ipv4.tcp_syn_retries}); the defaults are CONFORMANCE.md's, chosen so
 * that a lab shows textbook behaviour (4 SYN retries: SYNs at 0, 1, 3, 7, 15 s). A connection reads the values when
 * it needs them, so a {@code sysctl -w} takes effect for the next decision.
 */
final class TcpSettings {
    final Sysctl.Tunable msl;
    final Sysctl.Tunable rtoInitial;
    final Sysctl.Tunable rtoMin;
    final Sysctl.Tunable rtoMax;
    final Sysctl.Tunable synRetries;
    final Sysctl.Tunable synAckRetries;
    final Sysctl.Tunable dataRetries;
    final Sysctl.Tunable finTimeout;
    final Sysctl.Tunable delayedAck;
    final Sysctl.Tunable receiveBuffer;
    final Sysctl.Tunable sendBuffer;
    final Sysctl.Tunable initialCwnd;
    final Sysctl.Tunable noDelay;
    final Sysctl.Tunable windowScaling;
    final Sysctl.Tunable sack;
    final Sysctl.Tunable ssthreshFromPipe;
    final Sysctl.Tunable timestamps;
    final Sysctl.Tunable maxBacklog;

    TcpSettings(Sysctl s) {
        msl = s.define("net.ipv4.tcp_msl", 30_000, 1, 600_000, "ms",
                "maximum segment lifetime; TIME_WAIT lasts 2·MSL (RFC 9293 3.4.2)");
        rtoInitial = s.define("net.ipv4.tcp_rto_initial", 1_000, 1, 120_000, "ms",
                "retransmission timeout before the first RTT sample (RFC 6298 2.1)");
        // RFC 6298 2.4's 1 s, not Linux's 200 ms: with a 200 ms delayed ACK, a 200 ms floor would retransmit
        // every lone segment a moment before its delayed ACK arrived (Linux escapes by flooring the variance
        // term instead, and by acknowledging quickly at first)
        rtoMin = s.define("net.ipv4.tcp_rto_min", 1_000, 1, 120_000, "ms",
                "lower bound of the retransmission timeout (RFC 6298 2.4: 1 s, above the 200 ms delayed ACK)");
        rtoMax = s.define("net.ipv4.tcp_rto_max", 60_000, 1, 600_000, "ms",
                "upper bound of the retransmission timeout and of its back-off (RFC 6298 2.5)");
        synRetries = s.define("net.ipv4.tcp_syn_retries", 4, 0, 20, "tries",
                "SYN retransmissions before connect() fails with ETIMEDOUT");
        synAckRetries = s.define("net.ipv4.tcp_synack_retries", 4, 0, 20, "tries",
                "SYN+ACK retransmissions before a half-open connection is dropped");
        dataRetries = s.define("net.ipv4.tcp_retries2", 8, 1, 30, "tries",
                "retransmissions of data (or unanswered window probes) before the connection gives up with ETIMEDOUT");
        finTimeout = s.define("net.ipv4.tcp_fin_timeout", 60_000, 1, 600_000, "ms",
                "how long a closed socket waits in FIN_WAIT_2 for the peer's FIN");
        delayedAck = s.define("net.ipv4.tcp_delack", 200, 0, 500, "ms",
                "delayed-ACK timer: a lone segment is acknowledged this late, two full segments at once (0: ACK every segment)");
        receiveBuffer = s.define("net.ipv4.tcp_rmem", 65_536, 1_024, 16 << 20, "bytes",
                "default receive buffer (SO_RCVBUF): the most the advertised window can be");
        sendBuffer = s.define("net.ipv4.tcp_wmem", 65_536, 1_024, 16 << 20, "bytes",
                "default send buffer (SO_SNDBUF): how much written data may wait for its ACK");
        initialCwnd = s.define("net.ipv4.tcp_init_cwnd", 10, 1, 100, "segments",
                "initial congestion window (RFC 6928)");
        noDelay = s.define("net.ipv4.tcp_nodelay", 0, 0, 1, "bool",
                "1: new sockets start with TCP_NODELAY (Nagle's algorithm off); 0: Nagle on (RFC 9293 3.7.4)");
        windowScaling = s.define("net.ipv4.tcp_window_scaling", 0, 0, 1, "bool",
                "offer the window scale option on SYNs (RFC 7323 2)");
        sack = s.define("net.ipv4.tcp_sack", 0, 0, 1, "bool",
                "offer SACK-permitted on SYNs and send SACK blocks (RFC 2018)");
        // RFC 6675 5 step 4.2 and RFC 5681 3.2 equation (4) halve FlightSize, SND.NXT − SND.UNA less what limited
        // transmit sent. ns-3 (3.37 and later, TcpSocketBase::EnterRecovery) passes TcpNewReno::GetSsThresh its
        // BytesInFlight() instead: with SACK that is RFC 6675's SetPipe() (sent, less SACKed, less deemed lost, plus
        // retransmitted), some four segments smaller when recovery begins. 1 reproduces ns-3's model for the
        // benchmark that compares the two simulators (backend/bench TcpModel); labs keep the RFC's 0.
        ssthreshFromPipe = s.define("net.ipv4.tcp_ssthresh_from_pipe", 0, 0, 1, "bool",
                "SACK recovery's ssthresh: 0 half FlightSize (RFC 6675 5 step 4.2, RFC 5681 eq. 4); "
                        + "1 half the pipe estimate, RFC 6675 SetPipe(), as ns-3 does");
        timestamps = s.define("net.ipv4.tcp_timestamps", 0, 0, 1, "bool",
                "offer the timestamps option on SYNs (RFC 7323 3)");
        maxBacklog = s.define("net.core.somaxconn", 128, 1, 65_535, "connections",
                "the largest listen() backlog: connections waiting to be accepted");
    }

    static long ms(Sysctl.Tunable t) {
        return t.value() * SimTime.MILLISECOND;
    }
}
