package dev.packetlab.stack.socket;

import dev.packetlab.stack.socket.SocketTable.Completion;
import dev.packetlab.stack.socket.SocketTable.Result;

/**
 * What a descriptor names: a datagram or a stream socket. Each call a kind of socket does not support answers as
 * Linux does (EOPNOTSUPP for listen on UDP and so on).
 */
abstract sealed class Socket permits DatagramSocket, StreamSocket {
    final SocketTable table;
    final int fd;

    Socket(SocketTable table, int fd) {
        this.table = table;
        this.fd = fd;
    }

    abstract Errno bind(int port);

    Errno listen(int backlog) { return Errno.EOPNOTSUPP; }

    void accept(Completion done) { done.done(Result.failed(Errno.EOPNOTSUPP)); }

    abstract void connect(SocketAddress peer, Completion done);

    abstract Result send(byte[] data);

    abstract void write(byte[] data, Completion done);

    abstract void receive(int max, long timeout, ReceiveHandler handler);

    abstract Errno shutdown(SocketTable.Shutdown how);

    abstract Errno setOption(SocketTable.Option option, int value);

    abstract SocketAddress localAddress();

    abstract SocketAddress peerAddress();

    abstract void close();

    abstract SocketTable.SocketInfo info();
}
