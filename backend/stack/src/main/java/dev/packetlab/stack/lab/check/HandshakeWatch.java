package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_ACK;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_RST;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_SYN;

import dev.packetlab.stack.trace.TraceEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Judges {@code tcp-handshake}: the three segments of RFC 9293 3.5 (figure 6). The SYN must have reached the
 * server and the SYN+ACK the client, so a SYN lost on the way, or a SYN+ACK that never came back, is no handshake;
 * the handshake is complete when the client, now ESTABLISHED, sends its ACK — that is when a capture at the client
 * shows it done, and the request that follows comes after it. The numbers must chain: SYN+ACK acknowledges the
 * SYN's ISN + 1, and the ACK carries ISN + 1 and acknowledges the server's ISN + 1. The third segment may carry
 * data, as it may in TCP.
 */
final class HandshakeWatch extends Occurrences {
    private final Check.TcpHandshake check;
    private final Addresses addresses;
    private final Map<Connection, Attempt> attempts = new HashMap<>();
    private int furthest;

    /** One connection's handshake so far: the client's ISN, and the server's once its SYN+ACK arrived. */
    private static final class Attempt {
        final long clientIsn;
        long serverIsn;
        boolean synAckReceived;
        boolean completed;

        Attempt(long clientIsn) {
            this.clientIsn = clientIsn;
        }
    }

    HandshakeWatch(Check.TcpHandshake check, Addresses addresses) {
        super(check);
        this.check = check;
        this.addresses = addresses;
    }

    @Override
    boolean observe(Observation o) {
        DecodedFrame f = o.frame();
        if (f == null || !f.tcp || f.has(FLAG_RST)) return false;
        boolean received = o.event() instanceof TraceEvent.FrameReceived && addresses.destination(o.event().node(), f);
        boolean sent = o.event() instanceof TraceEvent.FrameSent && addresses.origin(o.event().node(), f);
        boolean syn = f.has(FLAG_SYN);
        boolean ack = f.has(FLAG_ACK);
        if (syn ? !received : !sent) return false;
        if (syn && !ack) {
            Connection c = Connection.of(f, true);
            if (!c.fits(check.client(), check.server(), check.port())) return false;
            attempts.put(c, new Attempt(f.seq));
            furthest = Math.max(furthest, 1);
            return false;
        }
        if (syn) {
            Attempt a = attempts.get(Connection.of(f, false));
            if (a == null || a.completed || f.ack != plusOne(a.clientIsn)) return false;
            a.serverIsn = f.seq;
            a.synAckReceived = true;
            furthest = Math.max(furthest, 2);
            return false;
        }
        Connection c = Connection.of(f, true);
        Attempt a = attempts.get(c);
        if (a == null || a.completed || !a.synAckReceived || !ack || f.seq != plusOne(a.clientIsn)
                || f.ack != plusOne(a.serverIsn)) {
            return false;
        }
        a.completed = true;
        return occurred(o, language -> language == Language.KO
                ? c + "의 SYN과 SYN+ACK를 받았고 ACK를 보냄"
                : "SYN and SYN+ACK of " + c + " received, the ACK sent");
    }

    @Override
    String progress(Language language) {
        if (language == Language.KO) {
            return switch (furthest) {
                case 0 -> Peer.betweenKo(check.client(), check.server(), check.port()) + "SYN을 받은 적 없음";
                case 1 -> "SYN은 받았으나 이를 확인하는 SYN+ACK가 돌아오지 않음";
                default -> "SYN과 SYN+ACK는 받았으나 클라이언트가 ACK를 보내지 않음";
            };
        }
        return switch (furthest) {
            case 0 -> "no SYN" + Peer.between(check.client(), check.server(), check.port()) + " was received";
            case 1 -> "a SYN was received, but no SYN+ACK acknowledging it came back";
            default -> "SYN and SYN+ACK were received, but the client sent no ACK";
        };
    }

    private static long plusOne(long seq) { return (seq + 1) & 0xffff_ffffL; }
}
