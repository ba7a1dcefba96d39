package dev.packetlab.stack.app;

import dev.packetlab.stack.app.http.HttpServer;
import dev.packetlab.stack.app.http.Site;
import java.util.Map;

/**
 * {@code http-server}: the web server of the {@code http} lab service, started from the shell (usually in the
 * background, {@code http-server &}). It announces itself as Python's {@code http.server} does and prints an access
 * log line per request in nginx's combined format, so the learner sees on the server what each client asked. It runs
 * until Ctrl-C, which closes its sockets.
 */
final class HttpServerCommand implements Command {
    @Override
    public String name() { return "http-server"; }

    @Override
    public String summary() { return "serve HTTP/1.1 on a port (a page, /echo, /bytes/N, /delay/MS, ...)"; }

    @Override
    public String usage() {
        return """
                usage: http-server [-p PORT] [-k SECONDS] [-i HTML] [-n] [-q]
                  -p PORT     the port to listen on (default 80)
                  -k SECONDS  close a persistent connection idle this long (default 5; 0: close after each response)
                  -i HTML     the page served at / (default: <h1>It works!</h1>)
                  -n          no built-in handlers, only the page
                  -q          quiet: no access log
                Built-in handlers: /echo, /bytes/N, /chunked/N, /delay/MS, /redirect?to=URL, /status/CODE.""";
    }

    @Override
    public void run(Process p) {
        Options o = Options.parse(p.args(), "nq", "pki");
        if (!o.positional().isEmpty()) {
            p.usageError("unexpected argument '" + o.positional().get(0) + "'");
            return;
        }
        int port = 80;
        if (o.has('p')) {
            port = Nc.parsePort(o.value('p'));
            if (port < 0) {
                p.usageError("invalid port '" + o.value('p') + "'");
                return;
            }
        }
        long keepAlive = o.seconds('k', HttpServer.Settings.DEFAULT_KEEP_ALIVE, 0, "keep-alive time");
        Map<String, Site.Page> pages = o.has('i') ? Map.of("/", Site.Page.of(o.value('i'))) : Map.of();
        HttpServer server = new HttpServer(p.node(), new Site(pages, !o.has('n')),
                new HttpServer.Settings(port, keepAlive, HttpServer.Settings.DEFAULT_LINGER), o.has('q') ? null : p::println);
        String problem = server.start();
        if (problem != null) {
            p.eprintln("http-server: " + problem);
            p.exit(1);
            return;
        }
        p.onExit(server::stop);
        p.println("Serving HTTP on 0.0.0.0 port " + port + " (http://0.0.0.0:" + port + "/) ...");
    }
}
