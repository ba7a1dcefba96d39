package dev.packetlab.server.runtime;

import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every socket's story since the instance started: each state change with its cause ({@code SocketStateChanged})
 * and each change of a TCP connection's variables ({@code TcpVariablesChanged}), so that a page opened late, or
 * reloaded, draws a connection's state diagram, window chart and causes from its first SYN, not from the moment it
 * connected. Memory is bounded: {@link #TRANSITIONS_PER_SOCKET} state changes and {@link #SAMPLES_PER_SOCKET}
 * variable samples per socket, {@link #SAMPLES} samples and {@link #SOCKETS} sockets per instance; what is cut goes
 * oldest first and is counted, so a reader knows the story is not whole.
 *
 * <p>A trace listener on the instance's thread: rebuilt with the simulation (going back in time forgets what came
 * after), and it never throws into the simulation.
 */
final class SocketHistory implements TraceListener {
    /** State changes kept per socket (a TCP connection makes about ten). */
    static final int TRANSITIONS_PER_SOCKET = 64;
    /** Variable samples kept per socket: the newest. */
    static final int SAMPLES_PER_SOCKET = 2_000;
    /** Variable samples kept per instance (about 120 bytes each: at most about 1.2 MB an instance). */
    static final int SAMPLES = 10_000;
    /** Sockets kept per instance: beyond it the oldest closed one is forgotten, else the oldest. */
    static final int SOCKETS = 256;

    /** One socket's story. */
    private static final class Story {
        final String node;
        final int socket;
        final String protocol;
        String local;
        String remote;
        String state = "";
        final ArrayDeque<TraceEvent.SocketStateChanged> transitions = new ArrayDeque<>();
        final ArrayDeque<TraceEvent.TcpVariablesChanged> samples = new ArrayDeque<>();
        long transitionsCut;
        long samplesCut;

        Story(String node, int socket, String protocol) {
            this.node = node;
            this.socket = socket;
            this.protocol = protocol;
        }
    }

    private final Map<String, Story> stories = new LinkedHashMap<>();
    private int samples;
    private long socketsCut;

    private static String key(String node, String protocol, int socket) {
        return node + '/' + protocol + '/' + socket;
    }

    @Override
    public void on(TraceEvent event) {
        switch (event) {
            case TraceEvent.SocketStateChanged s -> changed(s);
            case TraceEvent.TcpVariablesChanged v -> sampled(v);
            default -> { }
        }
    }

    private void changed(TraceEvent.SocketStateChanged s) {
        Story story = stories.get(key(s.node(), s.protocol(), s.socket()));
        if (story == null) story = add(s.node(), s.protocol(), s.socket());
        if (s.local() != null) story.local = s.local();
        if (s.remote() != null) story.remote = s.remote();
        story.state = s.to();
        story.transitions.addLast(s);
        if (story.transitions.size() > TRANSITIONS_PER_SOCKET) {
            story.transitions.removeFirst();
            story.transitionsCut++;
        }
    }

    private void sampled(TraceEvent.TcpVariablesChanged v) {
        Story story = stories.get(key(v.node(), "tcp", v.socket()));
        if (story == null) return; // a connection is always heard of by its first state change
        story.samples.addLast(v);
        samples++;
        if (story.samples.size() > SAMPLES_PER_SOCKET) {
            story.samples.removeFirst();
            story.samplesCut++;
            samples--;
        }
        if (samples > SAMPLES) cutOldestSample();
    }

    /** Over the instance's budget: the oldest socket that has samples gives up its oldest. */
    private void cutOldestSample() {
        for (Story s : stories.values()) {
            if (s.samples.isEmpty()) continue;
            s.samples.removeFirst();
            s.samplesCut++;
            samples--;
            return;
        }
    }

    private Story add(String node, String protocol, int socket) {
        if (stories.size() >= SOCKETS) {
            Iterator<Story> it = stories.values().iterator();
            Story victim = null;
            for (Story s : stories.values()) {
                if (s.state.equals("CLOSED")) {
                    victim = s;
                    break;
                }
            }
            if (victim == null) victim = it.next();
            stories.remove(key(victim.node, victim.protocol, victim.socket));
            samples -= victim.samples.size();
            socketsCut++;
        }
        Story story = new Story(node, socket, protocol);
        stories.put(key(node, protocol, socket), story);
        return story;
    }

    /** What was recorded, of every node or of one ({@code node} null: every node), at simulated time {@code time}. */
    SocketHistoryView view(String node, long time) {
        List<SocketHistoryView.Socket> sockets = new ArrayList<>();
        for (Story s : stories.values()) {
            if (node != null && !node.equals(s.node)) continue;
            List<SocketHistoryView.Transition> transitions = new ArrayList<>(s.transitions.size());
            for (TraceEvent.SocketStateChanged t : s.transitions) {
                SocketCause c = SocketCause.of(t.cause());
                transitions.add(new SocketHistoryView.Transition(t.time(), t.from(), t.to(), t.cause(), c.code(),
                        c.params()));
            }
            List<SocketHistoryView.Sample> samples = new ArrayList<>(s.samples.size());
            for (TraceEvent.TcpVariablesChanged v : s.samples) {
                samples.add(new SocketHistoryView.Sample(v.time(), v.sndUna(), v.sndNxt(), v.sndWnd(), v.rcvNxt(),
                        v.rcvWnd(), v.cwnd(), v.ssthresh(), v.srtt(), v.rttvar(), v.rto(), v.sendBuffered(),
                        v.receiveBuffered()));
            }
            sockets.add(new SocketHistoryView.Socket(s.node, s.socket, s.protocol, s.local, s.remote, s.state,
                    transitions, samples, s.transitionsCut, s.samplesCut));
        }
        return new SocketHistoryView(time, sockets, socketsCut,
                new SocketHistoryView.Limits(SOCKETS, TRANSITIONS_PER_SOCKET, SAMPLES_PER_SOCKET, SAMPLES));
    }
}
