package dev.packetlab.stack.socket;

import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.tcp.Tcp;
import dev.packetlab.stack.tcp.TcpConnection;
import dev.packetlab.stack.udp.Udp;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A node's descriptor table and the BSD socket calls on it. A descriptor is a small number naming a socket (the
 * lowest free one from 3 up, as 0–2 are the terminal's); every call takes it. Calls that would block in a real kernel
 * (connect, accept, a receive with nothing to read, a write into a full send buffer) take a handler instead and
 * continue on the simulation clock, never on a thread. Programs on a node use nothing below this API.
 *
 * <p>Datagram sockets work over UDP, stream sockets over TCP.
 */
public final class SocketTable {
    public static final int FIRST_DESCRIPTOR = 3;
    /** SO_RCVBUF's default for datagram sockets: datagrams beyond it are dropped, as a full socket buffer drops them. */
    public static final int RECEIVE_BUFFER = 65_536;

    /** What a call that yields a number (a descriptor, a byte count) returned: the number or an error. */
    public record Result(int value, Errno error) {
        public static Result ok(int value) { return new Result(value, null); }

        public static Result failed(Errno error) { return new Result(-1, error); }

        public boolean succeeded() { return error == null; }
    }

    /** Where a blocking call continues: with its result. */
    @FunctionalInterface
    public interface Completion {
        void done(Result result);
    }

    /** One row of {@code netstat}: a socket with a descriptor. */
    public record SocketInfo(int descriptor, String protocol, SocketAddress local, SocketAddress remote, int queued) {}

    public enum Type { STREAM, DGRAM }

    /** What {@code shutdown} closes. */
    public enum Shutdown { READ, WRITE, BOTH }

    /** The options {@code setsockopt} knows. */
    public enum Option {
        /** Lets bind() take a port that connections (TIME_WAIT ones too) still hold. */
        SO_REUSEADDR,
        /** Turns Nagle's algorithm off. */
        TCP_NODELAY,
        SO_SNDBUF,
        SO_RCVBUF,
        /** Lets a datagram socket send to a broadcast address (without it Linux answers EACCES). */
        SO_BROADCAST
    }

    final Host host;
    private final Udp udp;
    private final Tcp tcp;
    private final TreeMap<Integer, Socket> descriptors = new TreeMap<>();
    private int datagramSocketIds;

    /** A table over the node's UDP and TCP layers (either may be absent: its sockets then cannot be made). */
    public SocketTable(Host host) {
        this.host = host;
        this.udp = Udp.of(host);
        this.tcp = Tcp.of(host);
    }

    /** Gives {@code host} its socket table, for the programs that run on it to find with {@link #of}. */
    public static SocketTable install(Host host) {
        SocketTable table = new SocketTable(host);
        host.provide(SocketTable.class, table);
        host.onRemoved(table::abortAll);
        return table;
    }

    /** The socket table of {@code node}, or null when it has none (a switch, a hub). */
    public static SocketTable of(Node node) {
        return node.service(SocketTable.class);
    }

    Simulation simulation() { return host.network().simulation(); }

    /**
     * The host was taken out of its network: every TCP connection is aborted (its timers cancelled; the RST it would
     * send has no interface left to leave by), so no retransmission or TIME_WAIT of it goes on running.
     */
    private void abortAll() {
        if (tcp == null) return;
        for (TcpConnection c : List.copyOf(tcp.connections())) c.abort();
    }

    /** Numbers UDP sockets in the trace (TCP connections are numbered by TCP). */
    int nextDatagramSocketId() { return ++datagramSocketIds; }

    /** {@code socket(AF_INET, type, 0)}. */
    public Result socket(Type type) {
        if (type == Type.STREAM && tcp == null || type == Type.DGRAM && udp == null) {
            return Result.failed(Errno.EPROTONOSUPPORT);
        }
        int fd = lowestFreeDescriptor();
        descriptors.put(fd, type == Type.STREAM ? new StreamSocket(this, fd, tcp.newConnection())
                : new DatagramSocket(this, fd, udp));
        return Result.ok(fd);
    }

    private int lowestFreeDescriptor() {
        int fd = FIRST_DESCRIPTOR;
        while (descriptors.containsKey(fd)) fd++;
        return fd;
    }

    /** A socket accept() made: it takes the lowest free descriptor. */
    int adopt(TcpConnection connection) {
        int fd = lowestFreeDescriptor();
        descriptors.put(fd, new StreamSocket(this, fd, connection));
        return fd;
    }

    /** {@code bind}: port 0 picks an ephemeral port. Null on success. */
    public Errno bind(int fd, int port) {
        if (port < 0 || port > 65_535) return Errno.EINVAL;
        Socket s = descriptors.get(fd);
        return s == null ? Errno.EBADF : s.bind(port);
    }

    /** {@code listen}: a stream socket accepts connections; up to {@code backlog} wait to be accepted. */
    public Errno listen(int fd, int backlog) {
        Socket s = descriptors.get(fd);
        return s == null ? Errno.EBADF : s.listen(backlog);
    }

    /** {@code accept}: continues with the descriptor of the next connection, at once if one is waiting. */
    public void accept(int fd, Completion done) {
        Socket s = descriptors.get(fd);
        if (s == null) done.done(Result.failed(Errno.EBADF));
        else s.accept(done);
    }

    /**
     * {@code connect}: for a stream socket, the three-way handshake; continues with 0 once ESTABLISHED, or with
     * ECONNREFUSED, ETIMEDOUT, ENETUNREACH, EHOSTUNREACH. A datagram socket only fixes its peer, at once.
     */
    public void connect(int fd, SocketAddress peer, Completion done) {
        Socket s = descriptors.get(fd);
        if (s == null) done.done(Result.failed(Errno.EBADF));
        else s.connect(peer, done);
    }

    /**
     * {@code connect} without waiting: a datagram socket fixes its peer; a stream socket starts the handshake and
     * answers EINPROGRESS, as a non-blocking socket does. Null when done.
     */
    public Errno connect(int fd, SocketAddress peer) {
        Errno[] result = {Errno.EINPROGRESS};
        connect(fd, peer, r -> result[0] = r.error());
        return result[0];
    }

    /**
     * {@code send} without waiting: a datagram socket sends one datagram to its peer; a stream socket takes what
     * fits in its send buffer and returns how much that was (EAGAIN when nothing fits).
     */
    public Result send(int fd, byte[] data) {
        Socket s = descriptors.get(fd);
        return s == null ? Result.failed(Errno.EBADF) : s.send(data);
    }

    /** {@code send} that blocks: continues once every byte is in the send buffer (or with EPIPE, ECONNRESET). */
    public void write(int fd, byte[] data, Completion done) {
        Socket s = descriptors.get(fd);
        if (s == null) done.done(Result.failed(Errno.EBADF));
        else s.write(data, done);
    }

    /** {@code sendto}: one datagram. A connected socket first reports an error an earlier datagram earned. */
    public Result sendTo(int fd, byte[] data, SocketAddress to) {
        Socket s = descriptors.get(fd);
        if (s == null) return Result.failed(Errno.EBADF);
        if (!(s instanceof DatagramSocket d)) return Result.failed(Errno.EISCONN);
        return d.sendTo(data, to);
    }

    /**
     * {@code recv}: continues with up to {@code max} bytes (a stream socket) or the next datagram, at once if
     * something is waiting; an empty array is end-of-file (the peer closed). Fails with the socket's error, or with
     * EAGAIN after {@code timeout} nanoseconds (SO_RCVTIMEO; 0 waits for ever).
     */
    public void receive(int fd, int max, long timeout, ReceiveHandler handler) {
        Socket s = descriptors.get(fd);
        if (s == null) handler.failed(Errno.EBADF);
        else s.receive(max, timeout, handler);
    }

    /** {@code recvfrom} on a datagram socket: the next datagram and who sent it. */
    public void receiveFrom(int fd, long timeout, ReceiveHandler handler) {
        receive(fd, RECEIVE_BUFFER, timeout, handler);
    }

    /** {@code shutdown}: WRITE sends a FIN after the data written so far; the socket can still receive. */
    public Errno shutdown(int fd, Shutdown how) {
        Socket s = descriptors.get(fd);
        return s == null ? Errno.EBADF : s.shutdown(how);
    }

    /** {@code setsockopt}: booleans as 0/1, buffer sizes in bytes. */
    public Errno setOption(int fd, Option option, int value) {
        Socket s = descriptors.get(fd);
        return s == null ? Errno.EBADF : s.setOption(option, value);
    }

    /** {@code getsockname}, or null for a bad descriptor. */
    public SocketAddress localAddress(int fd) {
        Socket s = descriptors.get(fd);
        return s == null ? null : s.localAddress();
    }

    /** {@code getpeername}, or null when not connected. */
    public SocketAddress peerAddress(int fd) {
        Socket s = descriptors.get(fd);
        return s == null ? null : s.peerAddress();
    }

    /** {@code close}: frees the descriptor; a call still waiting on it ends with EBADF. */
    public Errno close(int fd) {
        Socket s = descriptors.remove(fd);
        if (s == null) return Errno.EBADF;
        s.close();
        return null;
    }

    /** Every open socket, by descriptor. */
    public List<SocketInfo> sockets() {
        List<SocketInfo> rows = new ArrayList<>();
        for (Socket s : descriptors.values()) rows.add(s.info());
        return rows;
    }
}
