package dev.packetlab.stack.app;

import dev.packetlab.stack.net.Host;
import java.util.Map;

/**
 * A program a lab file starts on a node when the lab starts, written {@code services: [{http: {port: 80}}]}: a web
 * server, a DNS server, an echo server. Like every program it uses only the node's socket table.
 */
public interface Service {
    /** The key that names it in a lab file ({@code http}, {@code dns}, {@code echo}). */
    String name();

    /**
     * Checks the parameters as the lab file wrote them (maps, lists, strings, numbers, booleans) and starts the
     * service on {@code host}, whose socket table is installed.
     *
     * @return how to stop it: its listening sockets close, and its connections close as a killed daemon's do
     * @throws IllegalArgumentException with a message that starts with the parameter at fault, relative to the
     *                                  service ({@code "port: 70000 is outside 1..65535"}); the lab builder adds the
     *                                  path of the service in the file
     */
    Running start(Host host, Map<String, Object> parameters);

    /** A started service. */
    @FunctionalInterface
    interface Running {
        /** Stops it as killing the daemon would: what it listened on is closed, and so is every connection. */
        void stop();
    }
}
