package dev.packetlab.stack.socket;

import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.socket.SocketTable.Completion;
import dev.packetlab.stack.socket.SocketTable.Result;
import dev.packetlab.stack.tcp.TcpConnection;
import dev.packetlab.stack.tcp.TcpError;
import dev.packetlab.stack.tcp.TcpState;
import dev.packetlab.stack.wire.Ipv4Address;

/**
 * A TCP socket: a descriptor over a {@link TcpConnection}, and the calls waiting on it. At most one call of each
 * kind waits at a time (one connect or accept, one receive, one write), as one thread of a process would.
 *
 * <p>Errors are reported as Linux reports them: the error that ended a connection (ECONNRESET, ETIMEDOUT) is
 * delivered once, to the first call that asks; after that a read sees end-of-file and a write EPIPE.
 */
final class StreamSocket extends Socket implements TcpConnection.Events {
    private final TcpConnection connection;
    private Completion connecting;
    private Completion accepting;
    private ReceiveHandler reading;
    private int readMax;
    private Timer readTimeout;
    private Completion writing;
    private byte[] writeData;
    private int written;
    private boolean errorReported;
    private boolean inputShutdown;

    StreamSocket(SocketTable table, int fd, TcpConnection connection) {
        super(table, fd);
        this.connection = connection;
        connection.setEvents(this);
    }

    @Override
    Errno bind(int port) {
        if (connection.bound()) return Errno.EINVAL;
        return errno(connection.bind(port));
    }

    @Override
    Errno listen(int backlog) {
        if (connection.state() != TcpState.CLOSED && connection.state() != TcpState.LISTEN) return Errno.EINVAL;
        return errno(connection.listen(backlog));
    }

    @Override
    void accept(Completion done) {
        if (connection.state() != TcpState.LISTEN) {
            done.done(Result.failed(Errno.EINVAL));
            return;
        }
        if (accepting != null) {
            done.done(Result.failed(Errno.EALREADY));
            return;
        }
        TcpConnection c = connection.accept();
        if (c != null) {
            done.done(Result.ok(table.adopt(c)));
            return;
        }
        accepting = done;
    }

    @Override
    public void incoming() {
        Completion done = accepting;
        if (done == null) return;
        TcpConnection c = connection.accept();
        if (c == null) return;
        accepting = null;
        done.done(Result.ok(table.adopt(c)));
    }

    @Override
    void connect(SocketAddress peer, Completion done) {
        switch (connection.state()) {
            case CLOSED -> { }
            case SYN_SENT -> {
                done.done(Result.failed(Errno.EALREADY));
                return;
            }
            case LISTEN -> {
                done.done(Result.failed(Errno.EINVAL));
                return;
            }
            default -> {
                done.done(Result.failed(Errno.EISCONN));
                return;
            }
        }
        if (connection.error() != null) {
            done.done(Result.failed(Errno.EINVAL)); // a failed connection is not reused: open a new socket
            return;
        }
        connecting = done;
        TcpError e = connection.connect(peer.address(), peer.port());
        if (e != null) {
            connecting = null;
            done.done(Result.failed(errno(e)));
        }
    }

    @Override
    public void connected() {
        Completion done = connecting;
        connecting = null;
        if (done != null) done.done(Result.ok(0));
    }

    @Override
    public void failed(TcpError error) {
        Errno e = errno(error);
        boolean delivered = false;
        if (connecting != null) {
            Completion done = connecting;
            connecting = null;
            done.done(Result.failed(e));
            delivered = true;
        }
        if (reading != null) {
            finishRead(null, delivered ? null : e);
            delivered = true;
        }
        if (writing != null) {
            Completion done = writing;
            writing = null;
            writeData = null;
            done.done(Result.failed(delivered ? Errno.EPIPE : e));
            delivered = true;
        }
        errorReported = delivered;
    }

    @Override
    Result send(byte[] data) {
        Errno e = writeError();
        if (e != null) return Result.failed(e);
        int n = connection.write(data, 0, data.length);
        return n == 0 && data.length > 0 ? Result.failed(Errno.EAGAIN) : Result.ok(n);
    }

    @Override
    void write(byte[] data, Completion done) {
        Errno e = writeError();
        if (e != null) {
            done.done(Result.failed(e));
            return;
        }
        if (writing != null) {
            done.done(Result.failed(Errno.EALREADY));
            return;
        }
        written = connection.write(data, 0, data.length);
        if (written == data.length) {
            done.done(Result.ok(written));
            return;
        }
        writing = done;
        writeData = data;
    }

    @Override
    public void writable() {
        if (writing == null) return;
        // as Linux's sk_stream_write_space: wake the writer only once a third of the buffer is free (or all it
        // still has fits), so a writer that keeps the buffer full does not dribble out short segments on every ACK
        int left = writeData.length - written;
        if (connection.writable() < Math.min(left, connection.sendBufferSize() / 3)) return;
        written += connection.write(writeData, written, left);
        if (written == writeData.length) {
            Completion done = writing;
            writing = null;
            writeData = null;
            done.done(Result.ok(written));
        }
    }

    /** Why a write cannot go ahead, or null: the error once, then EPIPE (Linux sends SIGPIPE too). */
    private Errno writeError() {
        TcpError error = connection.error();
        if (error != null) {
            if (!errorReported) {
                errorReported = true;
                return errno(error);
            }
            return Errno.EPIPE;
        }
        return switch (connection.state()) {
            case ESTABLISHED, CLOSE_WAIT -> null;
            case CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED -> Errno.ENOTCONN;
            default -> Errno.EPIPE;
        };
    }

    @Override
    void receive(int max, long timeout, ReceiveHandler handler) {
        if (reading != null) {
            handler.failed(Errno.EALREADY);
            return;
        }
        if (connection.state() == TcpState.LISTEN) {
            handler.failed(Errno.ENOTCONN);
            return;
        }
        if (connection.readable() > 0) {
            handler.received(connection.read(max), peerAddress());
            return;
        }
        if (inputShutdown || connection.endOfStream()) {
            handler.received(new byte[0], peerAddress());
            return;
        }
        if (connection.error() != null) {
            if (errorReported) {
                handler.received(new byte[0], peerAddress());
            } else {
                errorReported = true;
                handler.failed(errno(connection.error()));
            }
            return;
        }
        if (connection.state() == TcpState.CLOSED) {
            handler.failed(Errno.ENOTCONN);
            return;
        }
        reading = handler;
        readMax = max;
        if (timeout > 0) readTimeout = table.simulation().schedule(timeout, () -> finishRead(null, Errno.EAGAIN));
    }

    @Override
    public void readable() {
        if (reading == null) return;
        if (connection.readable() > 0) finishRead(connection.read(readMax), null);
        else if (connection.endOfStream()) finishRead(new byte[0], null);
    }

    /** Ends the waiting receive with data (empty: end-of-file), or with {@code error}, or with EOF for a null pair. */
    private void finishRead(byte[] data, Errno error) {
        ReceiveHandler h = reading;
        if (h == null) return;
        reading = null;
        table.simulation().cancel(readTimeout);
        readTimeout = null;
        if (error != null) {
            h.failed(error);
        } else {
            h.received(data == null ? new byte[0] : data, peerAddress());
        }
    }

    @Override
    Errno shutdown(SocketTable.Shutdown how) {
        TcpState s = connection.state();
        if (s == TcpState.CLOSED || s == TcpState.LISTEN || s == TcpState.SYN_SENT) return Errno.ENOTCONN;
        if (how != SocketTable.Shutdown.WRITE) {
            inputShutdown = true;
            finishRead(new byte[0], null);
        }
        if (how != SocketTable.Shutdown.READ) connection.shutdownOutput();
        return null;
    }

    @Override
    Errno setOption(SocketTable.Option option, int value) {
        switch (option) {
            case SO_REUSEADDR -> connection.setReuseAddress(value != 0);
            case TCP_NODELAY -> connection.setNoDelay(value != 0);
            case SO_SNDBUF -> {
                if (value < 1) return Errno.EINVAL;
                connection.setSendBufferSize(value);
            }
            case SO_RCVBUF -> {
                if (value < 1) return Errno.EINVAL;
                connection.setReceiveBufferSize(value);
            }
            case SO_BROADCAST -> { } // accepted and meaningless on TCP, as on Linux
        }
        return null;
    }

    @Override
    SocketAddress localAddress() {
        Ipv4Address a = connection.localAddress();
        return new SocketAddress(a == null ? Ipv4Address.ANY : a, connection.localPort());
    }

    @Override
    SocketAddress peerAddress() {
        Ipv4Address a = connection.remoteAddress();
        return a == null ? null : new SocketAddress(a, connection.remotePort());
    }

    @Override
    void close() {
        Completion c = connecting != null ? connecting : accepting;
        connecting = accepting = null;
        if (c != null) c.done(Result.failed(Errno.EBADF));
        if (writing != null) {
            Completion w = writing;
            writing = null;
            w.done(Result.failed(Errno.EBADF));
        }
        finishRead(null, Errno.EBADF);
        connection.close();
    }

    @Override
    SocketTable.SocketInfo info() {
        return new SocketTable.SocketInfo(fd, "tcp", localAddress(), peerAddress(), connection.readable());
    }

    /** The errno a TCP error is reported as. */
    static Errno errno(TcpError e) {
        if (e == null) return null;
        return switch (e) {
            case REFUSED -> Errno.ECONNREFUSED;
            case RESET -> Errno.ECONNRESET;
            case TIMED_OUT -> Errno.ETIMEDOUT;
            case NETWORK_UNREACHABLE -> Errno.ENETUNREACH;
            case HOST_UNREACHABLE -> Errno.EHOSTUNREACH;
            case ADDRESS_IN_USE -> Errno.EADDRINUSE;
            case NO_FREE_PORT -> Errno.EADDRNOTAVAIL;
            case INVALID_STATE -> Errno.EINVAL;
        };
    }
}
