package dev.packetlab.stack.app.dns;

import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.wire.Decoded;
import dev.packetlab.stack.wire.DnsHeaderView;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.Ipv4Address;
import java.io.ByteArrayOutputStream;

/**
 * One query to one server and its answer, over UDP or TCP, through the node's socket table only. Resolvers, the
 * recursive server and {@code dig} build their retries and fallbacks out of this.
 *
 * <p>Over UDP the socket is connected to the server, so an ICMP port unreachable comes back as "connection refused"
 * at once instead of a timeout, and a datagram from anyone else is not even delivered. A datagram that is not the
 * answer (another ID, another question, not a response, or bytes that are not a DNS message) is ignored and the
 * wait goes on, as RFC 5452 9.1 asks, so a stray or forged reply cannot end the exchange. Over TCP each message is
 * preceded by its length in two bytes (RFC 1035 4.2.2) and the connection is closed once the answer is in.
 */
public final class DnsClient {
    /** Where an exchange continues. */
    public interface Handler {
        /** The answer, and its size in bytes as dig reports it ("MSG SIZE rcvd"). */
        void answered(DnsMessage response, int size);

        /** No answer: {@code reason} in dig's words ("timed out", "connection refused", …). */
        void failed(String reason);
    }

    public static final String TIMED_OUT = "timed out";

    private DnsClient() {}

    /** Sends {@code query} to {@code server} over UDP and waits at most {@code timeout} nanoseconds for its answer. */
    public static void udp(Node node, SocketAddress server, DnsMessage query, long timeout, Handler handler) {
        SocketTable sockets = SocketTable.of(node);
        SocketTable.Result s = sockets.socket(SocketTable.Type.DGRAM);
        if (!s.succeeded()) {
            handler.failed(words(s.error()));
            return;
        }
        int fd = s.value();
        Errno e = sockets.connect(fd, server);
        SocketTable.Result sent = e == null ? sockets.send(fd, query.toBytes()) : SocketTable.Result.failed(e);
        if (!sent.succeeded()) {
            sockets.close(fd);
            handler.failed(words(sent.error()));
            return;
        }
        long deadline = simulation(node).now() + timeout;
        awaitDatagram(node, sockets, fd, query, deadline, handler);
    }

    private static void awaitDatagram(Node node, SocketTable sockets, int fd, DnsMessage query, long deadline,
                                      Handler handler) {
        long left = deadline - simulation(node).now();
        if (left <= 0) {
            sockets.close(fd);
            handler.failed(TIMED_OUT);
            return;
        }
        sockets.receive(fd, SocketTable.RECEIVE_BUFFER, left, new ReceiveHandler() {
            @Override
            public void received(byte[] data, SocketAddress from) {
                DnsMessage answer = answerTo(query, data, 0, data.length);
                if (answer == null) {
                    awaitDatagram(node, sockets, fd, query, deadline, handler);
                    return;
                }
                sockets.close(fd);
                handler.answered(answer, data.length);
            }

            @Override
            public void failed(Errno error) {
                sockets.close(fd);
                handler.failed(error == Errno.EAGAIN ? TIMED_OUT : words(error));
            }
        });
    }

    /** The message in {@code data} if it answers {@code query}: a response with its ID and question; else null. */
    static DnsMessage answerTo(DnsMessage query, byte[] data, int off, int len) {
        Decoded<DnsMessage> d = DnsMessage.decode(data, off, len);
        if (!(d instanceof Decoded.Success<DnsMessage>(DnsMessage m))) return null;
        if (!m.isResponse() || m.id() != query.id()) return null;
        if (!m.questions().isEmpty() && !m.questions().equals(query.questions())) return null;
        return m;
    }

    /**
     * Sends {@code query} to {@code server} over TCP: connect, the message with its length, the answer with its
     * length, close. All of it must happen within {@code timeout} nanoseconds.
     */
    public static void tcp(Node node, SocketAddress server, DnsMessage query, long timeout, Handler handler) {
        SocketTable sockets = SocketTable.of(node);
        SocketTable.Result s = sockets.socket(SocketTable.Type.STREAM);
        if (!s.succeeded()) {
            handler.failed(words(s.error()));
            return;
        }
        new TcpExchange(node, sockets, s.value(), query, handler).start(server, timeout);
    }

    /** One TCP exchange: its descriptor, the bytes read so far, and the timer that ends it. */
    private static final class TcpExchange {
        final Node node;
        final SocketTable sockets;
        final int fd;
        final DnsMessage query;
        final Handler handler;
        final ByteArrayOutputStream in = new ByteArrayOutputStream();
        Timer timer;
        boolean done;

        TcpExchange(Node node, SocketTable sockets, int fd, DnsMessage query, Handler handler) {
            this.node = node;
            this.sockets = sockets;
            this.fd = fd;
            this.query = query;
            this.handler = handler;
        }

        void start(SocketAddress server, long timeout) {
            timer = simulation(node).schedule(timeout, () -> fail(TIMED_OUT));
            sockets.connect(fd, server, r -> {
                if (done) return;
                if (!r.succeeded()) {
                    fail(words(r.error()));
                    return;
                }
                sockets.write(fd, framed(query.toBytes()), w -> {
                    if (done) return;
                    if (!w.succeeded()) fail(words(w.error()));
                    else read();
                });
            });
        }

        void read() {
            sockets.receive(fd, SocketTable.RECEIVE_BUFFER, 0, new ReceiveHandler() {
                @Override
                public void received(byte[] data, SocketAddress from) {
                    if (done) return;
                    if (data.length == 0) {
                        fail("end of file");
                        return;
                    }
                    in.writeBytes(data);
                    byte[] b = in.toByteArray();
                    if (b.length >= 2) {
                        int length = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
                        if (b.length >= 2 + length) {
                            DnsMessage answer = answerTo(query, b, 2, length);
                            if (answer == null) {
                                fail("bad answer");
                            } else {
                                finish();
                                handler.answered(answer, length);
                            }
                            return;
                        }
                    }
                    read();
                }

                @Override
                public void failed(Errno error) {
                    if (!done) fail(words(error));
                }
            });
        }

        private void finish() {
            done = true;
            simulation(node).cancel(timer);
            sockets.close(fd);
        }

        void fail(String reason) {
            if (done) return;
            finish();
            handler.failed(reason);
        }
    }

    /** A message with the two-byte length TCP carries it behind (RFC 1035 4.2.2). */
    static byte[] framed(byte[] message) {
        byte[] b = new byte[2 + message.length];
        b[0] = (byte) (message.length >>> 8);
        b[1] = (byte) message.length;
        System.arraycopy(message, 0, b, 2, message.length);
        return b;
    }

    /** The default server address of a name server: port 53. */
    public static SocketAddress server(Ipv4Address address) {
        return new SocketAddress(address, DnsHeaderView.PORT);
    }

    /** How dig words a socket error: lower case, as in ";; communications error to …: connection refused". */
    static String words(Errno e) {
        return switch (e) {
            case ECONNREFUSED -> "connection refused";
            case EHOSTUNREACH -> "host unreachable";
            case ENETUNREACH -> "network unreachable";
            case ECONNRESET -> "connection reset";
            case ETIMEDOUT, EAGAIN -> TIMED_OUT;
            default -> e.message().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static Simulation simulation(Node node) {
        return node.network().simulation();
    }
}
