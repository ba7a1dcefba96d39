package dev.packetlab.server.ws;

import dev.packetlab.server.runtime.CheckView;
import dev.packetlab.server.runtime.DropDetail;
import dev.packetlab.server.runtime.Echo;
import dev.packetlab.server.runtime.JobView;
import dev.packetlab.server.runtime.RunState;
import dev.packetlab.server.runtime.SessionObserver.FrameInfo;
import dev.packetlab.server.runtime.Snapshot;
import dev.packetlab.server.runtime.SocketCause;
import dev.packetlab.server.runtime.Throttling;
import dev.packetlab.stack.trace.TraceEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages the server sends on {@code /ws/labs/{id}}, built as ordered maps (the JSON objects they become). Every
 * message has a {@code type} from {@link #TYPES}; {@code docs/protocol.md} shows one example of each, and a test
 * holds the two together. Times are simulated nanoseconds.
 */
final class Messages {
    /** Every type of message the server sends. */
    static final List<String> TYPES = List.of("batch", "hello", "snapshot", "run-state", "frame", "frame-received",
            "frame-dropped", "socket", "tcp", "arp", "mac", "route", "interface", "terminal", "job-ended", "overflow",
            "throttled", "echo", "check", "authorized", "error");

    /** Types a slow client may lose (it is told, and gets a fresh snapshot): they only animate what a snapshot shows. */
    static final List<String> ANIMATION = List.of("frame", "frame-received", "frame-dropped", "tcp");

    /** The version of this protocol; a client that knows another one should say so rather than guess. */
    static final int PROTOCOL = 1;

    private Messages() {}

    static Map<String, Object> message(String type) {
        if (!TYPES.contains(type)) throw new IllegalArgumentException("undocumented message type " + type);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }

    /**
     * @param sentAt server wall-clock time of sending, epoch milliseconds
     * @param age    how long the oldest message waited in this client's queue, milliseconds
     */
    static Map<String, Object> batch(List<Map<String, Object>> messages, long sentAt, long age) {
        Map<String, Object> m = message("batch");
        m.put("sentAt", sentAt);
        m.put("age", age);
        m.put("messages", messages);
        return m;
    }

    static Map<String, Object> hello(String instance) {
        Map<String, Object> m = message("hello");
        m.put("instance", instance);
        m.put("protocol", PROTOCOL);
        return m;
    }

    /** @param reason connected, overflow, rebuilt, edited or requested */
    static Map<String, Object> snapshot(String reason, Snapshot s) {
        Map<String, Object> m = message("snapshot");
        m.put("reason", reason);
        m.put("snapshot", s);
        return m;
    }

    static Map<String, Object> runState(RunState s) {
        Map<String, Object> m = message("run-state");
        m.put("state", s);
        return m;
    }

    static Map<String, Object> jobEnded(JobView j) {
        Map<String, Object> m = message("job-ended");
        m.put("job", j);
        return m;
    }

    static Map<String, Object> overflow(long dropped) {
        Map<String, Object> m = message("overflow");
        m.put("dropped", dropped);
        m.put("detail", "this client fell behind: " + dropped + " animation messages were left out; a fresh snapshot follows");
        return m;
    }

    /** What a terminal typed at key by key shows of the line being typed. */
    static Map<String, Object> echo(Echo e) {
        Map<String, Object> m = message("echo");
        m.put("node", e.node());
        m.put("text", e.text());
        m.put("prompt", e.prompt());
        m.put("line", e.line());
        m.put("cursor", e.cursor());
        return m;
    }

    /** A step's check started or stopped passing. */
    static Map<String, Object> check(CheckView v) {
        Map<String, Object> m = message("check");
        m.put("time", v.time());
        m.put("step", v.step());
        m.put("passed", v.passed());
        m.put("why", v.why());
        m.put("whyKo", v.whyKo());
        return m;
    }

    /** The instance began to be held to its events per second, and why. */
    static Map<String, Object> throttled(Throttling t) {
        Map<String, Object> m = message("throttled");
        m.put("time", t.time());
        m.put("resource", t.resource());
        m.put("limit", t.limit());
        m.put("cause", t.cause());
        m.put("node", t.node());
        m.put("moves", t.moves());
        m.put("detail", t.detail());
        return m;
    }

    /**
     * The client proved it holds the instance's token: {@code owner} (it may type, run and edit) or {@code replay}
     * (a read-only replay's: it may run the replay, never change it).
     */
    static Map<String, Object> authorized(String role) {
        Map<String, Object> m = message("authorized");
        m.put("role", role);
        return m;
    }

    /** @param field what in the client's message is wrong ({@code node}, {@code speed}), or null */
    static Map<String, Object> error(String message, String field) {
        Map<String, Object> m = message("error");
        m.put("message", message);
        if (field != null) m.put("field", field);
        return m;
    }

    /** A trace event as its message. */
    static Map<String, Object> event(TraceEvent event, FrameInfo frame) {
        Map<String, Object> m;
        switch (event) {
            case TraceEvent.FrameSent e -> {
                m = start("frame", e);
                m.put("number", frame.number());
                m.put("device", e.device());
                m.put("link", e.link());
                m.put("toNode", frame.toNode());
                m.put("toDevice", frame.toDevice());
                m.put("leaves", frame.leaves());
                m.put("arrives", frame.arrives());
                m.put("length", frame.length());
                m.put("protocol", frame.protocol());
                m.put("summary", frame.summary());
            }
            case TraceEvent.FrameReceived e -> {
                m = start("frame-received", e);
                m.put("number", frame == null ? 0 : frame.number());
                m.put("device", e.device());
                m.put("link", e.link());
            }
            case TraceEvent.FrameDropped e -> {
                m = start("frame-dropped", e);
                m.put("number", frame == null ? 0 : frame.number());
                m.put("device", e.device());
                m.put("reason", e.reason().name());
                m.put("text", e.reason().text());
                m.put("detail", e.detail());
                if (e.detail() != null) {
                    DropDetail d = DropDetail.of(e.detail());
                    m.put("detailCode", d.code());
                    m.put("detailParams", d.params());
                }
            }
            case TraceEvent.SocketStateChanged e -> {
                m = start("socket", e);
                m.put("socket", e.socket());
                m.put("protocol", e.protocol());
                m.put("local", e.local());
                m.put("remote", e.remote());
                m.put("from", e.from());
                m.put("to", e.to());
                m.put("cause", e.cause());
                SocketCause c = SocketCause.of(e.cause());
                m.put("code", c.code());
                m.put("params", c.params());
            }
            case TraceEvent.TcpVariablesChanged e -> {
                m = start("tcp", e);
                m.put("socket", e.socket());
                m.put("sndUna", e.sndUna());
                m.put("sndNxt", e.sndNxt());
                m.put("sndWnd", e.sndWnd());
                m.put("rcvNxt", e.rcvNxt());
                m.put("rcvWnd", e.rcvWnd());
                m.put("cwnd", e.cwnd());
                m.put("ssthresh", e.ssthresh());
                m.put("srtt", e.srtt());
                m.put("rttvar", e.rttvar());
                m.put("rto", e.rto());
                m.put("sendBuffered", e.sendBuffered());
                m.put("receiveBuffered", e.receiveBuffered());
            }
            case TraceEvent.ArpCacheChanged e -> {
                m = start("arp", e);
                m.put("change", e.change().name());
                m.put("address", e.address());
                m.put("mac", e.mac());
                m.put("device", e.device());
            }
            case TraceEvent.MacTableChanged e -> {
                m = start("mac", e);
                m.put("change", e.change().name());
                m.put("mac", e.mac());
                m.put("port", e.port());
            }
            case TraceEvent.RouteChanged e -> {
                m = start("route", e);
                m.put("change", e.change().name());
                m.put("destination", e.destination());
                m.put("via", e.via());
                m.put("device", e.device());
            }
            case TraceEvent.LinkStateChanged e -> {
                m = start("interface", e);
                m.put("device", e.device());
                m.put("up", e.up());
            }
            case TraceEvent.TerminalOutput e -> {
                m = start("terminal", e);
                m.put("text", e.text());
            }
        }
        return m;
    }

    private static Map<String, Object> start(String type, TraceEvent e) {
        Map<String, Object> m = message(type);
        m.put("time", e.time());
        m.put("node", e.node());
        return m;
    }
}
