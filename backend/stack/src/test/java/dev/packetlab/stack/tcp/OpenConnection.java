package dev.packetlab.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.Frames;
import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.TcpSegment;
import java.util.List;

/**
 * The starting point of most TCP tests: a connection a→b on port 80, established through {@link TcpPair}, with
 * b's accepted socket and a's, and the time the handshake was over, from which the tests count. Optionally b reads
 * everything that arrives.
 */
final class OpenConnection implements AutoCloseable {
    /** The MSS of the bench's Ethernet links, without options. */
    static final int MSS = 1460;

    final TcpPair p;
    final TcpPair.Session s;
    final int listener;
    final int client;
    final int server;
    final int clientPort;
    final long start;
    final TcpConnection clientConnection;
    /** What b's application read, when it reads; null otherwise. */
    final TcpPair.Reader reader;
    /** The sequence number of the first data byte a sends. */
    final long first;

    /** A connection whose server application does not read until the test makes it. */
    OpenConnection() {
        this(false);
    }

    OpenConnection(boolean serverReads) {
        this(serverReads, p -> { });
    }

    /** {@code setup} runs on the bench before the connection opens (a sysctl the connection reads when it opens). */
    OpenConnection(boolean serverReads, java.util.function.Consumer<TcpPair> setup) {
        p = new TcpPair();
        setup.accept(p);
        listener = p.listen(80);
        TcpPair.Outcome accepted = p.accept(listener);
        TcpPair.Connect c = p.connect(80);
        p.runUntilMillis(100);
        s = new TcpPair.Session(c.fd, accepted.value(), p.t.sim.now());
        client = c.fd;
        server = accepted.value();
        start = s.start();
        clientPort = p.as.localAddress(client).port();
        clientConnection = p.connection(p.a, clientPort);
        reader = serverReads ? p.readAll(p.bs, server) : null;
        first = Seq.add(clientConnection.iss(), 1);
    }

    /** b's side of the connection, or null once it is gone. */
    TcpConnection serverConnection() {
        return Tcp.of(p.b).connections().stream().filter(c -> c.localPort() == 80 && c.state() != TcpState.LISTEN)
                .findFirst().orElse(null);
    }

    /** The sequence number of the {@code n}th full segment a sends, from 1. */
    long segment(int n) {
        return Seq.add(first, (long) (n - 1) * MSS);
    }

    /** Drops the first transmission of the {@code n}th full segment. */
    void dropSegment(int n) {
        long seq = segment(n);
        p.wire.drop(x -> x.payload().length() > 0 && x.sequenceNumber() == seq, 1);
    }

    /** a sends, without waiting; all of it must fit in the send buffer. */
    void send(byte[] data) {
        assertThat(p.as.send(client, data).value()).isEqualTo(data.length);
    }

    void runFor(long ms) {
        p.t.sim.runUntil(start + SimTime.millis(ms));
    }

    long since(long time) {
        return time - start;
    }

    long ms(long time) {
        return Math.round(since(time) / 1e6);
    }

    long ms(Segments.Sent x) {
        return ms(x.time());
    }

    long micros(Segments.Sent x) {
        return since(x.time()) / SimTime.MICROSECOND;
    }

    /** The segments {@code node} sent since the handshake. */
    List<Segments.Sent> sent(String node) {
        return p.sentBy(node).stream().filter(x -> x.time() >= start).toList();
    }

    List<Segments.Sent> fromB() {
        return sent("b");
    }

    /** a's data segments since the handshake. */
    List<Segments.Sent> data() {
        return sent("a").stream().filter(x -> x.length() > 0).toList();
    }

    /** a's data segments sent again: every one after the first transmission of each sequence number. */
    List<Segments.Sent> retransmissions() {
        List<Segments.Sent> all = data();
        return all.stream().filter(x -> all.subList(0, all.indexOf(x)).stream().anyMatch(y -> y.seq() == x.seq()))
                .toList();
    }

    /** When the pure ACKs b sent with acknowledgment number {@code ack} reached a, in order. */
    List<Long> ackArrivals(long ack) {
        return p.t.receivedBy("a").stream().filter(e -> e.time() >= start && Frames.isTcp(e.frame()))
                .filter(e -> decode(e.frame()).acknowledgmentNumber() == ack && decode(e.frame()).payload().length() == 0)
                .map(TraceEvent.FrameReceived::time).toList();
    }

    /** a's reports of cwnd and ssthresh since the handshake, as "cwnd/ssthresh" ("∞" before any loss). */
    List<String> windows() {
        return p.variables("a").stream().filter(v -> v.time() >= start)
                .map(v -> v.cwnd() + "/" + (v.ssthresh() == CongestionControl.INITIAL_SSTHRESH ? "∞" : v.ssthresh()))
                .toList();
    }

    /** The report a made at {@code time}: the values after that event. */
    TraceEvent.TcpVariablesChanged variablesAt(long time) {
        return p.variables("a").stream().filter(v -> v.time() == time).reduce((x, y) -> y).orElseThrow();
    }

    /** The state changes of {@code node} after the handshake, as "FROM>TO". */
    List<String> statesAfterHandshake(String node) {
        return p.states(node).stream().filter(x -> !x.startsWith("CLOSED>SYN") && !x.contains("LISTEN")
                && !x.equals("SYN_SENT>ESTABLISHED") && !x.equals("SYN_RECEIVED>ESTABLISHED")).toList();
    }

    static TcpSegment decode(byte[] frame) {
        Ipv4HeaderView ip = Frames.ip(frame);
        return TcpSegment.decode(frame, ip.payloadOffset(), ip.payloadLength(), ip.source(), ip.destination()).orThrow();
    }

    /** Bytes that differ from segment to segment, so that a segment delivered in the wrong place shows. */
    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + i / MSS);
        return b;
    }

    @Override
    public void close() {
        p.close();
    }
}
