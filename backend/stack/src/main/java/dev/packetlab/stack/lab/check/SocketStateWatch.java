package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.Ipv4Address;

/** Judges {@code socket-state}: counts the moves of a matching socket into the state. */
final class SocketStateWatch extends Occurrences {
    private final Check.SocketState check;
    private String lastState;

    SocketStateWatch(Check.SocketState check) {
        super(check);
        this.check = check;
    }

    @Override
    boolean observe(Observation o) {
        if (!(o.event() instanceof TraceEvent.SocketStateChanged s) || !s.node().equals(check.node())
                || !s.protocol().equals(check.protocol())) {
            return false;
        }
        if (check.port() != null && port(s.local()) != check.port()) return false;
        if (check.remotePort() != null && port(s.remote()) != check.remotePort()) return false;
        if (check.remote() != null && (s.remote() == null || !check.remote().is(address(s.remote())))) return false;
        if (!s.to().equals(check.state())) {
            lastState = s.to();
            return false;
        }
        return occurred(o, language -> language == Language.KO
                ? s.node() + "의 " + s.protocol().toUpperCase() + " 소켓 "
                        + Korean.subject(s.local() + (s.remote() == null ? "" : " ⇄ " + s.remote())) + " " + s.from()
                        + "에서 " + Korean.toward(s.to()) + " 바뀜 (" + KoreanWords.cause(s.cause()) + ")"
                : s.node() + "'s " + s.protocol().toUpperCase() + " socket " + s.local()
                + (s.remote() == null ? "" : " ⇄ " + s.remote()) + " went from " + s.from() + " to " + s.to()
                + " (" + s.cause() + ")");
    }

    @Override
    String progress(Language language) {
        if (language == Language.KO) {
            return lastState == null ? "상태가 바뀐 해당 소켓 없음" : "마지막으로 도달한 상태는 " + lastState;
        }
        return lastState == null ? "no such socket changed state" : "the last state it reached was " + lastState;
    }

    /** The port of "10.0.0.2:8888", or -1. */
    static int port(String endpoint) {
        if (endpoint == null) return -1;
        int colon = endpoint.lastIndexOf(':');
        try {
            return Integer.parseInt(endpoint.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int address(String endpoint) {
        try {
            return Ipv4Address.parse(endpoint.substring(0, endpoint.lastIndexOf(':'))).value();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
