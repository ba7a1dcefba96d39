package dev.packetlab.stack.lab.check;

/** Judges the TCP analysis checks ({@code retransmission}, {@code zero-window}, …) over the analysed segments. */
final class TcpEventWatch extends Occurrences {
    private final Check.TcpEvent check;

    TcpEventWatch(Check.TcpEvent check) {
        super(check);
        this.check = check;
    }

    @Override
    boolean observe(Observation o) {
        if ((o.tcpKinds() & check.kind().bit()) == 0) return false;
        DecodedFrame f = o.frame();
        if (check.from() != null && !check.from().is(f.ipSource)) return false;
        if (check.to() != null && !check.to().is(f.ipDestination)) return false;
        if (check.port() != null && !f.port(check.port())) return false;
        String node = o.event().node();
        return occurred(o, language -> language == Language.KO
                ? Korean.subject(node) + " " + Korean.object(KoreanWords.kind(check.kind())) + " 보냄: "
                        + FrameWatch.summary(f.bytes)
                : node + " sent a " + check.kind().phrase() + ": " + FrameWatch.summary(f.bytes));
    }
}
