package dev.packetlab.stack.app;

import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The "small servers" inetd runs itself (and routers offer as {@code tcp-small-servers}): a daemon on one port that
 * serves any number of clients at once, each connection on its own chain of continuations, and writes one log line
 * per connection accepted and closed (per datagram over UDP). {@link EchoServer} sends back what it reads (RFC 862),
 * {@link DiscardServer} throws it away (RFC 863). Both run until Ctrl-C, which closes every socket.
 *
 * <p>The listening socket has SO_REUSEADDR set, as daemons set it, so that a restarted server is not kept off its port
 * by the TIME_WAIT connections of its previous run.
 */
abstract class SmallServer implements Command {
    /** What one read may take, and the largest datagram. */
    private static final int READ_SIZE = 65_536;
    /** net.core.somaxconn's default: listen() asks for as much as the node allows, as inetd does. */
    private static final int BACKLOG = 128;

    /** The RFC's name of the service, for the usage text. */
    abstract String service();

    abstract int defaultPort();

    /** Whether what arrives is sent back. */
    abstract boolean echoes();

    /** The past participle for the log: "echoed", "discarded". */
    abstract String verb();

    @Override
    public String usage() {
        return "usage: " + name() + " [-u] [PORT]\n"
                + "  -u    serve UDP datagrams instead of TCP connections\n"
                + "  PORT  the port to serve (default " + defaultPort() + ", the " + service() + " service)";
    }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "u", "");
        if (o.positional().size() > 1) {
            p.usageError("too many arguments");
            return;
        }
        int port = defaultPort();
        if (o.positional().size() == 1) {
            port = Nc.parsePort(o.positional().get(0));
            if (port < 0) {
                p.usageError("invalid port '" + o.positional().get(0) + "'");
                return;
            }
        }
        SocketTable table = SocketTable.of(p.node());
        if (table == null) {
            p.eprintln(name() + ": this node has no sockets");
            p.exit(1);
            return;
        }
        Daemon d = new Daemon(p, table, port);
        if (o.has('u')) d.serveDatagrams();
        else d.serveConnections();
    }

    /** One run of the server: its sockets and its log. */
    private final class Daemon {
        final Process p;
        final SocketTable table;
        final int port;
        final Set<Integer> open = new LinkedHashSet<>();
        int listener;

        Daemon(Process p, SocketTable table, int port) {
            this.p = p;
            this.table = table;
            this.port = port;
            p.onExit(() -> {
                for (int fd : open) table.close(fd);
                open.clear();
            });
        }

        void log(String line) {
            p.println(name() + ": " + line);
        }

        /** Opens the socket and binds the port; false (after saying why and exiting) when it cannot. */
        private boolean open(SocketTable.Type type) {
            SocketTable.Result s = table.socket(type);
            if (!s.succeeded()) {
                fail("socket", s.error());
                return false;
            }
            listener = s.value();
            open.add(listener);
            table.setOption(listener, SocketTable.Option.SO_REUSEADDR, 1);
            Errno e = table.bind(listener, port);
            if (e != null) {
                fail("bind", e);
                return false;
            }
            return true;
        }

        private void fail(String call, Errno e) {
            p.eprintln(name() + ": " + call + ": " + e.message());
            p.exit(1);
        }

        void serveConnections() {
            if (!open(SocketTable.Type.STREAM)) return;
            Errno e = table.listen(listener, BACKLOG);
            if (e != null) {
                fail("listen", e);
                return;
            }
            log("listening on TCP port " + port);
            acceptNext();
        }

        private void acceptNext() {
            table.accept(listener, r -> {
                if (p.exited()) return;
                if (!r.succeeded()) {
                    fail("accept", r.error());
                    return;
                }
                open.add(r.value());
                new Connection(r.value()).start();
                acceptNext();
            });
        }

        /** One client: read, answer, read again, until the client closes. */
        private final class Connection implements ReceiveHandler {
            final int fd;
            final SocketAddress peer;
            long bytes;
            boolean reading;
            boolean again;

            Connection(int fd) {
                this.fd = fd;
                this.peer = table.peerAddress(fd);
            }

            String who() {
                return "connection from " + peer.address() + " port " + peer.port();
            }

            void start() {
                log(who());
                readNext();
            }

            /** Issues the next receive; one that completes at once loops here instead of recursing. */
            void readNext() {
                if (reading) {
                    again = true;
                    return;
                }
                reading = true;
                try {
                    do {
                        again = false;
                        table.receive(fd, READ_SIZE, 0, this);
                    } while (again && !p.exited() && open.contains(fd));
                } finally {
                    reading = false;
                }
            }

            @Override
            public void received(byte[] data, SocketAddress from) {
                if (p.exited()) return;
                if (data.length == 0) {
                    finish(who() + " closed: " + bytes + " bytes " + verb());
                    return;
                }
                bytes += data.length;
                if (!echoes()) {
                    readNext();
                    return;
                }
                table.write(fd, data, r -> {
                    if (p.exited()) return;
                    if (r.succeeded()) readNext();
                    else finish(who() + " failed: " + r.error().message() + " (" + bytes + " bytes read)");
                });
            }

            @Override
            public void failed(Errno error) {
                if (p.exited() || error == Errno.EBADF) return;
                finish(who() + " failed: " + error.message() + " (" + bytes + " bytes " + verb() + ")");
            }

            private void finish(String line) {
                open.remove(fd);
                table.close(fd);
                log(line);
            }
        }

        void serveDatagrams() {
            if (!open(SocketTable.Type.DGRAM)) return;
            log("listening on UDP port " + port);
            new ReceiveHandler() {
                boolean reading;
                boolean again;

                void next() {
                    if (reading) {
                        again = true;
                        return;
                    }
                    reading = true;
                    try {
                        do {
                            again = false;
                            table.receiveFrom(listener, 0, this);
                        } while (again && !p.exited());
                    } finally {
                        reading = false;
                    }
                }

                @Override
                public void received(byte[] data, SocketAddress from) {
                    if (p.exited()) return;
                    if (echoes()) table.sendTo(listener, data, from);
                    log(data.length + " bytes from " + from.address() + " port " + from.port() + " " + verb());
                    next();
                }

                @Override
                public void failed(Errno error) {
                    if (p.exited() || error == Errno.EBADF) return;
                    fail("recvfrom", error);
                }
            }.next();
        }
    }
}
