package dev.packetlab.bench;

import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.socket.SocketTable.Result;
import dev.packetlab.stack.tcp.Tcp;
import dev.packetlab.stack.tcp.TcpConnection;
import dev.packetlab.stack.tcp.TcpState;
import dev.packetlab.stack.trace.Trace;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * W1 "bulk" and W2 "lossy": one TCP transfer of {@code bytes} from A to B over {@link Line}, as
 * ns3-baseline/src/line_tcp.h runs it. A program on A (ns-3's {@code BulkSendApplication}) connects to B:5001 at
 * t = 0 and writes the bytes, each write waiting while the send buffer is full; a program on B (ns-3's
 * {@code PacketSink}) accepts and reads until it has them all. The run stops the moment the last byte is read, which
 * is the simulated time reported. W2 is W1 with B losing 1 % of the packets it receives.
 *
 * <p>The writes are {@value #WRITE} bytes, not BulkSend's 1448, so that the segments on the wire are ns-3's: ns-3
 * refuses a write that does not fit the send buffer whole, so its buffer only ever holds whole 1448-byte writes and
 * every segment is full. PacketLab's socket takes what fits, as Linux's does, and resumes a blocked write on every
 * ACK; with TCP_NODELAY a 1448-byte writer then pushes a short tail after each one (a third of W1's data segments
 * are 696 or 752 bytes, and the transfer takes 3 % longer). {@code write=1448} on the command line shows it.
 *
 * <p>The stream is a known pattern (byte i is {@code i mod 251}, a prime, so that no segment boundary lines up
 * with it), so a run can check every byte that arrives; the timed runs only count them.
 */
final class BulkWorkload {
    static final int PORT = 5001;
    static final int PATTERN = 251;
    /** The largest multiple of the pattern within the send buffer: every write starts the pattern afresh. */
    static final int WRITE = PATTERN * (TcpModel.BUFFER / PATTERN);

    private final Line line;
    private final long total;
    private final boolean verify;
    private final int writeSize;
    /** The write starting at stream offset o is {@code chunks[o % PATTERN]}: at most 251 arrays cover every write. */
    private final byte[][] chunks = new byte[PATTERN][];
    private int senderFd = -1;
    private long written;
    private long received;
    private long lastByteAt = -1;
    private Errno error;
    private String mismatch;

    private BulkWorkload(long bytes, double loss, long seed, int writeSize, boolean verify) {
        this.line = new Line(seed, loss);
        this.total = bytes;
        this.writeSize = writeSize;
        this.verify = verify;
    }

    /**
     * Runs one transfer.
     *
     * @param loss      the fraction of packets B loses (0 for W1, 0.01 for W2)
     * @param writeSize the bytes of each write ({@link #WRITE} unless the short segments are under study)
     * @param verify    whether B checks every byte against the pattern (the smoke tests do; it costs wall time)
     */
    static Outcome run(long bytes, double loss, long seed, int writeSize, boolean verify) {
        Stopwatch time = Stopwatch.start();
        BulkWorkload w = new BulkWorkload(bytes, loss, seed, writeSize, verify);
        w.listen();
        w.connect();
        // generous: the time the bytes take at 1 Mbit/s, plus ten minutes for the retransmission timer's back-off
        long deadline = bytes * 8_000L + 600_000_000_000L;
        w.line.simulation.runWhile(() -> w.received < w.total && w.error == null && w.mismatch == null, deadline);
        time.stop();
        return w.outcome(loss, time);
    }

    private void listen() {
        SocketTable b = line.bSockets;
        int fd = b.socket(SocketTable.Type.STREAM).value();
        check(b.bind(fd, PORT));
        check(b.listen(fd, 1));
        b.accept(fd, r -> {
            if (!r.succeeded()) {
                error = r.error();
                return;
            }
            new Sink(r.value()).next();
        });
    }

    private void connect() {
        SocketTable a = line.aSockets;
        senderFd = a.socket(SocketTable.Type.STREAM).value();
        a.connect(senderFd, new SocketAddress(line.bAddress, PORT), r -> {
            if (!r.succeeded()) error = r.error();
            else writeNext();
        });
    }

    /** Writes the next chunk; its completion writes the one after, at once while the send buffer has room. */
    private void writeNext() {
        if (written == total) return;
        int phase = (int) (written % PATTERN);
        int len = (int) Math.min(writeSize, total - written);
        byte[] chunk = chunks[phase];
        if (chunk == null) {
            chunk = new byte[writeSize];
            for (int i = 0; i < writeSize; i++) chunk[i] = (byte) ((phase + i) % PATTERN);
            chunks[phase] = chunk;
        }
        if (len < writeSize) chunk = Arrays.copyOf(chunk, len);
        line.aSockets.write(senderFd, chunk, this::written);
    }

    private void written(Result r) {
        if (!r.succeeded()) {
            error = r.error();
            return;
        }
        written += r.value();
        writeNext();
    }

    /** B's reader: takes whatever has arrived, and asks again. */
    private final class Sink implements ReceiveHandler {
        private final int fd;

        Sink(int fd) {
            this.fd = fd;
        }

        void next() {
            line.bSockets.receive(fd, TcpModel.BUFFER, 0, this);
        }

        @Override
        public void received(byte[] data, SocketAddress from) {
            if (data.length == 0) return; // end of stream: whether every byte came is judged at the end
            if (verify) {
                for (int i = 0; i < data.length; i++) {
                    if (data[i] != (byte) ((received + i) % PATTERN)) {
                        mismatch = "byte " + (received + i) + " is " + (data[i] & 0xff) + ", not "
                                + (received + i) % PATTERN;
                        return;
                    }
                }
            }
            received += data.length;
            if (received >= total) {
                lastByteAt = line.simulation.now();
                return;
            }
            next();
        }

        @Override
        public void failed(Errno e) {
            error = e;
        }
    }

    private Outcome outcome(double loss, Stopwatch time) {
        long peak = Heap.peakBytes();
        long live = Heap.liveBytes();
        boolean complete = received == total && error == null && mismatch == null;
        double seconds = lastByteAt / 1e9;
        TcpConnection sender = sender();
        String result = String.format("rx_bytes=%d goodput_mbps=%.3f retx_segs=%d fast_recoveries=%d rtos=%d",
                received, complete ? total * 8 / seconds / 1e6 : 0.0, sender == null ? -1 : sender.retransmittedSegments(),
                sender == null ? -1 : sender.lossRecoveries(), sender == null ? -1 : sender.retransmissionTimeouts());
        if (line.b instanceof LossyReceiver lossy) result += " lost_pkts=" + lossy.lost();
        if (writeSize != WRITE) result += " write=" + writeSize;
        if (verify) result += " verified=" + (mismatch == null ? "yes" : "NO(" + mismatch + ")");
        if (error != null) result += " error=" + error.name();
        String name = loss > 0
                ? "W2-lossy-" + total + "B-p" + BigDecimal.valueOf(loss).stripTrailingZeros().toPlainString()
                : "W1-bulk-" + total + "B";
        return new Outcome(name, Math.max(lastByteAt, 0), time, line.simulation.eventsExecuted(),
                line.network.trace().count(Trace.Kind.FRAME_SENT), peak, live, complete, result);
    }

    /** A's connection, whose counters the outcome reports (retransmitted segments, recoveries, timeouts); null if gone. */
    private TcpConnection sender() {
        SocketAddress local = line.aSockets.localAddress(senderFd);
        if (local == null) return null;
        for (TcpConnection c : Tcp.of(line.a).connections()) {
            if (c.localPort() == local.port() && c.state() != TcpState.LISTEN) return c;
        }
        return null;
    }

    private static void check(Errno e) {
        if (e != null) throw new IllegalStateException(e.message());
    }
}
