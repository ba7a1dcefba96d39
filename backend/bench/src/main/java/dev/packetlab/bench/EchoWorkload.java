package dev.packetlab.bench;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.udp.Udp;
import dev.packetlab.stack.udp.UdpEndpoint;

/**
 * W4 "ping": every one of K clients sends {@code count} UDP echo requests of 56 bytes, one per 10 ms, to an echo
 * server on port 9; client i starts at 1 ms + i·10 ms/K, as ns3-baseline/src/w4_ping.cc. Complete when every request
 * has its reply.
 */
final class EchoWorkload {
    static final long INTERVAL = SimTime.millis(10);
    static final int SIZE = 56;
    static final int PORT = 9;

    private EchoWorkload() {}

    static Outcome run(int k, int count) {
        Stopwatch time = Stopwatch.start();
        Star star = new Star(k, 1);
        UdpEndpoint[] echo = new UdpEndpoint[1];
        echo[0] = Udp.of(star.server).open(PORT, (source, port, data) -> {
            echo[0].send(source, port, data);
            return true;
        });
        long[] replies = {0};
        long[] lastReply = {0};
        for (int i = 0; i < k; i++) {
            UdpEndpoint client = Udp.of(star.clients.get(i)).open(0, (source, port, data) -> {
                replies[0]++;
                lastReply[0] = star.simulation.now();
                return true;
            });
            long first = SimTime.millis(1) + INTERVAL / k * i;
            byte[] request = new byte[SIZE];
            for (int n = 0; n < count; n++) {
                star.simulation.scheduleAt(first + n * INTERVAL, () -> client.send(star.serverAddress, PORT, request));
            }
        }
        // run until the last reply is in; ARP entries ageing out afterwards are not part of the workload
        long expected = (long) k * count;
        star.simulation.runWhile(() -> replies[0] < expected, Long.MAX_VALUE);
        time.stop();
        long peak = Heap.peakBytes();
        long live = Heap.liveBytes(); // the star is used below, so it is still held here
        return new Outcome("W4-ping-K" + k + "-N" + count, lastReply[0], time, star.simulation.eventsExecuted(),
                star.network.trace().count(Trace.Kind.FRAME_SENT), peak, live,
                replies[0] == expected, "echo_rx=" + replies[0] + " expected=" + expected);
    }
}
