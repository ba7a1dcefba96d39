package dev.packetlab.stack.wire;

import java.util.ArrayList;
import java.util.List;

/** Takes frames apart into a {@link Dissection}. Never throws: damage is reported as the dissection's problem. */
public final class Dissector {
    private Dissector() {}

    public static Dissection dissect(byte[] frame) {
        List<Dissection.Layer> layers = new ArrayList<>();
        Decoded<EthernetFrame> decoded = EthernetFrame.decode(frame, 0, frame.length);
        if (decoded instanceof Decoded.Failure<EthernetFrame> f) {
            return new Dissection("Ethernet", "", "", "malformed: " + f.malformed().reason(), layers, f.malformed());
        }
        EthernetFrame eth = decoded.orThrow();
        layers.add(new Dissection.Layer("Ethernet II", 0, EthernetFrame.HEADER_LENGTH, List.of(
                Dissection.Field.bytes("eth.dst", "Destination", mac(eth.destination()), 0, 6),
                Dissection.Field.bytes("eth.src", "Source", eth.source().toString(), 6, 6),
                Dissection.Field.bytes("eth.type", "Type", String.format("%s (0x%04x)", etherTypeName(eth.etherType()),
                        eth.etherType()), 12, 2))));
        String src = eth.source().toString();
        String dst = mac(eth.destination());
        return switch (eth.etherType()) {
            case EthernetFrame.TYPE_ARP -> arp(frame, layers, src, dst);
            case EthernetFrame.TYPE_IPV4 -> ipv4(frame, layers, src, dst);
            default -> new Dissection("Ethernet", src, dst, String.format("EtherType 0x%04x", eth.etherType()), layers, null);
        };
    }

    private static String mac(MacAddress m) {
        return m.isBroadcast() ? "Broadcast (ff:ff:ff:ff:ff:ff)" : m.toString();
    }

    private static String etherTypeName(int type) {
        return switch (type) {
            case EthernetFrame.TYPE_IPV4 -> "IPv4";
            case EthernetFrame.TYPE_ARP -> "ARP";
            default -> "unknown";
        };
    }

    private static Dissection arp(byte[] frame, List<Dissection.Layer> layers, String src, String dst) {
        int at = EthernetFrame.HEADER_LENGTH;
        Decoded<ArpPacket> decoded = ArpPacket.decode(frame, at, frame.length - at);
        if (decoded instanceof Decoded.Failure<ArpPacket> f) {
            return new Dissection("ARP", src, dst, "malformed: " + f.malformed().reason(), layers, f.malformed());
        }
        ArpPacket a = decoded.orThrow();
        boolean request = a.operation() == ArpPacket.REQUEST;
        layers.add(new Dissection.Layer("Address Resolution Protocol (" + (request ? "request" : "reply") + ")", at,
                ArpPacket.LENGTH, List.of(
                Dissection.Field.bytes("arp.hw.type", "Hardware type", "Ethernet (1)", at, 2),
                Dissection.Field.bytes("arp.proto.type", "Protocol type", "IPv4 (0x0800)", at + 2, 2),
                Dissection.Field.bytes("arp.hw.size", "Hardware size", "6", at + 4, 1),
                Dissection.Field.bytes("arp.proto.size", "Protocol size", "4", at + 5, 1),
                Dissection.Field.bytes("arp.opcode", "Opcode", (request ? "request" : "reply") + " (" + a.operation() + ")", at + 6, 2),
                Dissection.Field.bytes("arp.src.hw_mac", "Sender MAC address", a.senderMac().toString(), at + 8, 6),
                Dissection.Field.bytes("arp.src.proto_ipv4", "Sender IP address", a.senderIp().toString(), at + 14, 4),
                Dissection.Field.bytes("arp.dst.hw_mac", "Target MAC address", a.targetMac().toString(), at + 18, 6),
                Dissection.Field.bytes("arp.dst.proto_ipv4", "Target IP address", a.targetIp().toString(), at + 24, 4))));
        String summary = request ? "Who has " + a.targetIp() + "? Tell " + a.senderIp()
                : a.senderIp() + " is at " + a.senderMac();
        return new Dissection("ARP", src, dst, summary, layers, null);
    }

    private static Dissection ipv4(byte[] frame, List<Dissection.Layer> layers, String src, String dst) {
        int at = EthernetFrame.HEADER_LENGTH;
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(frame, at, frame.length - at);
        Malformed problem = ip.check();
        if (problem != null && !problem.badChecksum()) {
            return new Dissection("IPv4", src, dst, "malformed: " + problem.reason(), layers, problem);
        }
        int h = ip.headerLength();
        String flags = (ip.dontFragment() ? "Don't fragment" : "") + (ip.moreFragments() ? (ip.dontFragment() ? ", " : "") + "More fragments" : "");
        layers.add(new Dissection.Layer("Internet Protocol Version 4", at, h, List.of(
                new Dissection.Field("ip.version", "Version", "4", at, 1, 0xf0),
                new Dissection.Field("ip.hdr_len", "Header length", h + " bytes (" + h / 4 + ")", at, 1, 0x0f),
                Dissection.Field.bytes("ip.dsfield", "Differentiated services", String.format("0x%02x", ip.tos()), at + 1, 1),
                Dissection.Field.bytes("ip.len", "Total length", Integer.toString(ip.totalLength()), at + 2, 2),
                Dissection.Field.bytes("ip.id", "Identification", String.format("0x%04x (%d)", ip.identification(), ip.identification()), at + 4, 2),
                new Dissection.Field("ip.flags", "Flags", flags.isEmpty() ? "none" : flags, at + 6, 1, 0xe0),
                new Dissection.Field("ip.frag_offset", "Fragment offset", ip.fragmentOffset() + " (" + ip.fragmentOffset() * 8 + " bytes)", at + 6, 2, 0x1fff),
                Dissection.Field.bytes("ip.ttl", "Time to live", Integer.toString(ip.ttl()), at + 8, 1),
                Dissection.Field.bytes("ip.proto", "Protocol", protocolName(ip.protocol()) + " (" + ip.protocol() + ")", at + 9, 1),
                Dissection.Field.bytes("ip.checksum", "Header checksum", String.format("0x%04x [%s]", ip.checksum(),
                        problem == null ? "correct" : "incorrect, should be " + String.format("0x%04x", ip.expectedChecksum())), at + 10, 2),
                Dissection.Field.bytes("ip.src", "Source address", ip.source().toString(), at + 12, 4),
                Dissection.Field.bytes("ip.dst", "Destination address", ip.destination().toString(), at + 16, 4))));
        String s = ip.source().toString();
        String d = ip.destination().toString();
        if (problem != null) return new Dissection("IPv4", s, d, "bad header checksum", layers, problem);
        if (ip.fragmentOffset() != 0 || ip.moreFragments() && ip.protocol() != 1 && ip.protocol() != 17) {
            return new Dissection("IPv4", s, d, "Fragmented IP protocol (proto=" + protocolName(ip.protocol()) + " "
                    + ip.protocol() + ", off=" + ip.fragmentOffset() * 8 + ", ID=" + String.format("%04x", ip.identification()) + ")",
                    layers, null);
        }
        int payload = ip.payloadOffset();
        int length = ip.payloadLength();
        return switch (ip.protocol()) {
            case 1 -> icmp(frame, layers, ip, payload, length, s, d);
            case 6 -> tcp(frame, layers, ip, payload, length, s, d);
            case 17 -> udp(frame, layers, ip, payload, length, s, d);
            default -> new Dissection("IPv4", s, d, protocolName(ip.protocol()) + " (" + ip.protocol() + ")", layers, null);
        };
    }

    private static String protocolName(int p) {
        return switch (p) {
            case 1 -> "ICMP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            default -> "unknown";
        };
    }

    private static Dissection icmp(byte[] frame, List<Dissection.Layer> layers, Ipv4HeaderView ip, int at, int length,
                                   String s, String d) {
        IcmpView icmp = IcmpView.wrap(frame, at, length);
        Malformed problem = ip.isFragment() ? null : icmp.check();
        if (problem != null && !problem.badChecksum()) {
            return new Dissection("ICMP", s, d, "malformed: " + problem.reason(), layers, problem);
        }
        List<Dissection.Field> fields = new ArrayList<>(List.of(
                Dissection.Field.bytes("icmp.type", "Type", icmp.type() + " (" + icmpTypeName(icmp.type()) + ")", at, 1),
                Dissection.Field.bytes("icmp.code", "Code", Integer.toString(icmp.code()), at + 1, 1),
                Dissection.Field.bytes("icmp.checksum", "Checksum", String.format("0x%04x [%s]", icmp.checksum(),
                        ip.isFragment() ? "unverified: fragmented" : problem == null ? "correct" : "incorrect"), at + 2, 2)));
        String summary;
        boolean echo = icmp.type() == 0 || icmp.type() == 8;
        if (echo) {
            fields.add(Dissection.Field.bytes("icmp.ident", "Identifier", String.format("%d (0x%04x)", icmp.identifier(), icmp.identifier()), at + 4, 2));
            fields.add(Dissection.Field.bytes("icmp.seq", "Sequence number", Integer.toString(icmp.sequence()), at + 6, 2));
            summary = "Echo (ping) " + (icmp.type() == 8 ? "request" : "reply") + "  id=" + String.format("0x%04x", icmp.identifier())
                    + ", seq=" + icmp.sequence() + ", ttl=" + ip.ttl();
        } else {
            if (icmp.type() == 3 && icmp.code() == 4) {
                fields.add(Dissection.Field.bytes("icmp.mtu", "MTU of next hop", Integer.toString(icmp.nextHopMtu()), at + 6, 2));
            }
            summary = icmpTypeName(icmp.type()) + " (" + icmpCodeName(icmp.type(), icmp.code()) + ")";
        }
        layers.add(new Dissection.Layer("Internet Control Message Protocol", at, length, fields));
        if (problem != null) summary += " [bad checksum]";
        return new Dissection("ICMP", s, d, summary, layers, problem);
    }

    private static String icmpTypeName(int type) {
        return switch (type) {
            case 0 -> "Echo (ping) reply";
            case 3 -> "Destination unreachable";
            case 8 -> "Echo (ping) request";
            case 11 -> "Time-to-live exceeded";
            default -> "type " + type;
        };
    }

    private static String icmpCodeName(int type, int code) {
        if (type == 3) {
            return switch (code) {
                case 0 -> "Network unreachable";
                case 1 -> "Host unreachable";
                case 2 -> "Protocol unreachable";
                case 3 -> "Port unreachable";
                case 4 -> "Fragmentation needed";
                default -> "code " + code;
            };
        }
        if (type == 11) return code == 0 ? "Time to live exceeded in transit" : "Fragment reassembly time exceeded";
        return "code " + code;
    }

    private static Dissection udp(byte[] frame, List<Dissection.Layer> layers, Ipv4HeaderView ip, int at, int length,
                                  String s, String d) {
        UdpHeaderView udp = UdpHeaderView.wrap(frame, at, length);
        Malformed problem = ip.isFragment() ? null : udp.check(ip.source(), ip.destination());
        if (problem != null && !problem.badChecksum()) {
            return new Dissection("UDP", s, d, "malformed: " + problem.reason(), layers, problem);
        }
        layers.add(new Dissection.Layer("User Datagram Protocol", at, UdpHeaderView.HEADER_LENGTH, List.of(
                Dissection.Field.bytes("udp.srcport", "Source port", Integer.toString(udp.sourcePort()), at, 2),
                Dissection.Field.bytes("udp.dstport", "Destination port", Integer.toString(udp.destinationPort()), at + 2, 2),
                Dissection.Field.bytes("udp.length", "Length", Integer.toString(udp.length()), at + 4, 2),
                Dissection.Field.bytes("udp.checksum", "Checksum", udp.checksum() == 0 ? "0x0000 [none]"
                        : String.format("0x%04x [%s]", udp.checksum(), problem == null ? "correct" : "incorrect"), at + 6, 2))));
        if (problem == null && !ip.isFragment() && (udp.sourcePort() == DnsHeaderView.PORT || udp.destinationPort() == DnsHeaderView.PORT)) {
            return DnsDissector.dissect(frame, layers, udp.dataOffset(), udp.dataLength(), false, s, d);
        }
        String summary = udp.sourcePort() + " → " + udp.destinationPort() + " Len=" + (udp.length() - UdpHeaderView.HEADER_LENGTH);
        if (problem != null) summary += " [bad checksum]";
        return new Dissection("UDP", s, d, summary, layers, problem);
    }

    private static Dissection tcp(byte[] frame, List<Dissection.Layer> layers, Ipv4HeaderView ip, int at, int length,
                                  String s, String d) {
        TcpHeaderView tcp = TcpHeaderView.wrap(frame, at, length);
        Malformed problem = tcp.check(ip.source(), ip.destination());
        if (problem != null && !problem.badChecksum()) {
            return new Dissection("TCP", s, d, "malformed: " + problem.reason(), layers, problem);
        }
        int h = tcp.headerLength();
        int flagBits = ((NetworkOrder.u8(frame, at + 12) & 0x0f) << 8) | tcp.flags();
        String flagNames = tcp.flags() == 0 ? "<None>" : TcpHeaderView.flagNames(tcp.flags());
        List<Dissection.Field> fields = new ArrayList<>(List.of(
                Dissection.Field.bytes("tcp.srcport", "Source port", Integer.toString(tcp.sourcePort()), at, 2),
                Dissection.Field.bytes("tcp.dstport", "Destination port", Integer.toString(tcp.destinationPort()), at + 2, 2),
                Dissection.Field.bytes("tcp.seq", "Sequence number (raw)", Long.toString(tcp.sequenceNumber()), at + 4, 4),
                Dissection.Field.bytes("tcp.ack", "Acknowledgment number (raw)", Long.toString(tcp.acknowledgmentNumber()), at + 8, 4),
                new Dissection.Field("tcp.hdr_len", "Header length", h + " bytes (" + h / 4 + ")", at + 12, 1, 0xf0),
                new Dissection.Field("tcp.flags", "Flags", String.format("0x%03x [%s]", flagBits, flagNames), at + 12, 2, 0x0fff),
                Dissection.Field.bytes("tcp.window_size_value", "Window", Integer.toString(tcp.window()), at + 14, 2),
                Dissection.Field.bytes("tcp.checksum", "Checksum", String.format("0x%04x [%s]", tcp.checksum(), problem == null
                        ? "correct" : "incorrect, should be " + String.format("0x%04x", tcp.expectedChecksum(ip.source(), ip.destination()))),
                        at + 16, 2),
                Dissection.Field.bytes("tcp.urgent_pointer", "Urgent pointer", Integer.toString(tcp.urgentPointer()), at + 18, 2)));
        StringBuilder summary = new StringBuilder().append(tcp.sourcePort()).append(" → ").append(tcp.destinationPort())
                .append(" [").append(flagNames).append("] Seq=").append(tcp.sequenceNumber());
        if (tcp.ack()) summary.append(" Ack=").append(tcp.acknowledgmentNumber());
        summary.append(" Win=").append(tcp.window());
        if (tcp.urg()) summary.append(" Urg=").append(tcp.urgentPointer());
        summary.append(" Len=").append(tcp.payloadLength());
        if (tcp.optionsLength() > 0) {
            fields.add(Dissection.Field.bytes("tcp.options", "Options", tcp.optionsLength() + " bytes", tcp.optionsOffset(), tcp.optionsLength()));
            for (int o = tcp.optionsOffset(); o < tcp.optionsEnd(); o += tcp.optionLength(o)) tcpOption(frame, tcp, o, fields, summary);
        }
        if (problem != null) summary.append(" [bad checksum]");
        layers.add(new Dissection.Layer("Transmission Control Protocol", at, h, fields));
        int data = tcp.payloadLength();
        if (problem == null && data >= 2 && (tcp.sourcePort() == DnsHeaderView.PORT || tcp.destinationPort() == DnsHeaderView.PORT)
                && NetworkOrder.u16(frame, at + h) == data - 2) {
            return DnsDissector.dissect(frame, layers, at + h, data, true, s, d); // a whole DNS message in one segment
        }
        return new Dissection("TCP", s, d, summary.toString(), layers, problem);
    }

    /** One field per option (per SACK edge), and the option's part of the Info column, as Wireshark writes them. */
    private static void tcpOption(byte[] frame, TcpHeaderView tcp, int o, List<Dissection.Field> fields, StringBuilder summary) {
        int length = tcp.optionLength(o);
        switch (tcp.optionKind(o)) {
            case TcpOptions.KIND_END -> fields.add(Dissection.Field.bytes("tcp.options.eol", "End of Option List (EOL)", "", o, length));
            case TcpOptions.KIND_NOP -> fields.add(Dissection.Field.bytes("tcp.options.nop", "No-Operation (NOP)", "", o, 1));
            case TcpOptions.KIND_MSS -> {
                int mss = NetworkOrder.u16(frame, o + 2);
                fields.add(Dissection.Field.bytes("tcp.options.mss_val", "MSS value", Integer.toString(mss), o + 2, 2));
                summary.append(" MSS=").append(mss);
            }
            case TcpOptions.KIND_WINDOW_SCALE -> {
                int shift = NetworkOrder.u8(frame, o + 2);
                int multiplier = 1 << Math.min(shift, 14); // RFC 7323 2.3: a shift above 14 is taken as 14
                fields.add(Dissection.Field.bytes("tcp.options.wscale.shift", "Window scale shift count",
                        shift + " (multiply by " + multiplier + ")", o + 2, 1));
                summary.append(" WS=").append(multiplier);
            }
            case TcpOptions.KIND_SACK_PERMITTED -> {
                fields.add(Dissection.Field.bytes("tcp.options.sack_perm", "SACK permitted", "present", o, length));
                summary.append(" SACK_PERM");
            }
            case TcpOptions.KIND_TIMESTAMPS -> {
                long tsval = TcpHeaderView.u32(frame, o + 2);
                long tsecr = TcpHeaderView.u32(frame, o + 6);
                fields.add(Dissection.Field.bytes("tcp.options.timestamp.tsval", "Timestamp value", Long.toString(tsval), o + 2, 4));
                fields.add(Dissection.Field.bytes("tcp.options.timestamp.tsecr", "Timestamp echo reply", Long.toString(tsecr), o + 6, 4));
                summary.append(" TSval=").append(tsval).append(" TSecr=").append(tsecr);
            }
            case TcpOptions.KIND_SACK -> {
                for (int i = o + 2; i < o + length; i += 8) {
                    long left = TcpHeaderView.u32(frame, i);
                    long right = TcpHeaderView.u32(frame, i + 4);
                    fields.add(Dissection.Field.bytes("tcp.options.sack_le", "Left edge", Long.toString(left), i, 4));
                    fields.add(Dissection.Field.bytes("tcp.options.sack_re", "Right edge", Long.toString(right), i + 4, 4));
                    summary.append(" SLE=").append(left).append(" SRE=").append(right);
                }
            }
            default -> fields.add(Dissection.Field.bytes("tcp.option_kind", "Option",
                    "kind " + tcp.optionKind(o) + " (" + length + " bytes)", o, length));
        }
    }
}
