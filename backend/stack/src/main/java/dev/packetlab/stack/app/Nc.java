package dev.packetlab.stack.app;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.wire.Ipv4Address;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code nc}: netcat, after OpenBSD's nc as Debian and Ubuntu ship it (netcat-openbsd): what arrives on standard input
 * is sent, what arrives from the network is printed. It connects ({@code nc HOST PORT}) or listens ({@code nc -l
 * PORT}), over TCP or, with {@code -u}, UDP, and says what it does with {@code -v} in that nc's words. It uses nothing
 * but the socket API, and waits for nothing but continuations.
 *
 * <p>Where this nc departs from netcat-openbsd, it does so to show the protocol more plainly (docs/shell.md lists every
 * choice): at the end of its input a TCP nc shuts down its sending side (a FIN, as {@code nc -N} and ncat do) and
 * prints until the peer closes; when the peer closes, nc closes its socket and exits, as ncat does; a listener sets
 * SO_REUSEADDR only when asked with {@code -r} (netcat-openbsd always sets it, and its {@code -r} randomizes ports), so
 * that TIME_WAIT's hold on a port can be seen; a failed connect is reported without {@code -v}.
 */
final class Nc implements Command {
    /** What one read may take (netcat's BUFSIZE), and the largest datagram. */
    private static final int READ_SIZE = 65_536;

    @Override
    public String name() { return "nc"; }

    @Override
    public String summary() { return "netcat: connect to or listen on a TCP or UDP port, input out and output in"; }

    @Override
    public String usage() {
        return """
                usage: nc [-u] [-v] [-n] [-z] [-w SECONDS] [-p SOURCE_PORT] HOST PORT
                       nc -l [-k] [-u] [-v] [-n] [-r] [-w SECONDS] [-p] PORT
                  -l          listen on PORT for a connection (with -u: for datagrams) instead of connecting
                  -k          with -l: when a connection ends, accept the next one
                  -u          UDP: each line of input is one datagram; with -l, replies go to the last sender
                  -v          say what happens (Listening on…, Connection received on…, Connection to… succeeded!)
                  -n          numeric only: no names for HOST or for the addresses -v prints
                  -r          with -l: set SO_REUSEADDR, so a port that TIME_WAIT connections hold can be taken
                  -w SECONDS  give up a connect, or end a connection idle for, SECONDS
                  -z          only check that the port accepts connections, then close
                  -p PORT     the local port: to connect from, or (with -l) to listen on
                  -N          accepted for compatibility: nc here always sends FIN when its input ends
                Standard input is sent (a typed line, or a pipe: echo hi | nc HOST PORT); what arrives is printed.
                When input ends, TCP sends FIN and nc prints until the peer closes; then it exits.""";
    }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "klnuvrzN", "pw");
        boolean listen = o.has('l');
        if (!listen && o.has('k')) {
            fatal(p, "must use -l with -k");
            return;
        }
        if (listen && o.has('z')) {
            fatal(p, "cannot use -z and -l");
            return;
        }
        String host = null;
        String portText;
        String sourcePortText = null;
        int n = o.positional().size();
        if (listen) {
            if (n > 1 || n == 1 && o.has('p')) {
                p.usageError(n > 1 ? "too many arguments (nc -l takes only a port here)" : "too many arguments");
                return;
            }
            portText = n == 1 ? o.positional().get(0) : o.value('p');
            if (portText == null) {
                fatal(p, "missing port number");
                return;
            }
        } else {
            if (n != 2) {
                p.usageError(n < 2 ? "missing host or port" : "too many arguments");
                return;
            }
            host = o.positional().get(0);
            portText = o.positional().get(1);
            sourcePortText = o.value('p');
        }
        int port = port(p, portText);
        int sourcePort = sourcePortText == null ? 0 : port(p, sourcePortText);
        if (port < 0 || sourcePort < 0) return;
        long timeout = o.has('w') ? o.integer('w', 0, 0, 2_000_000, "timeout") * SimTime.SECOND : 0;
        SocketTable table = SocketTable.of(p.node());
        if (table == null) {
            fatal(p, "this node has no sockets");
            return;
        }
        Session s = new Session(p, table, o.has('u'), o.has('v'), o.has('n'), timeout);
        if (listen) {
            s.listen(port, o.has('k'), o.has('r'));
        } else {
            if (o.has('n')) {
                Ipv4Address address = HostsFile.parseAddress(host);
                if (address == null) {
                    fatal(p, "getaddrinfo for host \"" + host + "\" port " + port + ": Name or service not known");
                    return;
                }
                s.connect(host, address, port, sourcePort, o.has('z'));
                return;
            }
            String name = host;
            Resolver.lookup(p.node(), name, new Resolver.Handler() {
                @Override
                public void resolved(Ipv4Address address) {
                    if (!p.exited()) s.connect(name, address, port, sourcePort, o.has('z'));
                }

                @Override
                public void failed(String message) {
                    fatal(p, "getaddrinfo for host \"" + name + "\" port " + port + ": " + message);
                }
            });
        }
    }

    /** {@code errx(1, …)}: the message after "nc: ", status 1. */
    private static void fatal(Process p, String message) {
        p.eprintln("nc: " + message);
        p.exit(1);
    }

    /** netcat's {@code strtoport}: a number 1–65535 or a service name; -1 (after saying why) otherwise. */
    private static int port(Process p, String text) {
        int port = parsePort(text);
        if (port >= 0) return port;
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            fatal(p, "port number " + (text.length() > 5 || Long.parseLong(text) > 65_535 ? "too large" : "too small")
                    + ": " + text);
        } else if (text.length() > 1 && text.startsWith("-") && text.substring(1).chars().allMatch(Character::isDigit)) {
            fatal(p, "port number too small: " + text);
        } else {
            fatal(p, "service \"" + text + "\" unknown");
        }
        return -1;
    }

    /** A port number 1–65535, or a service name from /etc/services; -1 when it is neither. */
    static int parsePort(String text) {
        if (!text.isEmpty() && text.length() <= 5 && text.chars().allMatch(Character::isDigit)) {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65_535 ? port : -1;
        }
        return Services.port(text);
    }

    /** One run of nc: its sockets, the input still to send, and what it prints. */
    private static final class Session {
        final Process p;
        final SocketTable table;
        final boolean udp;
        final boolean verbose;
        final boolean numeric;
        final long timeout;
        final String proto;
        final Set<Integer> open = new LinkedHashSet<>();
        final ArrayDeque<byte[]> outgoing = new ArrayDeque<>();
        final StringBuilder partialLine = new StringBuilder();
        final TerminalText text = new TerminalText();
        int listener = -1;
        /** The socket data goes through: the connection (TCP) or the one socket (UDP); -1 while there is none. */
        int data = -1;
        boolean keep;
        boolean inputEnded;
        boolean writing;
        boolean outputShut;
        SocketAddress lastSender;
        Timer idle;
        boolean reading;
        boolean readAgain;

        Session(Process p, SocketTable table, boolean udp, boolean verbose, boolean numeric, long timeout) {
            this.p = p;
            this.table = table;
            this.udp = udp;
            this.verbose = verbose;
            this.numeric = numeric;
            this.timeout = timeout;
            this.proto = udp ? "udp" : "tcp";
            // Ctrl-C ends the process with status 130 (the default), and a process's end closes its sockets, as the
            // kernel closes the descriptors of a process killed by SIGINT: a connection still open sends its FIN.
            p.onExit(() -> {
                for (int fd : open) table.close(fd);
                open.clear();
            });
            p.onInput(this::input);
            p.onEndOfInput(() -> {
                inputEnded = true;
                if (udp && !partialLine.isEmpty()) {
                    outgoing.add(bytes(partialLine.toString()));
                    partialLine.setLength(0);
                }
                pump();
            });
        }

        // ---- opening ---------------------------------------------------------------------------------------

        private int socket() {
            SocketTable.Result r = table.socket(udp ? SocketTable.Type.DGRAM : SocketTable.Type.STREAM);
            if (!r.succeeded()) {
                fatal(p, r.error().message());
                return -1;
            }
            open.add(r.value());
            return r.value();
        }

        void listen(int port, boolean keep, boolean reuse) {
            this.keep = keep;
            int fd = socket();
            if (fd < 0) return;
            listener = fd;
            if (reuse) table.setOption(fd, SocketTable.Option.SO_REUSEADDR, 1);
            Errno e = table.bind(fd, port);
            if (e == null && !udp) e = table.listen(fd, 1); // netcat's listen(s, 1)
            if (e != null) {
                fatal(p, e.message()); // err(1, NULL): "nc: Address already in use"
                return;
            }
            if (udp) {
                if (verbose) p.eprintln("Bound on " + name(Ipv4Address.ANY) + " " + port);
                data = fd;
                readNext();
            } else {
                if (verbose) p.eprintln("Listening on " + name(Ipv4Address.ANY) + " " + port);
                acceptNext();
            }
        }

        private void acceptNext() {
            table.accept(listener, r -> {
                if (p.exited()) return;
                if (!r.succeeded()) {
                    fatal(p, "accept: " + r.error().message());
                    return;
                }
                data = r.value();
                open.add(data);
                outputShut = false;
                SocketAddress peer = table.peerAddress(data);
                if (verbose) p.eprintln("Connection received on " + name(peer.address()) + " " + peer.port());
                startTransfer();
            });
        }

        void connect(String host, Ipv4Address address, int port, int sourcePort, boolean zeroIo) {
            int fd = socket();
            if (fd < 0) return;
            if (sourcePort > 0) {
                Errno e = table.bind(fd, sourcePort);
                if (e != null) {
                    fatal(p, "bind failed: " + e.message());
                    return;
                }
            }
            String peer = host + (numeric || host.equals(address.toString()) ? "" : " (" + address + ")");
            Timer deadline = timeout == 0 ? null : p.schedule(timeout, () -> {
                // connect_with_timeout's select() ran out: errno is still EINPROGRESS
                fatal(p, "connect to " + peer + " port " + port + " (" + proto + ") timed out: "
                        + Errno.EINPROGRESS.message());
            });
            table.connect(fd, new SocketAddress(address, port), r -> {
                if (p.exited()) return;
                p.simulation().cancel(deadline);
                if (!r.succeeded()) {
                    fatal(p, "connect to " + peer + " port " + port + " (" + proto + ") failed: "
                            + r.error().message());
                    return;
                }
                if (verbose) {
                    String service = numeric ? null : Services.name(port);
                    p.eprintln("Connection to " + peer + " " + port + " port [" + proto + "/"
                            + (service == null ? "*" : service) + "] succeeded!");
                }
                if (zeroIo) {
                    p.exit(0);
                    return;
                }
                data = fd;
                startTransfer();
            });
        }

        // ---- moving data -----------------------------------------------------------------------------------

        private void startTransfer() {
            touch();
            readNext();
            pump();
        }

        /** Standard input: kept in order until it can be sent; over UDP, one datagram per line. */
        private void input(String chunk) {
            if (udp) {
                partialLine.append(chunk);
                int end;
                while ((end = partialLine.indexOf("\n")) >= 0) {
                    outgoing.add(bytes(partialLine.substring(0, end + 1)));
                    partialLine.delete(0, end + 1);
                }
            } else {
                outgoing.add(bytes(chunk));
            }
            pump();
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Sends what input is waiting, one write at a time so that the bytes keep their order; once input has ended
         * and everything is written, a TCP nc shuts its sending side down (FIN).
         */
        private void pump() {
            if (p.exited() || data < 0 || outputShut) return;
            if (udp) {
                while (!outgoing.isEmpty()) {
                    if (listener >= 0 && lastSender == null) return; // nobody to answer yet
                    byte[] d = outgoing.poll();
                    SocketTable.Result r = lastSender == null ? table.send(data, d) : table.sendTo(data, d, lastSender);
                    if (!r.succeeded()) {
                        fatal(p, r.error().message());
                        return;
                    }
                    touch();
                }
                return;
            }
            if (writing) return;
            byte[] next = outgoing.poll();
            if (next != null) {
                writing = true;
                int fd = data;
                table.write(fd, next, r -> {
                    writing = false;
                    if (p.exited() || fd != data) return;
                    if (!r.succeeded()) {
                        // the connection is gone (EPIPE, ECONNRESET): stop sending; the read side reports it
                        outputShut = true;
                        return;
                    }
                    touch();
                    pump();
                });
                return;
            }
            if (inputEnded) {
                outputShut = true;
                table.shutdown(data, SocketTable.Shutdown.WRITE);
            }
        }

        /** Issues the next receive on the data socket; one that completes at once loops here instead of recursing. */
        private void readNext() {
            if (reading) {
                readAgain = true;
                return;
            }
            reading = true;
            try {
                do {
                    readAgain = false;
                    int fd = data;
                    table.receive(fd, READ_SIZE, 0, new ReceiveHandler() {
                        @Override
                        public void received(byte[] bytes, SocketAddress from) {
                            if (!p.exited() && fd == data) arrived(bytes, from);
                        }

                        @Override
                        public void failed(Errno error) {
                            if (p.exited() || fd != data || error == Errno.EBADF) return;
                            p.print(text.flush());
                            p.eprintln("nc: " + error.message());
                            endConnection(1);
                        }
                    });
                } while (readAgain && !p.exited() && data >= 0);
            } finally {
                reading = false;
            }
        }

        private void arrived(byte[] bytes, SocketAddress from) {
            if (!udp && bytes.length == 0) {
                // end-of-file: the peer closed its side; so does nc
                p.print(text.flush());
                endConnection(0);
                return;
            }
            if (udp && listener >= 0 && !from.equals(lastSender)) {
                if (verbose) p.eprintln("Connection received on " + name(from.address()) + " " + from.port());
                lastSender = from;
                pump();
            }
            touch();
            p.print(text.decode(bytes));
            if (!p.exited()) readNext();
        }

        /** A TCP connection ended: close it, then accept the next one ({@code -k}) or exit. */
        private void endConnection(int status) {
            if (udp || !keep) {
                p.exit(status);
                return;
            }
            p.simulation().cancel(idle);
            open.remove(data);
            table.close(data);
            data = -1;
            acceptNext();
        }

        /** {@code -w}: restarts the idle timer; when it runs out the connection ends, as netcat's poll() timing out. */
        private void touch() {
            if (timeout == 0) return;
            p.simulation().cancel(idle);
            idle = p.schedule(timeout, () -> {
                if (data >= 0) endConnection(0);
            });
        }

        /** An address as getnameinfo gives it: its name from /etc/hosts, unless {@code -n}. */
        private String name(Ipv4Address a) {
            return numeric ? a.toString() : HostsFile.nameOf(p.node(), a);
        }
    }

    /**
     * Bytes from the network as text for a terminal: UTF-8, decoded across reads (a character split between two
     * segments is not broken), an invalid sequence shown as U+FFFD as a terminal shows it. Newline, carriage return and
     * tab act as in a terminal; other control characters, which a terminal would act on invisibly (or, for ESC, take
     * as the start of a command), are shown in caret notation as {@code cat -v} shows them: {@code ^@}, {@code ^[},
     * {@code ^?}, and {@code M-^X} for C1 controls.
     */
    static final class TerminalText {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private byte[] held = new byte[0];

        String decode(byte[] bytes) {
            byte[] all = bytes;
            if (held.length > 0) {
                all = new byte[held.length + bytes.length];
                System.arraycopy(held, 0, all, 0, held.length);
                System.arraycopy(bytes, 0, all, held.length, bytes.length);
            }
            ByteBuffer in = ByteBuffer.wrap(all);
            CharBuffer out = CharBuffer.allocate(all.length + 1);
            decoder.decode(in, out, false);
            held = new byte[in.remaining()];
            in.get(held);
            return show(out.flip());
        }

        /** The end of the stream: a sequence left incomplete shows as U+FFFD. */
        String flush() {
            ByteBuffer in = ByteBuffer.wrap(held);
            CharBuffer out = CharBuffer.allocate(held.length + 2);
            decoder.decode(in, out, true);
            decoder.flush(out);
            decoder.reset();
            held = new byte[0];
            return show(out.flip());
        }

        private static String show(CharSequence s) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r' || c == '\t') b.append(c);
                else if (c < 0x20) b.append('^').append((char) (c + 0x40));
                else if (c == 0x7f) b.append("^?");
                else if (c >= 0x80 && c < 0xa0) b.append("M-^").append((char) (c - 0x80 + 0x40));
                else b.append(c);
            }
            return b.toString();
        }
    }
}
