package dev.packetlab.bench;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.trace.Trace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * W3 "many": on the {@link Star}, each of K clients makes R exchanges one after the other, as
 * ns3-baseline/src/w3_many.cc does: connect to the server's port 80, send 200 bytes, read the 20,480-byte response,
 * close, and start the next exchange 1 s later. The server reads the request, writes the response and closes at
 * once (its FIN follows the data). Client i starts at 1 ms + i·1 s/K. The run stops when the last exchange has
 * finished, so the TIME_WAIT connections piling up on the server (240 s, {@link TcpModel}) are all still there.
 *
 * <p>Besides the outcome, the run reports the CPU time per exchange in each quarter of the exchanges: the
 * server's TCP must find a segment's connection as fast among ten thousand TIME_WAIT ones as among ten
 * (BENCHMARKS.md, "cost growth"), so the last quarter should cost no more than the second.
 */
final class ExchangeWorkload {
    static final int PORT = 80;
    static final int REQUEST = 200;
    static final int RESPONSE = 20_480;
    static final long THINK = SimTime.seconds(1);
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private final Star star;
    private final int requests;
    private final long expected;
    private final byte[] request = new byte[REQUEST];
    private final byte[] response = new byte[RESPONSE];
    private final SocketAddress server;
    private long completed;
    private long failed;
    private long lastDone;
    private long fctSum;
    private long fctMax;
    /**
     * The simulation thread's CPU time when each quarter of the exchanges was done; [0] is the start of the run. CPU
     * time and not wall time, so that other processes on the machine do not make one quarter look dearer.
     */
    private final long[] quarterEnds = new long[5];
    private int quartersDone;

    private ExchangeWorkload(int k, int requests, long seed) {
        this.star = new Star(k, seed);
        this.requests = requests;
        this.expected = (long) k * requests;
        this.server = new SocketAddress(star.serverAddress, PORT);
    }

    static Outcome run(int k, int requests, long seed) {
        Stopwatch time = Stopwatch.start();
        ExchangeWorkload w = new ExchangeWorkload(k, requests, seed);
        w.serve();
        for (int i = 0; i < k; i++) {
            Client c = w.new Client(SocketTable.of(w.star.clients.get(i)));
            w.star.simulation.scheduleAt(SimTime.millis(1) + SimTime.seconds(1) / k * i, c::exchange);
        }
        w.quarterEnds[0] = THREAD.getCurrentThreadCpuTime();
        // an hour of simulated time is far beyond R exchanges 1 s apart unless something hangs
        long deadline = SimTime.seconds(3_600L + 2L * requests);
        w.star.simulation.runWhile(() -> w.completed + w.failed < w.expected, deadline);
        time.stop();
        return w.outcome(k, time);
    }

    // ---- the server ----------------------------------------------------------------------------------------

    private void serve() {
        SocketTable s = SocketTable.of(star.server);
        int fd = s.socket(SocketTable.Type.STREAM).value();
        check(s.bind(fd, PORT));
        check(s.listen(fd, 128));
        acceptNext(s, fd);
    }

    private void acceptNext(SocketTable s, int listener) {
        s.accept(listener, r -> {
            if (r.succeeded()) new Session(s, r.value()).next();
            acceptNext(s, listener);
        });
    }

    /** One accepted connection: read the request, answer, close. */
    private final class Session implements ReceiveHandler {
        private final SocketTable s;
        private final int fd;
        private int got;

        Session(SocketTable s, int fd) {
            this.s = s;
            this.fd = fd;
        }

        void next() {
            s.receive(fd, REQUEST, 0, this);
        }

        @Override
        public void received(byte[] data, SocketAddress from) {
            if (data.length == 0) {
                s.close(fd);
                return;
            }
            got += data.length;
            if (got < REQUEST) {
                next();
                return;
            }
            s.write(fd, response, r -> s.close(fd)); // the response fits the send buffer: this completes at once
        }

        @Override
        public void failed(Errno e) {
            s.close(fd);
        }
    }

    // ---- the clients ---------------------------------------------------------------------------------------

    /** One client host's program: R exchanges in a row. */
    private final class Client implements ReceiveHandler {
        private final SocketTable s;
        private int done;
        private int fd;
        private int got;
        private long startedAt;

        Client(SocketTable s) {
            this.s = s;
        }

        void exchange() {
            got = 0;
            startedAt = star.simulation.now();
            fd = s.socket(SocketTable.Type.STREAM).value();
            s.connect(fd, server, r -> {
                if (!r.succeeded()) {
                    finish(false);
                    return;
                }
                s.write(fd, request, w -> {
                    if (!w.succeeded()) finish(false);
                    else s.receive(fd, RESPONSE, 0, this);
                });
            });
        }

        @Override
        public void received(byte[] data, SocketAddress from) {
            if (data.length == 0) {
                finish(false); // the server closed before the whole response came
                return;
            }
            got += data.length;
            if (got < RESPONSE) s.receive(fd, RESPONSE - got, 0, this);
            else finish(true);
        }

        @Override
        public void failed(Errno e) {
            finish(false);
        }

        private void finish(boolean ok) {
            s.close(fd);
            long now = star.simulation.now();
            if (ok) {
                completed++;
                long fct = now - startedAt;
                fctSum += fct;
                fctMax = Math.max(fctMax, fct);
                lastDone = now;
            } else {
                failed++;
            }
            long finished = completed + failed;
            while (quartersDone < 4 && finished >= expected * (quartersDone + 1) / 4) {
                quarterEnds[++quartersDone] = THREAD.getCurrentThreadCpuTime();
            }
            if (++done < requests) star.simulation.schedule(THINK, this::exchange);
        }
    }

    private Outcome outcome(int k, Stopwatch time) {
        long peak = Heap.peakBytes();
        long live = Heap.liveBytes();
        StringBuilder perQuarter = new StringBuilder();
        for (int q = 1; q <= 4; q++) {
            long exchanges = expected * q / 4 - expected * (q - 1) / 4;
            double micros = q <= quartersDone && exchanges > 0 ? (quarterEnds[q] - quarterEnds[q - 1]) / 1e3 / exchanges : 0;
            perQuarter.append(q == 1 ? "" : "/").append(String.format("%.1f", micros));
        }
        String result = String.format("completed=%d expected=%d failed=%d fct_mean_ms=%.3f fct_max_ms=%.3f "
                        + "cpu_us_per_exchange_by_quarter=%s", completed, expected, failed,
                completed == 0 ? 0.0 : fctSum / 1e6 / completed, fctMax / 1e6, perQuarter);
        return new Outcome("W3-many-K" + k + "-R" + requests, lastDone, time, star.simulation.eventsExecuted(),
                star.network.trace().count(Trace.Kind.FRAME_SENT), peak, live, completed == expected && failed == 0, result);
    }

    private static void check(Errno e) {
        if (e != null) throw new IllegalStateException(e.message());
    }
}
