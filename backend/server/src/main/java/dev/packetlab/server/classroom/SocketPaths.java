package dev.packetlab.server.classroom;

import java.net.URI;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads the classroom WebSockets' addresses: {@code /ws/classes/{id}/dashboard}, {@code /ws/classes/{id}/student}
 * and {@code /ws/classes/{id}/labs/{view}}, each with {@code ?token=} (a browser cannot give a WebSocket a header).
 */
final class SocketPaths {
    static final String PREFIX = "/ws/classes/";

    private SocketPaths() {}

    /** The path's parts after {@link #PREFIX}: class id, then the rest ({@code dashboard}, {@code labs}, view). */
    static String[] parts(URI uri) {
        if (uri == null) return new String[0];
        String path = uri.getPath();
        int at = path.indexOf(PREFIX);
        return at < 0 ? new String[0] : path.substring(at + PREFIX.length()).split("/");
    }

    static String token(URI uri) {
        if (uri == null) return null;
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("token");
    }
}
