package dev.packetlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as {@code ./packetlab} starts it (only the shipped application.properties, H2 in a file) on a
 * random port and a data directory the test chooses, so a restart test can stop it and start it again on the same
 * files.
 */
public final class ShippedServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;

    private ShippedServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ShippedServer start(Path dataDir) {
        return new ShippedServer(new SpringApplicationBuilder(PacketLabApplication.class).run(
                "--spring.config.location=classpath:/application.properties",
                "--server.port=0",
                "--packetlab.data-dir=" + dataDir));
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Sends a request to this server and checks its status.
     *
     * @param path  the path, from {@code /}
     * @param token sent as {@code Authorization: Bearer}, or null
     * @param json  the body, or null for none
     */
    public HttpResponse<String> send(String method, String path, String token, String json, int status)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
        return response;
    }

    @Override
    public void close() {
        context.close();
    }
}
