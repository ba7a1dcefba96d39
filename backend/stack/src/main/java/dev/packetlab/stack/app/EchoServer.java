package dev.packetlab.stack.app;

/** {@code echo-server}: the Echo Protocol (RFC 862): every byte a client sends comes back, over TCP or UDP, port 7. */
final class EchoServer extends SmallServer {
    @Override
    public String name() { return "echo-server"; }

    @Override
    public String summary() { return "serve the echo protocol: send back what clients send (RFC 862)"; }

    @Override
    String service() { return "echo"; }

    @Override
    int defaultPort() { return 7; }

    @Override
    boolean echoes() { return true; }

    @Override
    String verb() { return "echoed"; }
}
