package dev.packetlab.stack.app;

import dev.packetlab.stack.app.http.ClientConnection;
import dev.packetlab.stack.app.http.HttpHeaders;
import dev.packetlab.stack.app.http.HttpRequest;
import dev.packetlab.stack.app.http.HttpResponse;
import dev.packetlab.stack.app.http.Url;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.wire.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code browse URL}: what a browser does with a URL, reduced to its network traffic. It fetches the page, finds the
 * resources the page references ({@code <img src>}, {@code <script src>}, {@code <link href>}), and fetches them over
 * up to N persistent connections per host at once (6 by default, as browsers allow, RFC 9112 9.4), reusing a
 * connection for the next resource as soon as it is free. It prints one line when a connection is established and one
 * when a resource has arrived, with the simulated time since the start, so the learner sees several sockets open at
 * once and requests taking turns on each.
 */
final class Browse implements Command {
    static final String USER_AGENT = "browse/1.0 (PacketLab)";
    /** Browsers follow at most 20 redirects. */
    private static final int MAX_REDIRECTS = 20;
    private static final Pattern TAG = Pattern.compile("<(img|script|link)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\b(src|href)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() { return "browse"; }

    @Override
    public String summary() { return "fetch a page and the images, scripts and styles it uses, over parallel connections"; }

    @Override
    public String usage() {
        return """
                usage: browse [-P N] URL
                  -P N  at most N connections to one host at once (default 6, as browsers; 1 to 32)
                Fetches the page, then every <img src>, <script src> and <link href> it names, each connection taking
                the next resource as soon as it is free. One line per connection opened and per resource arrived.""";
    }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "", "P");
        if (o.positional().size() != 1) {
            p.usageError(o.positional().isEmpty() ? "no URL given" : "too many arguments");
            return;
        }
        int parallel = (int) o.integer('P', 6, 1, 32, "number of connections");
        Url url;
        try {
            url = Url.parse(o.positional().get(0));
        } catch (Url.BadUrl e) {
            p.eprintln("browse: " + e.getMessage());
            p.exit(e.curlCode());
            return;
        }
        SocketTable table = SocketTable.of(p.node());
        if (table == null) {
            p.eprintln("browse: this node has no sockets");
            p.exit(1);
            return;
        }
        new Session(p, table, parallel).start(url);
    }

    /** The references a page makes to the resources it needs, in the order they appear, each once. */
    static List<String> references(String html) {
        Set<String> found = new LinkedHashSet<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String wanted = tag.group(1).equalsIgnoreCase("link") ? "href" : "src";
            Matcher a = ATTRIBUTE.matcher(tag.group(2));
            while (a.find()) {
                if (!a.group(1).equalsIgnoreCase(wanted)) continue;
                String v = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                v = v.replace("&amp;", "&").strip();
                if (!v.isEmpty()) found.add(v);
                break;
            }
        }
        return new ArrayList<>(found);
    }

    /** One run: the hosts it talks to, their connections and their queues of resources. */
    private static final class Session {
        final Process p;
        final SocketTable table;
        final int parallel;
        final long started;
        final Map<String, Origin> origins = new LinkedHashMap<>();
        final List<ClientConnection> all = new ArrayList<>();
        int connections;
        int pending;
        int fetched;
        int failed;
        long bytes;
        Url page;
        boolean pageDone;

        Session(Process p, SocketTable table, int parallel) {
            this.p = p;
            this.table = table;
            this.parallel = parallel;
            this.started = p.simulation().now();
            p.onExit(() -> all.forEach(ClientConnection::close));
        }

        /** A resource to fetch, and how many redirects led to it. */
        record Resource(Url url, boolean isPage, int redirects) {}

        /** One host and port: its address once known, its connections, and what waits for one. */
        final class Origin {
            final String host;
            final int port;
            final List<Conn> conns = new ArrayList<>();
            final ArrayDeque<Resource> queue = new ArrayDeque<>();
            Ipv4Address address;
            boolean resolving;

            Origin(String host, int port) {
                this.host = host;
                this.port = port;
            }
        }

        /** One connection: connecting (no {@code client} yet), busy with a resource, or idle. */
        final class Conn {
            final int number;
            ClientConnection client;
            boolean busy = true;

            Conn(int number) {
                this.number = number;
            }
        }

        String stamp() {
            long nanos = p.simulation().now() - started;
            return String.format("%9s ms", SimTime.formatMillis(nanos));
        }

        void start(Url url) {
            page = url;
            enqueue(new Resource(url, true, 0));
        }

        void enqueue(Resource r) {
            pending++;
            Origin o = origins.computeIfAbsent(r.url().host() + ":" + r.url().port(),
                    k -> new Origin(r.url().host(), r.url().port()));
            o.queue.add(r);
            pump(o);
        }

        /** Gives waiting resources to idle connections, and opens connections while fewer than N are open. */
        void pump(Origin o) {
            if (p.exited()) return;
            if (o.address == null) {
                if (o.resolving) return;
                o.resolving = true;
                Curl.lookup(p, o.host, a -> {
                    if (p.exited()) return;
                    o.resolving = false;
                    if (a == null) {
                        while (!o.queue.isEmpty()) finished(o.queue.poll(), null, "-", "Could not resolve host: " + o.host, 6);
                        return;
                    }
                    o.address = a;
                    pump(o);
                });
                return;
            }
            for (Conn c : List.copyOf(o.conns)) {
                if (o.queue.isEmpty()) return;
                if (!c.busy && c.client != null) {
                    if (c.client.reusable()) fetch(o, c, o.queue.poll());
                    else {
                        o.conns.remove(c); // the server closed it
                        c.client.close();
                    }
                }
            }
            // a connection still being opened will take one waiting resource; open more only for the rest
            long connecting = o.conns.stream().filter(c -> c.client == null).count();
            while (o.queue.size() > connecting && o.conns.size() < parallel) {
                open(o);
                connecting++;
            }
        }

        void open(Origin o) {
            SocketTable.Result r = table.socket(SocketTable.Type.STREAM);
            if (!r.succeeded()) {
                finished(o.queue.poll(), null, "-", "socket: " + r.error().message(), 7);
                return;
            }
            int fd = r.value();
            Conn c = new Conn(connections++);
            o.conns.add(c);
            p.onExit(() -> table.close(fd));
            table.connect(fd, new SocketAddress(o.address, o.port), result -> {
                if (p.exited()) return;
                if (!result.succeeded()) {
                    o.conns.remove(c);
                    table.close(fd);
                    String why = "Failed to connect to " + o.host + " port " + o.port + ": " + result.error().message();
                    if (o.conns.isEmpty()) {
                        while (!o.queue.isEmpty()) finished(o.queue.poll(), c, "-", why, 7);
                    }
                    return;
                }
                c.client = new ClientConnection(table, fd);
                all.add(c.client);
                SocketAddress local = table.localAddress(fd);
                p.println(stamp() + "  #" + c.number + " connected  " + local + " -> " + o.address + ":" + o.port);
                c.busy = false;
                Resource next = o.queue.poll();
                if (next != null) fetch(o, c, next);
            });
        }

        void fetch(Origin o, Conn c, Resource r) {
            c.busy = true;
            HttpHeaders h = new HttpHeaders().add("Host", r.url().hostHeader()).add("User-Agent", USER_AGENT)
                    .add("Accept", r.isPage() ? "text/html,*/*" : "*/*");
            if (!r.isPage()) h.add("Referer", page.toString());
            c.client.send(new HttpRequest("GET", r.url().target(), "HTTP/1.1", h, null), new ClientConnection.Exchange() {
                @Override
                public void response(HttpResponse response) {
                    if (p.exited()) return;
                    c.busy = false;
                    arrived(r, c, response);
                    pump(o);
                }

                @Override
                public void failed(ClientConnection.Failure failure) {
                    if (p.exited()) return;
                    o.conns.remove(c);
                    c.client.close();
                    finished(r, c, "-", failure.message(), failure.curlCode());
                    pump(o);
                }
            });
        }

        void arrived(Resource r, Conn c, HttpResponse response) {
            String location = response.headers().get("Location");
            if (response.status() >= 300 && response.status() < 400 && location != null) {
                p.println(stamp() + "  #" + c.number + " " + response.status() + " GET " + r.url() + " -> " + location);
                if (r.redirects() >= MAX_REDIRECTS) {
                    finished(r, c, "-", "Maximum (" + MAX_REDIRECTS + ") redirects followed", 47);
                    return;
                }
                try {
                    Url next = r.url().resolve(location);
                    pending--;
                    if (r.isPage()) page = next;
                    enqueue(new Resource(next, r.isPage(), r.redirects() + 1));
                } catch (Url.BadUrl e) {
                    finished(r, c, "-", e.getMessage(), e.curlCode());
                }
                return;
            }
            byte[] body = response.body();
            bytes += body.length;
            fetched++;
            String type = response.headers().get("Content-Type");
            p.println(stamp() + "  #" + c.number + " " + response.status() + " GET " + r.url() + "  " + body.length
                    + " bytes" + (type == null ? "" : " " + type));
            if (r.isPage()) {
                pageDone = true;
                if (response.status() < 400) {
                    for (String ref : references(new String(body, StandardCharsets.UTF_8))) {
                        try {
                            enqueue(new Resource(r.url().resolve(ref), false, 0));
                        } catch (Url.BadUrl e) {
                            p.println(stamp() + "  skipped " + ref + ": " + e.getMessage());
                        }
                    }
                }
            }
            if (--pending == 0) end(0);
        }

        /** A resource that could not be fetched. */
        void finished(Resource r, Conn c, String status, String why, int code) {
            failed++;
            p.println(stamp() + "  " + (c == null ? "  " : "#" + c.number) + " failed GET " + r.url() + ": " + why);
            if (r.isPage()) {
                end(code);
                return;
            }
            if (--pending == 0) end(1);
        }

        /** Everything has arrived (or failed): close the connections and sum up. */
        void end(int code) {
            for (ClientConnection c : all) c.close();
            p.println(fetched + " resource" + (fetched == 1 ? "" : "s") + ", " + bytes + " bytes in "
                    + SimTime.formatMillis(p.simulation().now() - started) + " ms over " + connections + " connection"
                    + (connections == 1 ? "" : "s") + (failed > 0 ? ", " + failed + " failed" : ""));
            p.exit(failed > 0 && code == 0 ? 1 : code);
        }
    }
}
