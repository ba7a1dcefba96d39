package dev.packetlab.stack.socket;

/** Where a blocking receive continues: with a datagram, or with the error that ended the wait. */
public interface ReceiveHandler {
    void received(byte[] data, SocketAddress from);

    void failed(Errno error);
}
