package dev.packetlab.stack.app.http;

import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An HTTP/1.1 origin server (RFC 9112, RFC 9110) on one port of a node, written against the socket API only: every
 * connection is a chain of continuations on the simulation clock.
 *
 * <ul>
 *   <li>Connections persist by default (RFC 9112 9.3) and close after {@link Settings#keepAlive} of idleness, or after a
 *       response to a request that said {@code Connection: close} (or an HTTP/1.0 one that did not ask to keep alive).
 *   <li>Pipelined requests (9.3.2) are read as they come and answered one after the other, in order, even when an
 *       earlier one takes time ({@code /delay/MS}).
 *   <li>A request the parser rejects is answered, after the ones before it, with its status (400 and kin) and
 *       {@code Connection: close}; only that connection closes.
 *   <li>The server closes a connection as nginx does, lingering: it shuts its sending side (FIN) and reads and
 *       discards what still arrives until the client closes too, or {@link Settings#linger} passes. Closing at once
 *       with unread bytes would send RST (RFC 9293 3.10.4) and could destroy the response before the client read it.
 * </ul>
 *
 * <p>Each answered request can be written to an access log in nginx's combined format.
 */
public final class HttpServer {
    /** What one read may take. */
    private static final int READ_SIZE = 65_536;
    /** What one write hands the socket: the head and up to this much body at a time. */
    private static final int WRITE_SIZE = 65_536;
    /** net.core.somaxconn's default. */
    private static final int BACKLOG = 128;
    /** The Server field's value. */
    public static final String SOFTWARE = "packetlab-httpd/1.0";

    /**
     * @param port      the TCP port to listen on
     * @param keepAlive how long an idle persistent connection is kept (0: close after every response); Apache's
     *                  KeepAliveTimeout default is 5 s
     * @param linger    how long a closing connection waits for the client's FIN while discarding what arrives
     */
    public record Settings(int port, long keepAlive, long linger) {
        public static final long DEFAULT_KEEP_ALIVE = SimTime.seconds(5);
        public static final long DEFAULT_LINGER = SimTime.seconds(5);

        public static Settings port(int port) {
            return new Settings(port, DEFAULT_KEEP_ALIVE, DEFAULT_LINGER);
        }
    }

    private final SocketTable table;
    private final Simulation sim;
    private final Site site;
    private final Settings settings;
    private final Consumer<String> accessLog;
    private final Map<Integer, Connection> connections = new LinkedHashMap<>();
    private int listener = -1;
    private boolean stopped;

    /** A server on {@code node} (which must have a socket table); {@code accessLog} may be null. */
    public HttpServer(Node node, Site site, Settings settings, Consumer<String> accessLog) {
        this.table = SocketTable.of(node);
        if (table == null) throw new IllegalArgumentException(node.name() + " has no sockets");
        this.sim = node.network().simulation();
        this.site = site;
        this.settings = settings;
        this.accessLog = accessLog;
    }

    public Settings settings() { return settings; }

    /**
     * Opens the listening socket (with SO_REUSEADDR, as daemons set it) and starts accepting. Returns null, or what
     * failed as {@code "bind: Address already in use"}.
     */
    public String start() {
        SocketTable.Result s = table.socket(SocketTable.Type.STREAM);
        if (!s.succeeded()) return "socket: " + s.error().message();
        listener = s.value();
        table.setOption(listener, SocketTable.Option.SO_REUSEADDR, 1);
        String call = "bind";
        Errno e = table.bind(listener, settings.port());
        if (e == null) {
            call = "listen";
            e = table.listen(listener, BACKLOG);
        }
        if (e != null) {
            table.close(listener);
            listener = -1;
            return call + ": " + e.message();
        }
        acceptNext();
        return null;
    }

    /** Closes the listening socket and every connection at once. */
    public void stop() {
        if (stopped) return;
        stopped = true;
        if (listener >= 0) table.close(listener);
        for (Connection c : java.util.List.copyOf(connections.values())) c.release();
    }

    /** Connections open now (lingering ones included). */
    public int openConnections() { return connections.size(); }

    private void acceptNext() {
        table.accept(listener, r -> {
            if (stopped) return;
            if (!r.succeeded()) return; // the listener was closed
            Connection c = new Connection(r.value());
            connections.put(r.value(), c);
            c.start();
            acceptNext();
        });
    }

    /** One client connection: its parser, the requests waiting for an answer, and its timers. */
    private final class Connection implements ReceiveHandler {
        final int fd;
        final SocketAddress peer;
        final RequestParser parser = new RequestParser();
        final ArrayDeque<HttpRequest> waiting = new ArrayDeque<>();
        boolean busy;
        boolean errorAnswered;
        boolean peerClosed;
        boolean closing;
        boolean released;
        boolean reading;
        boolean readAgain;
        Timer idle;
        Timer linger;
        Timer delay;

        Connection(int fd) {
            this.fd = fd;
            this.peer = table.peerAddress(fd);
            // as nginx's tcp_nodelay: a response written while the previous one is still unacknowledged goes out at
            // once, instead of waiting (Nagle) for an ACK the client may delay
            table.setOption(fd, SocketTable.Option.TCP_NODELAY, 1);
        }

        void start() {
            armIdle();
            readNext();
        }

        /** Issues the next receive; one that completes at once loops here instead of recursing. */
        void readNext() {
            if (reading) {
                readAgain = true;
                return;
            }
            reading = true;
            try {
                do {
                    readAgain = false;
                    table.receive(fd, READ_SIZE, 0, this);
                } while (readAgain && !released);
            } finally {
                reading = false;
            }
        }

        @Override
        public void received(byte[] data, SocketAddress from) {
            if (released) return;
            if (data.length == 0) {
                endOfStream();
                return;
            }
            if (closing) {
                readNext(); // lingering: what arrives now is read and discarded
                return;
            }
            parser.feed(data);
            HttpRequest r;
            while ((r = parser.poll()) != null) waiting.add(r);
            armIdle();
            serve();
            if (!released) readNext();
        }

        @Override
        public void failed(Errno error) {
            if (error == Errno.EBADF) return;
            release(); // reset or timed out: nothing more can be said on this connection
        }

        /** The client closed its sending side: answer what was asked, then close; a cut-off request gets nothing. */
        private void endOfStream() {
            peerClosed = true;
            if (closing) {
                release();
                return;
            }
            if (!busy && waiting.isEmpty() && (parser.error() == null || errorAnswered)) closeGracefully();
            else serve();
        }

        /** Answers the next waiting request, unless one is being answered. */
        private void serve() {
            if (busy || closing || released) return;
            HttpRequest request = waiting.poll();
            if (request != null) {
                busy = true;
                cancel(idle);
                Site.Reply reply = site.respond(request);
                if (reply.delay() > 0) {
                    delay = sim.schedule(reply.delay(), () -> {
                        delay = null;
                        if (!released) send(request, reply, !request.keepAlive() || settings.keepAlive() == 0);
                    });
                } else {
                    send(request, reply, !request.keepAlive() || settings.keepAlive() == 0);
                }
                return;
            }
            MessageParser.ParseError e = parser.error();
            if (e != null && !errorAnswered) {
                errorAnswered = true;
                busy = true;
                send(null, Site.error(e.status()), true);
                return;
            }
            if (peerClosed) closeGracefully();
        }

        /** Writes the response to {@code request} (null: to a request that could not be read), then goes on. */
        private void send(HttpRequest request, Site.Reply reply, boolean close) {
            boolean head = request != null && request.method().equals("HEAD");
            boolean http10 = request != null && request.version().equals("HTTP/1.0");
            // RFC 9112 7.1: chunked only to an HTTP/1.1 client; an HTTP/1.0 one gets the length instead
            boolean chunked = reply.chunked() && !http10;
            long length = reply.body().length();
            HttpHeaders h = new HttpHeaders().add("Server", SOFTWARE).add("Date", HttpDate.format(sim.now()));
            String type = reply.headers().get("Content-Type");
            if (type != null) h.add("Content-Type", type);
            boolean hasBody = reply.status() != 204 && reply.status() != 304;
            if (hasBody) {
                if (chunked) h.add("Transfer-Encoding", "chunked");
                else h.add("Content-Length", Long.toString(length));
            }
            for (HttpHeaders.Field f : reply.headers().fields()) {
                if (!f.name().equalsIgnoreCase("Content-Type")) h.add(f.name(), f.value());
            }
            h.add("Connection", close ? "close" : "keep-alive");
            HttpResponse response = new HttpResponse("HTTP/1.1", reply.status(), HttpResponse.reasonPhrase(reply.status()),
                    h, null);
            long bodyBytes = head || !hasBody ? 0 : length;
            log(request, reply.status(), bodyBytes);
            new ResponseWriter(MessageWriter.head(response), reply.body(), bodyBytes, chunked,
                    reply.chunkSize() > 0 ? reply.chunkSize() : Site.DEFAULT_CHUNK, () -> {
                        busy = false;
                        if (close) closeGracefully();
                        else {
                            armIdle();
                            serve();
                        }
                    }).next();
        }

        /** Writes a head and a body, piece by piece, each write waiting for room in the send buffer. */
        private final class ResponseWriter {
            final byte[] head;
            final Body body;
            final long length;
            final boolean chunked;
            final int chunkSize;
            final Runnable done;
            long offset;
            boolean headSent;
            boolean lastSent;

            ResponseWriter(byte[] head, Body body, long length, boolean chunked, int chunkSize, Runnable done) {
                this.head = head;
                this.body = body;
                this.length = length;
                this.chunked = chunked;
                this.chunkSize = chunkSize;
                this.done = done;
            }

            void next() {
                if (released) return;
                if (headSent && offset == length && (!chunked || lastSent)) {
                    done.run();
                    return;
                }
                byte[] piece = nextPiece();
                table.write(fd, piece, r -> {
                    if (released) return;
                    if (!r.succeeded()) {
                        release(); // EPIPE, ECONNRESET: the client is gone
                        return;
                    }
                    next();
                });
            }

            private byte[] nextPiece() {
                byte[] out = headSent ? new byte[0] : head;
                headSent = true;
                if (!chunked) {
                    int n = (int) Math.min(WRITE_SIZE, length - offset);
                    if (n > 0) out = MessageWriter.join(out, body.slice(offset, n));
                    offset += n;
                    return out;
                }
                int budget = WRITE_SIZE;
                while (offset < length && budget > 0) {
                    int n = (int) Math.min(chunkSize, length - offset);
                    out = MessageWriter.join(out, MessageWriter.chunk(body.slice(offset, n), 0, n));
                    offset += n;
                    budget -= n;
                }
                if (offset == length) {
                    out = MessageWriter.join(out, MessageWriter.LAST_CHUNK);
                    lastSent = true;
                }
                return out;
            }
        }

        /** nginx's combined log format: who, when, the request line, the status, the body bytes, Referer, User-Agent. */
        private void log(HttpRequest request, int status, long bytes) {
            if (accessLog == null) return;
            String line = request == null ? "-" : request.requestLine();
            String referer = request == null ? null : request.headers().get("Referer");
            String agent = request == null ? null : request.headers().get("User-Agent");
            accessLog.accept(peer.address() + " - - [" + HttpDate.formatLog(sim.now()) + "] \"" + escape(line) + "\" "
                    + status + " " + bytes + " \"" + escape(referer == null ? "-" : referer) + "\" \""
                    + escape(agent == null ? "-" : agent) + "\"");
        }

        /** An idle connection (nothing waiting, nothing being answered) closes after the keep-alive time. */
        private void armIdle() {
            cancel(idle);
            idle = null;
            if (busy || closing || released || settings.keepAlive() == 0) return;
            idle = sim.schedule(settings.keepAlive(), () -> {
                idle = null;
                if (!busy && !closing && !released) closeGracefully();
            });
        }

        /** Sends FIN after what was written and lingers, reading, until the client's FIN or the linger time. */
        private void closeGracefully() {
            if (closing || released) return;
            closing = true;
            cancel(idle);
            idle = null;
            if (peerClosed) {
                release();
                return;
            }
            table.shutdown(fd, SocketTable.Shutdown.WRITE);
            linger = sim.schedule(settings.linger(), () -> {
                linger = null;
                release();
            });
        }

        /** Closes the socket and forgets the connection. */
        void release() {
            if (released) return;
            released = true;
            cancel(idle);
            cancel(linger);
            cancel(delay);
            table.close(fd);
            connections.remove(fd);
        }

        private void cancel(Timer t) {
            if (t != null) sim.cancel(t);
        }
    }

    /** A log field as nginx escapes it: quotes, backslashes and control bytes as \xHH. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte x : s.getBytes(StandardCharsets.ISO_8859_1)) {
            int c = x & 0xff;
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7f) b.append(String.format("\\x%02X", c));
            else b.append((char) c);
        }
        return b.toString();
    }
}
