package dev.packetlab.stack.app;

import dev.packetlab.stack.app.http.ClientConnection;
import dev.packetlab.stack.app.http.HttpHeaders;
import dev.packetlab.stack.app.http.HttpRequest;
import dev.packetlab.stack.app.http.HttpResponse;
import dev.packetlab.stack.app.http.Url;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.wire.Ipv4Address;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code curl}: an HTTP/1.1 client that prints what curl 8.5 prints (Ubuntu 24.04's), written against the socket API
 * only. {@code -v} shows each step as curl does: the connection attempt, the request header lines ({@code >}), the
 * response header lines ({@code <}) and whether the connection was left open for reuse. Several URLs on one command
 * line are fetched one after the other over the same connection when the server keeps it open, as curl does, so
 * keep-alive can be seen as one handshake for two requests. Errors end with curl's exit codes and messages.
 *
 * <p>Where it departs from curl (docs/http.md lists it): nodes have no file system, so {@code -o FILE} counts the body
 * and throws it away, printing curl's progress meter; header lines end in LF rather than CRLF on the terminal; there is
 * no TLS, so an {@code https://} URL is an unsupported protocol.
 */
final class Curl implements Command {
    static final String USER_AGENT = "curl/8.5.0";
    private static final String TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information";
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    @Override
    public String name() { return "curl"; }

    @Override
    public String summary() { return "transfer a URL over HTTP/1.1, showing the exchange with -v"; }

    @Override
    public String usage() {
        return """
                usage: curl [options] URL...
                  -v, --verbose              show the connection, the request (>) and response (<) header lines
                  -I, --head                 send HEAD and print only the response head
                  -i, --include              print the response head before the body
                  -o, --output FILE          nodes have no files: count the body, discard it, show the progress meter
                  -s, --silent               no progress meter and no error messages (-S: errors still)
                  -H, --header "NAME: VALUE" add or replace a request header ("NAME:" removes one)
                  -X, --request METHOD       use METHOD instead of GET (or POST with -d)
                  -d, --data DATA            send DATA as a POST body (application/x-www-form-urlencoded)
                  -A, --user-agent TEXT      the User-Agent (default curl/8.5.0)
                  -0, --http1.0              speak HTTP/1.0: one request per connection
                  -L, --location             follow redirects (at most --max-redirs N, default 50)
                  -f, --fail                 an HTTP status of 400 or more is an error (exit 22), with no body
                  -m, --max-time SECONDS     give up the whole transfer after SECONDS (exit 28)
                      --connect-timeout SECONDS  give up connecting after SECONDS (exit 28)
                Several URLs are fetched in turn, over one connection while the server keeps it open.""";
    }

    /** What the command line asked for. */
    private static final class Settings {
        final List<String> urls = new ArrayList<>();
        final List<String> headers = new ArrayList<>();
        final List<String> data = new ArrayList<>();
        boolean verbose;
        boolean head;
        boolean include;
        boolean silent;
        boolean showError;
        boolean http10;
        boolean follow;
        boolean fail;
        String output;
        String method;
        String userAgent = USER_AGENT;
        long maxTime;
        long connectTimeout;
        int maxRedirects = 50;
    }

    /** Options that take a value, by their short and long names. */
    private static final Map<String, Character> LONG = new LinkedHashMap<>();

    static {
        String[][] names = {{"verbose", "v"}, {"head", "I"}, {"include", "i"}, {"output", "o"}, {"silent", "s"},
                {"show-error", "S"}, {"header", "H"}, {"request", "X"}, {"data", "d"}, {"data-raw", "d"},
                {"user-agent", "A"}, {"http1.0", "0"}, {"location", "L"}, {"fail", "f"}, {"max-time", "m"},
                {"connect-timeout", "\u0001"}, {"max-redirs", "\u0002"}, {"http1.1", "\u0003"}};
        for (String[] n : names) LONG.put(n[0], n[1].charAt(0));
    }

    private static final String WITH_VALUE = "oHXdAm\u0001\u0002";

    @Override
    public void run(Process p) {
        Settings s = new Settings();
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            List<Character> options = new ArrayList<>();
            String inlineValue = null;
            String shown = a;
            if (a.startsWith("--") && a.length() > 2) {
                Character c = LONG.get(a.substring(2));
                if (c == null) {
                    unknown(p, a);
                    return;
                }
                options.add(c);
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    if (!LONG.containsValue(c) || c < ' ') {
                        unknown(p, "-" + c);
                        return;
                    }
                    options.add(c);
                    if (WITH_VALUE.indexOf(c) >= 0) {
                        if (j + 1 < a.length()) inlineValue = a.substring(j + 1);
                        shown = "-" + c;
                        break;
                    }
                }
            } else {
                s.urls.add(a);
                continue;
            }
            for (char c : options) {
                String value = null;
                if (WITH_VALUE.indexOf(c) >= 0) {
                    if (inlineValue != null) value = inlineValue;
                    else if (i + 1 < args.size()) value = args.get(++i);
                    else {
                        p.eprintln("curl: option " + shown + ": requires parameter");
                        p.eprintln(TRY_HELP);
                        p.exit(2);
                        return;
                    }
                }
                if (!apply(p, s, c, value, shown)) return;
            }
        }
        if (s.urls.isEmpty()) {
            p.eprintln("curl: no URL specified!");
            p.eprintln(TRY_HELP);
            p.exit(2);
            return;
        }
        SocketTable table = SocketTable.of(p.node());
        if (table == null) {
            p.eprintln("curl: this node has no sockets");
            p.exit(1);
            return;
        }
        new Transfer(p, table, s).start();
    }

    private static void unknown(Process p, String option) {
        p.eprintln("curl: option " + option + ": is unknown");
        p.eprintln(TRY_HELP);
        p.exit(2);
    }

    /** Applies one option; false (after exiting) for a bad value. */
    private static boolean apply(Process p, Settings s, char c, String value, String shown) {
        switch (c) {
            case 'v' -> s.verbose = true;
            case 'I' -> s.head = true;
            case 'i' -> s.include = true;
            case 'o' -> s.output = value;
            case 's' -> s.silent = true;
            case 'S' -> s.showError = true;
            case 'H' -> s.headers.add(value);
            case 'X' -> s.method = value;
            case 'd' -> s.data.add(value);
            case 'A' -> s.userAgent = value;
            case '0' -> s.http10 = true;
            case '\u0003' -> s.http10 = false;
            case 'L' -> s.follow = true;
            case 'f' -> s.fail = true;
            case 'm', '\u0001', '\u0002' -> {
                BigDecimal n;
                try {
                    n = new BigDecimal(value);
                } catch (NumberFormatException e) {
                    n = null;
                }
                if (n == null || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(1_000_000)) > 0
                        || c == '\u0002' && n.scale() > 0) {
                    p.eprintln("curl: option " + shown + ": expected a proper numerical parameter");
                    p.eprintln(TRY_HELP);
                    p.exit(2);
                    return false;
                }
                long nanos = n.multiply(BigDecimal.valueOf(SimTime.SECOND)).longValue();
                if (c == 'm') s.maxTime = nanos;
                else if (c == '\u0001') s.connectTimeout = nanos;
                else s.maxRedirects = n.intValue();
            }
            default -> throw new IllegalStateException("option " + c);
        }
        return true;
    }

    /**
     * getaddrinfo for {@code host} ({@link Resolver}: a dotted quad, /etc/hosts, then DNS, on the simulation clock);
     * calls back with the address, or with null when there is none: curl says "Could not resolve host" for a name
     * that does not exist and for a name server that does not answer alike.
     */
    static void lookup(Process p, String host, Consumer<Ipv4Address> done) {
        Resolver.lookup(p.node(), host, new Resolver.Handler() {
            @Override
            public void resolved(Ipv4Address address) {
                if (!p.exited()) done.accept(address);
            }

            @Override
            public void failed(String message) {
                if (!p.exited()) done.accept(null);
            }
        });
    }

    /** One run of curl: the URLs still to fetch, the open connections, and what has been printed. */
    private static final class Transfer {
        final Process p;
        final SocketTable table;
        final Settings s;
        final long started;
        /** Open connections by "host:port", with their number and the name they were opened for. */
        final Map<String, Open> pool = new LinkedHashMap<>();
        int connections;
        int urlIndex;
        int redirects;
        Phase phase = Phase.RESOLVING;
        long received;
        long expected = -1;
        String currentHost;

        enum Phase { RESOLVING, CONNECTING, TRANSFERRING }

        record Open(int number, String host, ClientConnection connection) {}

        Transfer(Process p, SocketTable table, Settings s) {
            this.p = p;
            this.table = table;
            this.s = s;
            this.started = p.simulation().now();
            p.onExit(() -> {
                for (Open o : pool.values()) o.connection().close();
                pool.clear();
            });
        }

        long elapsedMillis() {
            return (p.simulation().now() - started) / SimTime.MILLISECOND;
        }

        void start() {
            if (s.maxTime > 0) p.schedule(s.maxTime, this::timedOut);
            nextUrl();
        }

        /** --max-time ran out: curl's message for the phase it was in (multi.c). */
        private void timedOut() {
            long ms = elapsedMillis();
            String message = switch (phase) {
                case RESOLVING -> "Resolving timed out after " + ms + " milliseconds";
                case CONNECTING -> "Connection timed out after " + ms + " milliseconds";
                case TRANSFERRING -> "Operation timed out after " + ms + " milliseconds with " + received
                        + (expected >= 0 ? " out of " + expected : "") + " bytes received";
            };
            fail(28, message);
        }

        private void verbose(String line) {
            if (s.verbose) p.eprintln(line);
        }

        /** Ends with a curl error: {@code curl: (CODE) MESSAGE} on standard error (unless -s without -S). */
        void fail(int code, String message) {
            verbose("* " + message);
            verbose("* Closing connection");
            if (!s.silent || s.showError) p.eprintln("curl: (" + code + ") " + message);
            p.exit(code);
        }

        void nextUrl() {
            if (urlIndex == s.urls.size()) {
                p.exit(0);
                return;
            }
            String text = s.urls.get(urlIndex++);
            Url url;
            try {
                url = Url.parse(text);
            } catch (Url.BadUrl e) {
                fail(e.curlCode(), e.getMessage());
                return;
            }
            redirects = 0;
            String method = s.method != null ? s.method : s.head ? "HEAD" : s.data.isEmpty() ? "GET" : "POST";
            byte[] body = s.data.isEmpty() ? null : String.join("&", s.data).getBytes(StandardCharsets.UTF_8);
            fetch(url, method, body);
        }

        void fetch(Url url, String method, byte[] body) {
            String key = url.host() + ":" + url.port();
            Open open = pool.get(key);
            if (open != null && open.connection().reusable()) {
                verbose("* Re-using existing connection with host " + url.host());
                send(open, url, method, body);
                return;
            }
            if (open != null) {
                pool.remove(key);
                open.connection().close();
            }
            phase = Phase.RESOLVING;
            currentHost = url.host();
            lookup(p, url.host(), address -> {
                if (p.exited()) return;
                if (address == null) {
                    fail(6, "Could not resolve host: " + url.host());
                    return;
                }
                connect(url, address, method, body);
            });
        }

        private void connect(Url url, Ipv4Address address, String method, byte[] body) {
            phase = Phase.CONNECTING;
            verbose("*   Trying " + address + ":" + url.port() + "...");
            SocketTable.Result r = table.socket(SocketTable.Type.STREAM);
            if (!r.succeeded()) {
                fail(7, "Failed to create a socket: " + r.error().message());
                return;
            }
            int fd = r.value();
            p.onExit(() -> table.close(fd)); // closing twice is harmless: the second close is EBADF
            Timer deadline = s.connectTimeout <= 0 ? null : p.schedule(s.connectTimeout, () -> {
                if (phase == Phase.CONNECTING) fail(28, "Connection timed out after " + elapsedMillis() + " milliseconds");
            });
            table.connect(fd, new SocketAddress(address, url.port()), result -> {
                if (p.exited()) return;
                if (deadline != null) p.simulation().cancel(deadline);
                if (!result.succeeded()) {
                    verbose("* connect to " + address + " port " + url.port() + " failed: " + result.error().message());
                    fail(7, "Failed to connect to " + url.host() + " port " + url.port() + " after " + elapsedMillis()
                            + " ms: Couldn't connect to server");
                    return;
                }
                verbose("* Connected to " + url.host() + " (" + address + ") port " + url.port());
                Open open = new Open(connections++, url.host(), new ClientConnection(table, fd));
                pool.put(url.host() + ":" + url.port(), open);
                send(open, url, method, body);
            });
        }

        /** The request curl sends: Host, User-Agent, Accept, the body's fields, then -H's changes. */
        private HttpRequest request(Url url, String method, byte[] body) {
            HttpHeaders h = new HttpHeaders().add("Host", url.hostHeader()).add("User-Agent", s.userAgent)
                    .add("Accept", "*/*");
            if (body != null) {
                h.add("Content-Length", Integer.toString(body.length));
                h.add("Content-Type", "application/x-www-form-urlencoded");
            }
            for (String line : s.headers) {
                int colon = line.indexOf(':');
                int semicolon = line.indexOf(';');
                if (colon > 0) {
                    String name = line.substring(0, colon).strip();
                    String value = line.substring(colon + 1).strip();
                    if (value.isEmpty()) h.remove(name); // "Name:" takes an internal header away
                    else if (h.has(name)) h.set(name, value);
                    else h.add(name, value);
                } else if (semicolon > 0 && line.substring(semicolon + 1).isBlank()) {
                    h.add(line.substring(0, semicolon).strip(), ""); // "Name;" sends it empty
                }
            }
            return new HttpRequest(method, url.target(), s.http10 ? "HTTP/1.0" : "HTTP/1.1", h, body);
        }

        private void send(Open open, Url url, String method, byte[] body) {
            phase = Phase.TRANSFERRING;
            received = 0;
            expected = -1;
            HttpRequest request = request(url, method, body);
            if (s.verbose) {
                p.eprintln("> " + request.requestLine());
                for (HttpHeaders.Field f : request.headers().fields()) p.eprintln("> " + f.name() + ": " + f.value());
                p.eprintln("> ");
            }
            open.connection().send(request, new ClientConnection.Exchange() {
                @Override
                public void head(HttpResponse head) {
                    if (p.exited()) return;
                    if (s.verbose) {
                        p.eprintln("< " + head.statusLine());
                        for (HttpHeaders.Field f : head.headers().fields()) p.eprintln("< " + f.name() + ": " + f.value());
                        p.eprintln("< ");
                    }
                    if (s.fail && head.status() >= 400) return;
                    if (s.head || s.include) {
                        StringBuilder b = new StringBuilder(head.statusLine()).append('\n');
                        for (HttpHeaders.Field f : head.headers().fields()) {
                            b.append(f.name()).append(": ").append(f.value()).append('\n');
                        }
                        p.print(b.append('\n').toString());
                    }
                }

                @Override
                public void progress(long got, long total) {
                    received = got;
                    expected = total;
                }

                @Override
                public void response(HttpResponse response) {
                    if (!p.exited()) done(open, url, method, body, response);
                }

                @Override
                public void failed(ClientConnection.Failure failure) {
                    if (p.exited()) return;
                    pool.values().remove(open);
                    open.connection().close();
                    fail(failure.curlCode(), failure.message());
                }
            });
        }

        /** A response is complete: print it, then follow it (-L), fetch the next URL, or end. */
        private void done(Open open, Url url, String method, byte[] body, HttpResponse response) {
            received = response.body().length;
            if (s.fail && response.status() >= 400) {
                fail(22, "The requested URL returned error: " + response.status());
                return;
            }
            String location = response.headers().get("Location");
            boolean redirect = s.follow && REDIRECTS.contains(response.status()) && location != null;
            if (!redirect) output(response);
            if (p.exited()) return;
            if (open.connection().reusable()) {
                verbose("* Connection #" + open.number() + " to host " + open.host() + " left intact");
            } else {
                verbose("* Closing connection");
                pool.values().remove(open);
                open.connection().close();
            }
            if (redirect) {
                if (++redirects > s.maxRedirects) {
                    fail(47, "Maximum (" + s.maxRedirects + ") redirects followed");
                    return;
                }
                Url next;
                try {
                    next = url.resolve(location);
                } catch (Url.BadUrl e) {
                    fail(e.curlCode(), e.getMessage());
                    return;
                }
                verbose("* Issue another request to this URL: '" + next + "'");
                // curl turns POST into GET after 301, 302 and 303, as browsers do (RFC 9110 15.4.2-4)
                boolean toGet = response.status() == 303 && !method.equals("HEAD")
                        || (response.status() == 301 || response.status() == 302) && method.equals("POST");
                fetch(next, toGet ? "GET" : method, toGet ? null : body);
                return;
            }
            nextUrl();
        }

        /** The body: on the terminal, or (-o) counted and discarded with the progress meter. */
        private void output(HttpResponse response) {
            byte[] body = response.body();
            if (s.head) return;
            if (s.output != null) {
                if (!s.silent) {
                    long total = response.headers().has("Content-Length") ? body.length : -1;
                    p.eprintln(ProgressMeter.HEADER);
                    p.eprintln(ProgressMeter.line(body.length, total, p.simulation().now() - started));
                }
                return;
            }
            for (byte b : body) {
                if (b == 0) {
                    p.eprintln("Warning: Binary output can mess up your terminal. Use \"--output -\" to tell ");
                    p.eprintln("Warning: curl to output it to your terminal anyway, or consider \"--output ");
                    p.eprintln("Warning: <FILE>\" to save to a file.");
                    fail(23, "Failure writing output to destination");
                    return;
                }
            }
            p.print(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** curl's progress meter (lib/progress.c), in its final state: what -o shows once the transfer is done. */
    static final class ProgressMeter {
        static final String HEADER = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
                + "                                 Dload  Upload   Total   Spent    Left  Speed";

        private ProgressMeter() {}

        /** The last line for {@code bytes} received of {@code total} (-1: unknown) in {@code nanos}. */
        static String line(long bytes, long total, long nanos) {
            long micros = nanos / 1000;
            long speed = micros > 0 ? (long) (bytes * 1_000_000.0 / micros) : bytes;
            long spent = nanos / SimTime.SECOND;
            long totalSize = total >= 0 ? total : bytes;
            long estimate = speed > 0 ? totalSize / speed : 0;
            return String.format("%3d %s  %3d %s  %3d %s  %s  %s %s %s %s %s", 100, max5(totalSize),
                    total >= 0 ? 100 : 0, max5(bytes), 0, max5(0), max5(speed), max5(0), time(estimate), time(spent),
                    time(estimate - spent), max5(speed));
        }

        /** A size in five characters: bytes, then k, then M with one decimal (max5data). */
        static String max5(long bytes) {
            long kb = 1024;
            long mb = kb * kb;
            if (bytes < 100_000) return String.format("%5d", bytes);
            if (bytes < 10_000 * kb) return String.format("%4dk", bytes / kb);
            if (bytes < 100 * mb) return String.format("%2d.%dM", bytes / mb, (bytes % mb) / (mb / 10));
            if (bytes < 10_000 * mb) return String.format("%4dM", bytes / mb);
            return String.format("%4dG", bytes / (mb * kb));
        }

        /** Seconds as {@code HH:MM:SS}, or {@code --:--:--} for none (time2str). */
        static String time(long seconds) {
            if (seconds <= 0) return "--:--:--";
            long h = seconds / 3600;
            if (h > 99) return String.format("%7dh", h);
            return String.format("%2d:%02d:%02d", h, (seconds % 3600) / 60, seconds % 60);
        }
    }
}
