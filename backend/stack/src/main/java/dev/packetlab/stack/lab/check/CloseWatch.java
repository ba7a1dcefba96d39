package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_ACK;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_FIN;

import dev.packetlab.stack.trace.TraceEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Judges {@code tcp-close}: each side's FIN reached the other, and each was acknowledged back to its sender
 * (RFC 9293 3.6) — the four segments of a close, or three when an ACK rides on the second FIN. Which side sent its
 * FIN first is the active closer, the one that then waits in TIME_WAIT; {@code first} asks for it.
 */
final class CloseWatch extends Occurrences {
    private final Check.TcpClose check;
    private final Addresses addresses;
    private final Map<Connection, Close> closes = new HashMap<>();
    private String nearMiss;
    private String nearMissKo;
    private boolean anyFin;

    /** One connection, its ends in a fixed order (index 0 and 1). */
    private static final class Close {
        final long[] finSent = {-1, -1};
        final long[] finEnd = {-1, -1};
        final boolean[] acked = new boolean[2];
        boolean completed;
    }

    CloseWatch(Check.TcpClose check, Addresses addresses) {
        super(check);
        this.check = check;
        this.addresses = addresses;
    }

    @Override
    boolean observe(Observation o) {
        DecodedFrame f = o.frame();
        if (f == null || !f.tcp) return false;
        Connection forward = Connection.of(f, true);
        Connection backward = Connection.of(f, false);
        boolean forwardFits = forward.fits(check.client(), check.server(), check.port());
        if (!forwardFits && !backward.fits(check.client(), check.server(), check.port())) return false;
        // a connection is one entry whichever way its segments go: the end with the lower address:port is end 0
        Connection key = order(forward) <= order(backward) ? forward : backward;
        int from = key == forward ? 0 : 1;
        TraceEvent e = o.event();
        if (e instanceof TraceEvent.FrameSent && addresses.origin(e.node(), f) && f.has(FLAG_FIN)) {
            Close c = closes.computeIfAbsent(key, k -> new Close());
            if (c.finSent[from] < 0) c.finSent[from] = o.number();
            anyFin = true;
            return false;
        }
        if (!(e instanceof TraceEvent.FrameReceived) || !addresses.destination(e.node(), f)) return false;
        Close c = closes.get(key);
        if (c == null || c.completed) return false;
        if (f.has(FLAG_FIN) && c.finEnd[from] < 0) c.finEnd[from] = (f.seq + f.payloadLength + 1) & 0xffff_ffffL;
        int other = 1 - from;
        if (f.has(FLAG_ACK) && c.finEnd[other] >= 0 && (int) (f.ack - c.finEnd[other]) >= 0) c.acked[other] = true;
        if (!c.acked[0] || !c.acked[1]) return false;
        c.completed = true;
        int firstEnd = c.finSent[1] >= 0 && (c.finSent[0] < 0 || c.finSent[1] < c.finSent[0]) ? 1 : 0;
        String closer = addresses.owner(firstEnd == 0 ? key.client() : key.server());
        boolean backwardFits = backward.fits(check.client(), check.server(), check.port());
        // with nothing to tell the ends apart, the server is the end on the lower (well-known) port
        Connection shown = forwardFits && (!backwardFits || forward.serverPort() < forward.clientPort())
                ? forward : backward;
        String connection = shown.toString();
        if (check.first() != null && !check.first().equals(closer)) {
            nearMiss = connection + " closed, but " + closer + " sent the first FIN";
            nearMissKo = connection + " 연결은 닫혔으나 첫 FIN은 " + Korean.subject(closer) + " 보냄";
            return false;
        }
        return occurred(o, language -> language == Language.KO
                ? connection + " 연결을 양쪽이 모두 닫음, " + Korean.subject(closer) + " 첫 FIN을 보냄"
                : connection + " closed by both sides, " + closer + " sending the first FIN");
    }

    private static long order(Connection c) {
        return (Integer.toUnsignedLong(c.client()) << 16) | c.clientPort();
    }

    @Override
    String progress(Language language) {
        if (language == Language.KO) {
            if (nearMissKo != null) return nearMissKo;
            return anyFin ? "FIN은 보냈으나 양방향 닫기가 끝나지 않음" : "보낸 FIN 없음";
        }
        if (nearMiss != null) return nearMiss;
        return anyFin ? "a FIN was sent, but the close did not complete both ways" : "no FIN was sent";
    }
}
