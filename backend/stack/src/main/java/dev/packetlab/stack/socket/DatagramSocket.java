package dev.packetlab.stack.socket;

import dev.packetlab.stack.net.SendResult;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.socket.SocketTable.Completion;
import dev.packetlab.stack.socket.SocketTable.Result;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.udp.Udp;
import dev.packetlab.stack.udp.UdpEndpoint;
import dev.packetlab.stack.udp.UdpListener;
import dev.packetlab.stack.wire.IcmpMessage;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayDeque;

/** A UDP socket: its port, the datagrams waiting to be read, and a receive waiting for one. */
final class DatagramSocket extends Socket implements UdpListener {
    private record Datagram(byte[] data, SocketAddress from) {}

    private final Udp udp;
    private UdpEndpoint endpoint;
    private final ArrayDeque<Datagram> queue = new ArrayDeque<>();
    private int queued;
    private ReceiveHandler waiting;
    private Timer timeout;
    private Errno pendingError;
    private boolean broadcast;
    private final int id;
    private String state = "CLOSED";

    DatagramSocket(SocketTable table, int fd, Udp udp) {
        super(table, fd);
        this.udp = udp;
        this.id = table.nextDatagramSocketId();
    }

    /** Reports UDP's two states as ss names them: UNCONN once bound, ESTABLISHED once connected, CLOSED. */
    private void moveTo(String next, String cause) {
        String before = state;
        state = next;
        SocketAddress peer = peerAddress();
        table.host.network().trace().emit(new TraceEvent.SocketStateChanged(table.simulation().now(),
                table.host.name(), id, "udp", localAddress().toString(), peer == null ? null : peer.toString(), before,
                next, cause));
    }

    @Override
    Errno bind(int port) {
        if (endpoint != null) return Errno.EINVAL;
        UdpEndpoint e = udp.open(port, this);
        if (e == null) return Errno.EADDRINUSE;
        endpoint = e;
        moveTo("UNCONN", port == 0 ? "bound to an ephemeral port" : "bind() called");
        return null;
    }

    /** Fixes the peer, binding an ephemeral port first if needed. */
    @Override
    void connect(SocketAddress peer, Completion done) {
        if (endpoint == null) {
            Errno e = bind(0);
            if (e != null) {
                done.done(Result.failed(e));
                return;
            }
        }
        endpoint.connect(peer.address(), peer.port());
        moveTo("ESTABLISHED", "connect() called");
        done.done(Result.ok(0));
    }

    @Override
    Result send(byte[] data) {
        if (endpoint == null || endpoint.peer() == null) return Result.failed(Errno.EDESTADDRREQ);
        return sendTo(data, new SocketAddress(endpoint.peer(), endpoint.peerPort()));
    }

    @Override
    void write(byte[] data, Completion done) {
        done.done(send(data));
    }

    Result sendTo(byte[] data, SocketAddress to) {
        if (pendingError != null) return Result.failed(takeError());
        if (!broadcast && table.host.isBroadcast(to.address())) return Result.failed(Errno.EACCES);
        if (endpoint == null) {
            Errno e = bind(0);
            if (e != null) return Result.failed(e);
        }
        SendResult r = endpoint.send(to.address(), to.port(), data);
        return switch (r) {
            case SENT -> Result.ok(data.length);
            case NETWORK_UNREACHABLE -> Result.failed(Errno.ENETUNREACH);
            case MESSAGE_TOO_LONG -> Result.failed(Errno.EMSGSIZE);
        };
    }

    /** One datagram per receive, whole (a datagram longer than {@code max} is cut, as recv() truncates it). */
    @Override
    void receive(int max, long timeoutNanos, ReceiveHandler handler) {
        if (waiting != null) {
            handler.failed(Errno.EINVAL); // one receive at a time per socket
            return;
        }
        if (pendingError != null) {
            handler.failed(takeError());
            return;
        }
        Datagram d = queue.pollFirst();
        if (d != null) {
            queued -= d.data.length;
            handler.received(d.data.length > max ? java.util.Arrays.copyOf(d.data, max) : d.data, d.from);
            return;
        }
        waiting = handler;
        if (timeoutNanos > 0) {
            timeout = table.simulation().schedule(timeoutNanos, () -> wake(null, null, Errno.EAGAIN));
        }
    }

    @Override
    Errno shutdown(SocketTable.Shutdown how) {
        return endpoint != null && endpoint.peer() != null ? null : Errno.ENOTCONN;
    }

    @Override
    Errno setOption(SocketTable.Option option, int value) {
        return switch (option) {
            case SO_REUSEADDR, SO_RCVBUF, SO_SNDBUF -> null;
            case SO_BROADCAST -> {
                broadcast = value != 0;
                yield null;
            }
            case TCP_NODELAY -> Errno.EOPNOTSUPP;
        };
    }

    @Override
    SocketAddress localAddress() {
        return new SocketAddress(Ipv4Address.ANY, endpoint == null ? 0 : endpoint.port());
    }

    @Override
    SocketAddress peerAddress() {
        return endpoint == null || endpoint.peer() == null ? null : new SocketAddress(endpoint.peer(), endpoint.peerPort());
    }

    @Override
    void close() {
        if (endpoint != null) {
            endpoint.close();
            moveTo("CLOSED", "close() called");
        }
        wake(null, null, Errno.EBADF);
    }

    @Override
    SocketTable.SocketInfo info() {
        return new SocketTable.SocketInfo(fd, "udp", localAddress(), peerAddress(), queued);
    }

    @Override
    public boolean datagram(Ipv4Address source, int sourcePort, byte[] data) {
        SocketAddress from = new SocketAddress(source, sourcePort);
        if (waiting != null) {
            wake(data, from, null);
            return true;
        }
        if (queued + data.length > SocketTable.RECEIVE_BUFFER) return false;
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

    private Errno takeError() {
        Errno e = pendingError;
        pendingError = null;
        return e;
    }

    private void wake(byte[] data, SocketAddress from, Errno error) {
        ReceiveHandler h = waiting;
        if (h == null) return;
        waiting = null;
        table.simulation().cancel(timeout);
        timeout = null;
        if (error != null) h.failed(error);
        else h.received(data, from);
    }
}
