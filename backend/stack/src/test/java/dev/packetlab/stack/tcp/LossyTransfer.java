package dev.packetlab.stack.tcp;

import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.testing.Tshark;
import dev.packetlab.stack.wire.Ipv4Address;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulk transfer through a router over a lossy cable, the scenario of the interop and determinism proofs:
 * {@code a} (10.0.1.10) — {@code r} — {@code b} (10.0.2.20), cables of 100 Mbit/s and 5 ms; the a—r cable (link
 * {@code l0}) is clean, the r—b cable ({@code l1}) loses a seeded share of the frames in each direction. {@code a}
 * connects to b:5001, writes the data through the socket API and closes; {@code b} accepts and reads until
 * end-of-file. A capture of {@code l0} therefore holds every segment a sent, lost ones included, as tcpdump on a
 * would.
 */
final class LossyTransfer {
    static final Ipv4Address A = Ipv4Address.parse("10.0.1.10");
    static final Ipv4Address B = Ipv4Address.parse("10.0.2.20");
    static final int PORT = 5001;

    /**
     * tshark over a capture of a transfer, checksums checked, with the payload decoded as plain data: it is random
     * bytes, in which a heuristic dissector (Thrift's, on some seeds) would find protocol errors; what is under test is
     * IP and TCP.
     */
    static List<String> tshark(Path capture, String... args) {
        List<String> all = new ArrayList<>(List.of("-d", "tcp.port==" + PORT + ",data"));
        all.addAll(List.of(args));
        return Tshark.read(capture, all.toArray(String[]::new));
    }
    static final LinkParameters CLEAN = new LinkParameters(100_000_000L, SimTime.millis(5), 0, 0.0, 1500, 100);

    final TestNetwork t;
    final Host a;
    final Host r;
    final Host b;
    final SocketTable as;
    final SocketTable bs;
    /** a's connection: it stays readable after it closed. */
    TcpConnection sender;
    /** b's accepted connection. */
    TcpConnection receiver;
    private final MessageDigest received = sha256();
    long receivedBytes;
    boolean endOfFile;
    Errno error;
    Errno writeError;
    /** When b read end-of-file. */
    long endTime = -1;

    LossyTransfer(long seed, double loss) {
        t = new TestNetwork(seed);
        a = t.host("a", "10.0.1.10/24", "10.0.1.1");
        r = t.router("r", "10.0.1.1/24", "10.0.2.1/24");
        b = t.host("b", "10.0.2.20/24", "10.0.2.1");
        t.withLinks(CLEAN).connect(a, r);
        t.withLinks(CLEAN.withLoss(loss)).connect(r, b);
        as = t.sockets(a);
        bs = t.sockets(b);
    }

    /** Runs the transfer of {@code data}, at most {@code limit} of simulated time; true when b read end-of-file. */
    boolean run(byte[] data, long limit) {
        int listener = bs.socket(SocketTable.Type.STREAM).value();
        TcpPair.check(bs.bind(listener, PORT));
        TcpPair.check(bs.listen(listener, 4));
        bs.accept(listener, accepted -> {
            receiver = Tcp.of(b).connections().stream().filter(c -> c.localPort() == PORT && c.state() != TcpState.LISTEN)
                    .findFirst().orElseThrow();
            read(accepted.value());
        });
        int fd = as.socket(SocketTable.Type.STREAM).value();
        as.connect(fd, new SocketAddress(B, PORT), connected -> {
            if (!connected.succeeded()) {
                writeError = connected.error();
                return;
            }
            int port = as.localAddress(fd).port();
            sender = Tcp.of(a).connections().stream().filter(c -> c.localPort() == port).findFirst().orElseThrow();
            as.write(fd, data, written -> {
                if (!written.succeeded()) writeError = written.error();
                as.close(fd);
            });
        });
        t.sim.runWhile(() -> !endOfFile && error == null && writeError == null, t.sim.now() + limit);
        return endOfFile;
    }

    private void read(int fd) {
        bs.receive(fd, 1 << 20, 0, new ReceiveHandler() {
            @Override
            public void received(byte[] bytes, SocketAddress from) {
                if (bytes.length == 0) {
                    endOfFile = true;
                    endTime = t.sim.now();
                    bs.close(fd);
                    return;
                }
                received.update(bytes);
                receivedBytes += bytes.length;
                read(fd);
            }

            @Override
            public void failed(Errno e) {
                error = e;
            }
        });
    }

    /** The SHA-256 of every byte b read, in order. */
    byte[] receivedDigest() {
        return received.digest();
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
