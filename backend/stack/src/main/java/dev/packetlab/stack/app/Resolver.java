package dev.packetlab.stack.app;

import dev.packetlab.stack.app.dns.StubResolver;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsType;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.List;

/**
 * {@code getaddrinfo} for IPv4, as glibc answers it with {@code hosts: files dns} in nsswitch.conf: a dotted quad
 * stands for itself, then the node's {@code /etc/hosts} ({@link HostsFile}), then DNS through the node's stub
 * resolver. Programs that take a host name ({@code curl}, {@code nc}, {@code ping}) call this and continue on the
 * simulation clock when the answer is known; a failure is worded as {@code gai_strerror} words it, so a learner sees
 * the message a real tool would print.
 */
public final class Resolver {
    /** EAI_NONAME: the name does not exist (NXDOMAIN, or no name service knows it). */
    public static final String NAME_NOT_KNOWN = "Name or service not known";
    /** EAI_AGAIN: no name server answered (timeouts, SERVFAIL, unreachable servers). */
    public static final String TEMPORARY_FAILURE = "Temporary failure in name resolution";

    /** Where a lookup continues: with the address, or with gai_strerror's words for why there is none. */
    public interface Handler {
        void resolved(Ipv4Address address);

        void failed(String message);
    }

    private Resolver() {}

    /**
     * A dotted quad at once; then the node's /etc/hosts (HostsFile.of(node)); then DNS through the node's stub
     * resolver; failures in glibc's gai_strerror words ("Name or service not known", "Temporary failure in name
     * resolution"). Continues on simulated time.
     */
    public static void lookup(Node node, String name, Handler handler) {
        Ipv4Address literal = HostsFile.parseAddress(name);
        if (literal != null) {
            handler.resolved(literal);
            return;
        }
        HostsFile file = HostsFile.of(node);
        Ipv4Address listed = file == null ? null : file.lookup(name);
        if (listed != null) {
            handler.resolved(listed);
            return;
        }
        StubResolver stub = StubResolver.of(node);
        DnsName dnsName = dnsName(name);
        if (stub == null || stub.servers().isEmpty() || dnsName == null) {
            handler.failed(NAME_NOT_KNOWN); // glibc without name servers asks 127.0.0.1, where nothing listens here
            return;
        }
        stub.resolve(dnsName, DnsType.A, result -> {
            switch (result.outcome()) {
                case ANSWER -> {
                    List<Ipv4Address> addresses = result.addresses();
                    if (addresses.isEmpty()) handler.failed(NAME_NOT_KNOWN);
                    else handler.resolved(addresses.get(0));
                }
                case NXDOMAIN, NODATA -> handler.failed(NAME_NOT_KNOWN);
                case SERVER_FAILURE, NO_ANSWER -> handler.failed(TEMPORARY_FAILURE);
            }
        });
    }

    private static DnsName dnsName(String name) {
        try {
            return DnsName.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
