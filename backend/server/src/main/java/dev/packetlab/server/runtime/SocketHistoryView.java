package dev.packetlab.server.runtime;

import java.util.List;
import java.util.Map;

/**
 * Every socket's recorded story since the instance started (GET .../sockets/history): its state changes with their
 * causes and its TCP variables after each change, oldest first.
 *
 * @param time       the simulated time the story reaches, ns
 * @param sockets    the sockets, in the order they were first heard of
 * @param socketsCut sockets forgotten (oldest closed first) to stay within {@code limits.sockets}
 */
public record SocketHistoryView(long time, List<Socket> sockets, long socketsCut, Limits limits) {

    /**
     * @param state           the newest state ({@code CLOSED} once it is gone)
     * @param transitionsCut  the oldest state changes left out to stay within the limits
     * @param samplesCut      the oldest samples left out to stay within the limits (per socket or per instance)
     */
    public record Socket(String node, int socket, String protocol, String local, String remote, String state,
                         List<Transition> transitions, List<Sample> samples, long transitionsCut, long samplesCut) {}

    /** A state change, as a {@code socket} message carries it: the stack's English cause with its code. */
    public record Transition(long time, String from, String to, String cause, String code,
                             Map<String, String> params) {}

    /** A TCP connection's variables after a change, as a {@code tcp} message carries them. */
    public record Sample(long time, long sndUna, long sndNxt, long sndWnd, long rcvNxt, long rcvWnd, long cwnd,
                         long ssthresh, long srtt, long rttvar, long rto, int sendBuffered, int receiveBuffered) {}

    /** How much is kept. */
    public record Limits(int sockets, int transitionsPerSocket, int samplesPerSocket, int samples) {}
}
