package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.app.http.Body;
import dev.packetlab.stack.app.http.HttpServer;
import dev.packetlab.stack.app.http.Site;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.testing.TestNetwork;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** browse: a page and what it references, over parallel persistent connections. */
class BrowseTest {
    private static final String PAGE = """
            <html><head><link rel="stylesheet" href="style.css"><script src='/app.js'></script></head>
            <body><img src="logo.png"><IMG SRC=photo.png><img src="logo.png"></body></html>
            """;

    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24", null);
    private final Host www = t.host("www", "10.0.0.80/24", null);

    BrowseTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(www, t.net.node("sw1"));
        HostsFile.installAll(t.net);
        Map<String, Site.Page> pages = new LinkedHashMap<>();
        pages.put("/", Site.Page.of(PAGE));
        pages.put("/style.css", new Site.Page(Body.filler(3000), "text/css", false, 1024, 200, null));
        pages.put("/app.js", new Site.Page(Body.filler(20000), "text/javascript", false, 1024, 200, null));
        pages.put("/logo.png", new Site.Page(Body.filler(2048), "image/png", false, 1024, 200, null));
        pages.put("/photo.png", new Site.Page(Body.filler(50000), "image/png", false, 1024, 200, null));
        new HttpServer(www, new Site(pages, true), HttpServer.Settings.port(80), null).start();
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    @Test
    void referencesAreTheImagesScriptsAndStylesheetsInOrderEachOnce() {
        assertThat(Browse.references(PAGE)).containsExactly("style.css", "/app.js", "logo.png", "photo.png");
    }

    @Test
    void resourcesAreFetchedOverParallelConnectionsEachReusedWhenFree() {
        String out = t.run(pc1, "browse http://www/");

        // #0 carries the page, then style.css, then app.js; #1-#3 open at once for the other three, and #3, ready
        // after #0 had taken app.js, finds nothing left to fetch
        assertThat(out).isEqualTo("""
                    8.038 ms  #0 connected  10.0.0.1:38186 -> 10.0.0.80:80
                   12.136 ms  #0 200 GET http://www/  171 bytes text/html
                   16.554 ms  #0 200 GET http://www/style.css  3000 bytes text/css
                   16.559 ms  #1 connected  10.0.0.1:45764 -> 10.0.0.80:80
                   16.563 ms  #2 connected  10.0.0.1:54377 -> 10.0.0.80:80
                   16.568 ms  #3 connected  10.0.0.1:58059 -> 10.0.0.80:80
                   22.223 ms  #1 200 GET http://www/logo.png  2048 bytes image/png
                   25.420 ms  #0 200 GET http://www/app.js  20000 bytes text/javascript
                   32.109 ms  #2 200 GET http://www/photo.png  50000 bytes image/png
                5 resources, 75219 bytes in 32.109 ms over 4 connections
                """);
        assertThat(Segments.sentBy(t, "pc1").stream().filter(s -> s.flags().equals("S"))).hasSize(4);
    }

    @Test
    void atMostPConnectionsAreOpenedToOneHost() {
        t.run(pc1, "browse -P 2 http://www/");

        assertThat(Segments.sentBy(t, "pc1").stream().filter(s -> s.flags().equals("S"))).hasSize(2);
    }
}
