package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.wire.ArpPacket;
import dev.packetlab.stack.wire.ArpView;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.EthernetFrame;
import dev.packetlab.stack.wire.EthernetView;
import dev.packetlab.stack.wire.IcmpView;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.MacAddress;
import dev.packetlab.stack.wire.TcpHeaderView;
import dev.packetlab.stack.wire.UdpHeaderView;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header fields checks look at, read once per traced frame: Ethernet, then ARP or IPv4, then ICMP, UDP or TCP;
 * DNS (UDP port 53) and the first line of an HTTP message are read only when a check asks. A frame whose headers do
 * not parse keeps what did parse and reports the rest as absent, so a damaged frame matches nothing it cannot show.
 *
 * <p>Addresses are kept as {@link dev.packetlab.stack.wire.Ipv4Address#value()} ints; -1 means "no such layer".
 */
final class DecodedFrame {
    static final int NONE = -1;
    static final int DNS_PORT = 53;
    /** RFC 9112 3 (request-line) and 4 (status-line), read from the first bytes of a TCP payload. */
    private static final Pattern REQUEST_LINE = Pattern.compile("^([A-Z]+) (\\S+) HTTP/\\d\\.\\d\r?\n");
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d\\.\\d (\\d{3})[ \r\n]");

    final byte[] bytes;
    final boolean ethernet;
    long ethSource = NONE;
    long ethDestination = NONE;
    int arpOperation = NONE;
    int arpSender = NONE;
    int arpTarget = NONE;
    boolean ip;
    int ipSource;
    int ipDestination;
    int ipProtocol = NONE;
    boolean fragment;
    /** Whether this is the first (or only) fragment, the one that carries the transport header. */
    boolean firstFragment;
    int icmpType = NONE;
    int icmpCode = NONE;
    boolean tcp;
    boolean udp;
    int sourcePort = NONE;
    int destinationPort = NONE;
    int tcpFlags;
    long seq;
    long ack;
    int window;
    int payloadOffset;
    int payloadLength;
    private boolean dnsRead;
    private DnsMessage dns;
    private boolean httpRead;
    private String httpMethod;
    private int httpStatus = NONE;

    private DecodedFrame(byte[] bytes, boolean ethernet) {
        this.bytes = bytes;
        this.ethernet = ethernet;
    }

    /** An Ethernet frame as a NIC sent or received it. */
    static DecodedFrame ethernet(byte[] frame) {
        DecodedFrame f = new DecodedFrame(frame, true);
        EthernetView eth = EthernetView.wrap(frame, 0, frame.length);
        if (eth.check() != null) return f;
        f.ethSource = eth.sourceBits();
        f.ethDestination = eth.destinationBits();
        int at = eth.payloadOffset();
        switch (eth.etherType()) {
            case EthernetFrame.TYPE_ARP -> f.arp(at);
            case EthernetFrame.TYPE_IPV4 -> f.ipv4(at);
            default -> { }
        }
        return f;
    }

    /** An IPv4 packet dropped before it had an Ethernet header (no route, no ARP reply for a packet of its own). */
    static DecodedFrame ipv4(byte[] packet) {
        DecodedFrame f = new DecodedFrame(packet, false);
        f.ipv4(0);
        return f;
    }

    private void arp(int at) {
        ArpView a = ArpView.wrap(bytes, at, bytes.length - at);
        if (a.check() != null) return;
        arpOperation = a.operation();
        arpSender = a.senderIp().value();
        arpTarget = a.targetIp().value();
    }

    private void ipv4(int at) {
        Ipv4HeaderView h = Ipv4HeaderView.wrap(bytes, at, bytes.length - at);
        if (h.checkStructure() != null) return;
        ip = true;
        ipSource = h.sourceBits();
        ipDestination = h.destinationBits();
        ipProtocol = h.protocol();
        fragment = h.isFragment();
        firstFragment = h.fragmentOffset() == 0;
        if (!firstFragment) return; // later fragments carry no transport header
        int t = h.payloadOffset();
        int length = h.payloadLength();
        switch (ipProtocol) {
            case Ipv4HeaderView.PROTOCOL_ICMP -> {
                IcmpView icmp = IcmpView.wrap(bytes, t, length);
                if (icmp.length() < IcmpView.HEADER_LENGTH) return;
                icmpType = icmp.type();
                icmpCode = icmp.code();
            }
            case Ipv4HeaderView.PROTOCOL_UDP -> {
                UdpHeaderView u = UdpHeaderView.wrap(bytes, t, length);
                if (length < UdpHeaderView.HEADER_LENGTH || bytes.length < t + UdpHeaderView.HEADER_LENGTH) return;
                udp = true;
                sourcePort = u.sourcePort();
                destinationPort = u.destinationPort();
                payloadOffset = u.dataOffset();
                payloadLength = Math.min(length, bytes.length - t) - UdpHeaderView.HEADER_LENGTH;
            }
            case Ipv4HeaderView.PROTOCOL_TCP -> {
                TcpHeaderView s = TcpHeaderView.wrap(bytes, t, length);
                if (fragment || s.checkStructure() != null) return;
                tcp = true;
                sourcePort = s.sourcePort();
                destinationPort = s.destinationPort();
                tcpFlags = s.flags();
                seq = s.sequenceNumber();
                ack = s.acknowledgmentNumber();
                window = s.window();
                payloadOffset = s.payloadOffset();
                payloadLength = s.payloadLength();
            }
            default -> { }
        }
    }

    boolean arp() { return arpOperation != NONE; }

    boolean arpRequest() { return arpOperation == ArpPacket.REQUEST; }

    boolean broadcast() { return ethDestination == MacAddress.BROADCAST.value(); }

    boolean has(int flag) { return (tcpFlags & flag) != 0; }

    /** Whether either end uses {@code port} (TCP or UDP). */
    boolean port(int port) { return sourcePort == port || destinationPort == port; }

    /** The DNS message of a UDP datagram to or from port 53, or null. */
    DnsMessage dns() {
        if (!dnsRead) {
            dnsRead = true;
            if (udp && port(DNS_PORT) && !fragment) {
                dns = DnsMessage.decode(bytes, payloadOffset, payloadLength).valueOrNull();
            }
        }
        return dns;
    }

    /** The method of an HTTP request starting in this segment, or null. */
    String httpMethod() {
        readHttp();
        return httpMethod;
    }

    /** The status code of an HTTP response starting in this segment, or {@link #NONE}. */
    int httpStatus() {
        readHttp();
        return httpStatus;
    }

    /**
     * An HTTP message is recognised by the segment its start line begins in (RFC 9112 2.1): the line is short
     * enough to arrive whole in one segment of any MSS a lab can set.
     */
    private void readHttp() {
        if (httpRead) return;
        httpRead = true;
        if (!tcp || payloadLength <= 0) return;
        String start = new String(bytes, payloadOffset, Math.min(payloadLength, 200), StandardCharsets.ISO_8859_1);
        Matcher m = REQUEST_LINE.matcher(start);
        if (m.find()) {
            httpMethod = m.group(1);
            return;
        }
        m = STATUS_LINE.matcher(start);
        if (m.find()) httpStatus = Integer.parseInt(m.group(1));
    }

    /** Whether the TCP or UDP payload holds {@code text}, given as the bytes programs send for it (UTF-8). */
    boolean payloadContains(byte[] text) {
        if (!(tcp || udp) || payloadLength < text.length) return false;
        int end = payloadOffset + Math.min(payloadLength, bytes.length - payloadOffset) - text.length;
        outer:
        for (int i = payloadOffset; i <= end; i++) {
            for (int j = 0; j < text.length; j++) if (bytes[i + j] != text[j]) continue outer;
            return true;
        }
        return false;
    }
}
