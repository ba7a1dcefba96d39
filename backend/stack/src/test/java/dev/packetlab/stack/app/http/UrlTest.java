package dev.packetlab.stack.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** http URLs as curl takes them, and references resolved against a page (RFC 3986 5.2). */
class UrlTest {

    @Test
    void aUrlGivesHostPortAndTargetWithoutTheFragment() {
        Url u = Url.parse("http://WWW.Example.lab:8080/a/b.html?x=1#top");

        assertThat(u).isEqualTo(new Url("http", "www.example.lab", 8080, "/a/b.html?x=1"));
        assertThat(u.hostHeader()).isEqualTo("www.example.lab:8080");
    }

    @Test
    void aUrlWithoutSchemeOrPathIsHttpAndSlash() {
        assertThat(Url.parse("10.0.0.80")).isEqualTo(new Url("http", "10.0.0.80", 80, "/"));
        assertThat(Url.parse("www.example.lab?q").target()).isEqualTo("/?q");
    }

    @Test
    void httpsIsAnUnsupportedProtocolAsCurlSaysIt() {
        assertThatThrownBy(() -> Url.parse("https://www.example.lab/"))
                .isInstanceOf(Url.BadUrl.class).hasMessage("Protocol \"https\" not supported")
                .extracting(e -> ((Url.BadUrl) e).curlCode()).isEqualTo(1);
    }

    @Test
    void aBadPortIsABadUrl() {
        assertThatThrownBy(() -> Url.parse("http://a:99999/"))
                .hasMessage("URL using bad/illegal format or missing URL")
                .extracting(e -> ((Url.BadUrl) e).curlCode()).isEqualTo(3);
    }

    @Test
    void referencesResolveAgainstThePage() {
        Url page = Url.parse("http://www.example.lab/docs/index.html");

        assertThat(page.resolve("logo.png").toString()).isEqualTo("http://www.example.lab/docs/logo.png");
        assertThat(page.resolve("../css/site.css").toString()).isEqualTo("http://www.example.lab/css/site.css");
        assertThat(page.resolve("/app.js?v=2").toString()).isEqualTo("http://www.example.lab/app.js?v=2");
        assertThat(page.resolve("//cdn.example.lab/x.js").toString()).isEqualTo("http://cdn.example.lab/x.js");
        assertThat(page.resolve("http://other.lab:81/").toString()).isEqualTo("http://other.lab:81/");
    }
}
