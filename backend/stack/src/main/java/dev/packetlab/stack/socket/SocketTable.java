package dev.packetlab.stack.socket;

import dev.packetlab.stack.wire.IcmpMessage;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.net.SendResult;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.udp.Udp;
import dev.packetlab.stack.udp.UdpEndpoint;
import dev.packetlab.stack.udp.UdpListener;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A node's descriptor table and the BSD socket calls on it. A descriptor is a small number naming a socket (the
 * lowest free one from 3 up, as 0–2 are the terminal's); every call takes it. Calls that would block in a real kernel
 * (receiving) take a handler instead and continue on the simulation clock, never on a thread.
 *
 * <p>Datagram sockets work over UDP today; stream sockets arrive with TCP.
 */
public final class SocketTable {
    public static final int FIRST_DESCRIPTOR = 3;
    /** SO_RCVBUF's default: datagrams beyond it are dropped, as a full socket buffer drops them. */
    public static final int RECEIVE_BUFFER = 65_536;

    /** What a call that yields a number (a descriptor, a byte count) returned: the number or an error. */
    public record Result(int value, Errno error) {
        static Result ok(int value) { return new Result(value, null); }

        static Result failed(Errno error) { return new Result(-1, error); }

        public boolean succeeded() { return error == null; }
    }

    /** One row of {@code netstat}. */
    public record SocketInfo(int descriptor, String protocol, SocketAddress local, SocketAddress remote, int queued) {}

    public enum Type { STREAM, DGRAM }

    private final Host host;
    private final Udp udp;
    private final TreeMap<Integer, DatagramSocket> descriptors = new TreeMap<>();

    public SocketTable(Host host, Udp udp) {
        this.host = host;
        this.udp = udp;
    }

    /** {@code socket(AF_INET, type, 0)}. */
    public Result socket(Type type) {
        if (type == Type.STREAM) return Result.failed(Errno.EPROTONOSUPPORT); // until TCP exists
        int fd = FIRST_DESCRIPTOR;
        while (descriptors.containsKey(fd)) fd++;
        descriptors.put(fd, new DatagramSocket(fd));
        return Result.ok(fd);
    }

    /** {@code bind}: port 0 picks an ephemeral port. Null on success. */
    public Errno bind(int fd, int port) {
        DatagramSocket s = descriptors.get(fd);
        if (s == null) return Errno.EBADF;
        if (s.endpoint != null) return Errno.EINVAL;
        UdpEndpoint e = udp.open(port, s);
        if (e == null) return Errno.EADDRINUSE;
        s.endpoint = e;
        return null;
    }

    /** {@code connect} on a datagram socket: fixes the peer, binding an ephemeral port first if needed. */
    public Errno connect(int fd, SocketAddress peer) {
        DatagramSocket s = descriptors.get(fd);
        if (s == null) return Errno.EBADF;
        if (s.endpoint == null) {
            Errno e = bind(fd, 0);
            if (e != null) return e;
        }
        s.endpoint.connect(peer.address(), peer.port());
        return null;
    }

    /** {@code send} on a connected socket. */
    public Result send(int fd, byte[] data) {
        DatagramSocket s = descriptors.get(fd);
        if (s == null) return Result.failed(Errno.EBADF);
        if (s.endpoint == null || s.endpoint.peer() == null) return Result.failed(Errno.EDESTADDRREQ);
        return sendTo(fd, data, new SocketAddress(s.endpoint.peer(), s.endpoint.peerPort()));
    }

    /** {@code sendto}: one datagram. A connected socket first reports an error an earlier datagram earned. */
    public Result sendTo(int fd, byte[] data, SocketAddress to) {
        DatagramSocket s = descriptors.get(fd);
        if (s == null) return Result.failed(Errno.EBADF);
        if (s.pendingError != null) return Result.failed(s.takeError());
        if (s.endpoint == null) {
            Errno e = bind(fd, 0);
            if (e != null) return Result.failed(e);
        }
        SendResult r = s.endpoint.send(to.address(), to.port(), data);
        return switch (r) {
            case SENT -> Result.ok(data.length);
            case NETWORK_UNREACHABLE -> Result.failed(Errno.ENETUNREACH);
            case MESSAGE_TOO_LONG -> Result.failed(Errno.EMSGSIZE);
        };
    }

    /**
     * {@code recvfrom}: continues {@code handler} with the next datagram, at once if one is waiting, or when one
     * arrives; or with ECONNREFUSED on a connected socket whose peer's port is closed; or with EAGAIN after
     * {@code timeout} nanoseconds (SO_RCVTIMEO; 0 waits for ever).
     */
    public void receiveFrom(int fd, long timeout, ReceiveHandler handler) {
        DatagramSocket s = descriptors.get(fd);
        if (s == null) {
            handler.failed(Errno.EBADF);
            return;
        }
        if (s.waiting != null) {
            handler.failed(Errno.EINVAL); // one receive at a time per socket
            return;
        }
        if (s.pendingError != null) {
            handler.failed(s.takeError());
            return;
        }
        Datagram d = s.queue.pollFirst();
        if (d != null) {
            s.queued -= d.data.length;
            handler.received(d.data, d.from);
            return;
        }
        s.waiting = handler;
        if (timeout > 0) {
            s.timeout = host.network().simulation().schedule(timeout, () -> s.wake(null, null, Errno.EAGAIN));
        }
    }

    /** {@code close}: frees the descriptor and the port; a receive still waiting ends with EBADF. */
    public Errno close(int fd) {
        DatagramSocket s = descriptors.remove(fd);
        if (s == null) return Errno.EBADF;
        if (s.endpoint != null) s.endpoint.close();
        s.wake(null, null, Errno.EBADF);
        return null;
    }

    /** Every open socket, by descriptor. */
    public List<SocketInfo> sockets() {
        List<SocketInfo> rows = new ArrayList<>();
        for (DatagramSocket s : descriptors.values()) {
            UdpEndpoint e = s.endpoint;
            SocketAddress local = new SocketAddress(Ipv4Address.ANY, e == null ? 0 : e.port());
            SocketAddress remote = e == null || e.peer() == null ? null : new SocketAddress(e.peer(), e.peerPort());
            rows.add(new SocketInfo(s.fd, "udp", local, remote, s.queued));
        }
        return rows;
    }

    private record Datagram(byte[] data, SocketAddress from) {}

    /** A UDP socket: its port, the datagrams waiting to be read, and a receive waiting for one. */
    private final class DatagramSocket implements UdpListener {
        final int fd;
        UdpEndpoint endpoint;
        final ArrayDeque<Datagram> queue = new ArrayDeque<>();
        int queued;
        ReceiveHandler waiting;
        Timer timeout;
        Errno pendingError;

        DatagramSocket(int fd) {
            this.fd = fd;
        }

        @Override
        public boolean datagram(Ipv4Address source, int sourcePort, byte[] data) {
            SocketAddress from = new SocketAddress(source, sourcePort);
            if (waiting != null) {
                wake(data, from, null);
                return true;
            }
            if (queued + data.length > RECEIVE_BUFFER) return false;
            queue.addLast(new Datagram(data, from));
            queued += data.length;
            return true;
        }

        /** RFC 1122 4.1.3.3: port unreachable is reported to a connected socket, as ECONNREFUSED on Linux. */
        @Override
        public void error(Ipv4Address from, int type, int code, Ipv4Address destination, int destinationPort) {
            if (endpoint.peer() == null || type != IcmpMessage.DESTINATION_UNREACHABLE) return;
            Errno e = switch (code) {
                case IcmpMessage.PORT_UNREACHABLE, IcmpMessage.PROTOCOL_UNREACHABLE -> Errno.ECONNREFUSED;
                case IcmpMessage.NET_UNREACHABLE -> Errno.ENETUNREACH;
                case IcmpMessage.HOST_UNREACHABLE -> Errno.EHOSTUNREACH;
                default -> null;
            };
            if (e == null) return;
            if (waiting != null) wake(null, null, e);
            else pendingError = e;
        }

        Errno takeError() {
            Errno e = pendingError;
            pendingError = null;
            return e;
        }

        void wake(byte[] data, SocketAddress from, Errno error) {
            ReceiveHandler h = waiting;
            if (h == null) return;
            waiting = null;
            host.network().simulation().cancel(timeout);
            timeout = null;
            if (error != null) h.failed(error);
            else h.received(data, from);
        }
    }
}
