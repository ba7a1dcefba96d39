package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.TraceEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Judges {@code tcp-variable}: counts the moments a connection of the node had the variable in range. The variables
 * event names its socket by number; the socket's state events tell which ports that number is.
 */
final class TcpVariableWatch extends Occurrences {
    private final Check.TcpVariable check;
    /** Socket number → {local port, remote port}, from the node's TCP state events. */
    private final Map<Integer, int[]> ports = new HashMap<>();
    private long lowest = Long.MAX_VALUE;
    private long highest = Long.MIN_VALUE;

    TcpVariableWatch(Check.TcpVariable check) {
        super(check);
        this.check = check;
    }

    @Override
    boolean observe(Observation o) {
        TraceEvent e = o.event();
        if (!e.node().equals(check.node())) return false;
        if (e instanceof TraceEvent.SocketStateChanged s && s.protocol().equals("tcp")) {
            ports.put(s.socket(), new int[] {SocketStateWatch.port(s.local()), SocketStateWatch.port(s.remote())});
            return false;
        }
        if (!(e instanceof TraceEvent.TcpVariablesChanged v)) return false;
        if (check.port() != null) {
            int[] p = ports.get(v.socket());
            if (p == null || p[0] != check.port() && p[1] != check.port()) return false;
        }
        long value = check.variable().of(v);
        lowest = Math.min(lowest, value);
        highest = Math.max(highest, value);
        if (check.atLeast() != null && value < check.atLeast() || check.atMost() != null && value > check.atMost()) {
            return false;
        }
        return occurred(o, language -> language == Language.KO
                ? check.node() + "의 " + Korean.subject(check.variable().key()) + " "
                        + check.variable().format(value, language) + "였음"
                : check.node() + "'s " + check.variable().key() + " was " + check.variable().format(value));
    }

    @Override
    String progress(Language language) {
        if (language == Language.KO) {
            return lowest == Long.MAX_VALUE ? "변수를 알린 해당 연결 없음"
                    : "값은 " + check.variable().format(lowest, language) + "에서 "
                            + check.variable().format(highest, language) + " 사이였음";
        }
        return lowest == Long.MAX_VALUE ? "no such connection reported its variables"
                : "its values ranged from " + check.variable().format(lowest) + " to "
                        + check.variable().format(highest);
    }
}
