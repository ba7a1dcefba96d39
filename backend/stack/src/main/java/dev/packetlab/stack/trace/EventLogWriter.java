package dev.packetlab.stack.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HexFormat;

/**
 * Writes the event log as JSON lines, one event per line, fields in a fixed order, so that two runs of the same lab
 * with the same seed and script produce byte-identical files.
 */
public final class EventLogWriter implements TraceListener {
    private static final HexFormat HEX = HexFormat.of();
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    public EventLogWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void on(TraceEvent event) {
        line.setLength(0);
        line.append("{\"t\":").append(event.time());
        switch (event) {
            case TraceEvent.FrameSent e -> frame("frame-sent", e.node(), e.device(), e.link(), e.frame());
            case TraceEvent.FrameReceived e -> frame("frame-received", e.node(), e.device(), e.link(), e.frame());
            case TraceEvent.FrameDropped e -> {
                field("type", "frame-dropped").field("node", e.node()).field("device", e.device())
                        .field("reason", e.reason().text()).field("detail", e.detail())
                        .field("layer", e.ethernet() ? "ethernet" : "ipv4").field("bytes", HEX.formatHex(e.bytes()));
            }
            case TraceEvent.ArpCacheChanged e -> field("type", "arp-cache").field("node", e.node())
                    .field("change", e.change().name().toLowerCase()).field("address", e.address())
                    .field("mac", e.mac()).field("device", e.device());
            case TraceEvent.MacTableChanged e -> field("type", "mac-table").field("node", e.node())
                    .field("change", e.change().name().toLowerCase()).field("mac", e.mac()).field("port", e.port());
            case TraceEvent.RouteChanged e -> field("type", "route").field("node", e.node())
                    .field("change", e.change().name().toLowerCase()).field("destination", e.destination())
                    .field("via", e.via()).field("device", e.device());
            case TraceEvent.LinkStateChanged e -> field("type", "link-state").field("node", e.node())
                    .field("device", e.device()).field("state", e.up() ? "up" : "down");
            case TraceEvent.TerminalOutput e -> field("type", "terminal").field("node", e.node()).field("text", e.text());
            case TraceEvent.SocketStateChanged e -> field("type", "socket").field("node", e.node())
                    .number("socket", e.socket()).field("protocol", e.protocol()).field("local", e.local())
                    .field("remote", e.remote()).field("from", e.from()).field("to", e.to()).field("cause", e.cause());
            case TraceEvent.TcpVariablesChanged e -> field("type", "tcp-variables").field("node", e.node())
                    .number("socket", e.socket()).number("snd_una", e.sndUna()).number("snd_nxt", e.sndNxt())
                    .number("snd_wnd", e.sndWnd()).number("rcv_nxt", e.rcvNxt()).number("rcv_wnd", e.rcvWnd())
                    .number("cwnd", e.cwnd()).number("ssthresh", e.ssthresh()).number("srtt", e.srtt())
                    .number("rttvar", e.rttvar()).number("rto", e.rto()).number("send_buffered", e.sendBuffered())
                    .number("receive_buffered", e.receiveBuffered());
        }
        line.append("}\n");
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void frame(String type, String node, String device, String link, byte[] frame) {
        field("type", type).field("node", node).field("device", device).field("link", link)
                .field("bytes", HEX.formatHex(frame));
    }

    private EventLogWriter number(String name, long value) {
        line.append(",\"").append(name).append("\":").append(value);
        return this;
    }

    private EventLogWriter field(String name, String value) {
        line.append(",\"").append(name).append("\":");
        if (value == null) {
            line.append("null");
            return this;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) line.append(String.format("\\u%04x", (int) c));
                    else line.append(c);
                }
            }
        }
        line.append('"');
        return this;
    }
}
