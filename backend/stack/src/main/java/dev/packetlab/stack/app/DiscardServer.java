package dev.packetlab.stack.app;

/** {@code discard-server}: the Discard Protocol (RFC 863): reads what clients send and throws it away, port 9. */
final class DiscardServer extends SmallServer {
    @Override
    public String name() { return "discard-server"; }

    @Override
    public String summary() { return "serve the discard protocol: read and throw away what clients send (RFC 863)"; }

    @Override
    String service() { return "discard"; }

    @Override
    int defaultPort() { return 9; }

    @Override
    boolean echoes() { return false; }

    @Override
    String verb() { return "discarded"; }
}
