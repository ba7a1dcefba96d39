package dev.packetlab.server.runtime;

/**
 * One TCP socket of a node with its variables (RFC 9293 3.3.1; RFC 6298 for the timers; RFC 5681 for cwnd and
 * ssthresh). Sequence numbers are absolute; times are nanoseconds; sizes are bytes.
 *
 * @param socket the socket's number within its node, as in socket trace events
 * @param timer  the running timer as {@code netstat -o} names it ("on", "probe", "timewait", "off")
 */
public record SocketView(String node, int socket, String protocol, String local, String remote, String state,
                         long iss, long irs, long sndUna, long sndNxt, long sndWnd, long rcvNxt, long rcvWnd, long cwnd,
                         long ssthresh, long srtt, long rttvar, long rto, int mss, int sendQueue, int receiveQueue,
                         String timer, long timerRemaining, long retransmitted) {}
