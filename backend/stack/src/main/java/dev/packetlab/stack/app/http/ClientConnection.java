package dev.packetlab.stack.app.http;

import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import java.util.ArrayDeque;

/**
 * The client's side of one connected HTTP/1.1 connection: it sends requests and reads their responses in order, so
 * that a program can send a second request on the same connection (keep-alive) once the first is answered, or several
 * at once (pipelining). It keeps reading while idle, so a server that closes an idle connection is noticed at once and
 * the connection is no longer offered for reuse.
 */
public final class ClientConnection {
    /** What one read may take. */
    private static final int READ_SIZE = 65_536;

    /** How one request ends. */
    public interface Exchange {
        /** The status line and fields have arrived; the body may still be on its way. */
        default void head(HttpResponse head) {}

        /** Body bytes arrived (progress). */
        default void progress(long received, long expected) {}

        /** The whole response. */
        void response(HttpResponse response);

        /** It will never be answered: {@link Failure} says why. */
        void failed(Failure failure);
    }

    /**
     * Why an exchange failed, with the curl exit code that stands for it: the server closed before answering (52
     * Empty reply), or in the middle of the body (18), the connection was reset (56), the response could not be read
     * (8), or the request could not be sent (55).
     */
    public record Failure(int curlCode, String message, long received) {}

    private final SocketTable table;
    private final int fd;
    private final ResponseParser parser = new ResponseParser();
    private final ArrayDeque<Exchange> outstanding = new ArrayDeque<>();
    private boolean headDelivered;
    private boolean closed;
    private boolean peerClosed;
    private boolean reusable = true;
    private boolean reading;
    private boolean readAgain;
    private boolean bytesForCurrent;

    /** Takes over {@code fd}, a connected stream socket, and starts reading from it. */
    public ClientConnection(SocketTable table, int fd) {
        this.table = table;
        this.fd = fd;
        // curl has set TCP_NODELAY by default since 7.50.2: a request goes out whole at once
        table.setOption(fd, SocketTable.Option.TCP_NODELAY, 1);
        readNext();
    }

    public int descriptor() { return fd; }

    /** The local address and port of the socket. */
    public SocketAddress localAddress() { return table.localAddress(fd); }

    /** Whether nothing is outstanding and the connection can carry another request. */
    public boolean reusable() {
        return reusable && !closed && !peerClosed && outstanding.isEmpty();
    }

    /** Sends {@code request}; its response (or failure) comes to {@code exchange}, after those sent before. */
    public void send(HttpRequest request, Exchange exchange) {
        if (closed || peerClosed) {
            exchange.failed(new Failure(55, "Failed sending data to the peer", 0));
            return;
        }
        outstanding.add(exchange);
        parser.expect(request.method());
        if (!request.keepAlive()) reusable = false;
        table.write(fd, MessageWriter.bytes(request), r -> {
            if (!r.succeeded() && !closed && r.error() != Errno.EBADF) {
                failAll(new Failure(55, "Failed sending data to the peer", 0));
            }
        });
    }

    /** Closes the socket (a FIN, or RST if unread data waits); outstanding exchanges are dropped silently. */
    public void close() {
        if (closed) return;
        closed = true;
        outstanding.clear();
        table.close(fd);
    }

    private void readNext() {
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        try {
            do {
                readAgain = false;
                table.receive(fd, READ_SIZE, 0, new ReceiveHandler() {
                    @Override
                    public void received(byte[] data, SocketAddress from) {
                        if (!closed) arrived(data);
                    }

                    @Override
                    public void failed(Errno error) {
                        if (closed || error == Errno.EBADF) return;
                        peerClosed = true;
                        failAll(new Failure(56, "Recv failure: " + error.message(), parser.bodyReceived()));
                    }
                });
            } while (readAgain && !closed && !peerClosed);
        } finally {
            reading = false;
        }
    }

    private void arrived(byte[] data) {
        if (data.length == 0) {
            peerClosed = true;
            parser.endOfStream();
            deliver();
            if (!outstanding.isEmpty()) {
                long got = parser.bodyReceived();
                long expected = parser.bodyExpected();
                Failure f;
                if (!bytesForCurrent) f = new Failure(52, "Empty reply from server", 0);
                else if (expected >= 0) f = new Failure(18, "transfer closed with " + (expected - got)
                        + " bytes remaining to read", got);
                else f = new Failure(18, "transfer closed with outstanding read data remaining", got);
                failAll(f);
            }
            return;
        }
        bytesForCurrent = true;
        parser.feed(data);
        deliver();
        if (closed) return;
        if (parser.error() != null) {
            failAll(new Failure(8, "Weird server reply", parser.bodyReceived()));
            close();
            return;
        }
        readNext();
    }

    /** Hands out the responses complete so far, and the head of the one in progress. */
    private void deliver() {
        HttpResponse r;
        while (!closed && (r = parser.poll()) != null) {
            Exchange e = outstanding.poll();
            if (e == null) continue; // a response nobody asked for
            if (!r.keepAlive()) reusable = false;
            if (!headDelivered) e.head(new HttpResponse(r.version(), r.status(), r.reason(), r.headers(), null));
            headDelivered = false;
            bytesForCurrent = parser.buffered() > 0;
            e.response(r);
        }
        Exchange current = outstanding.peek();
        if (current == null || closed) return;
        HttpHeaders h = parser.currentHeaders();
        if (h != null && !headDelivered) {
            headDelivered = true;
            current.head(parser.currentHead());
        }
        if (h != null) current.progress(parser.bodyReceived(), parser.bodyExpected());
    }

    private void failAll(Failure f) {
        reusable = false;
        while (!outstanding.isEmpty()) outstanding.poll().failed(f);
    }
}
