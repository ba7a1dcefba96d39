package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.app.dns.DnsService;
import dev.packetlab.stack.app.dns.StubResolver;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** getaddrinfo: literals, /etc/hosts, then DNS, with glibc's words for failures. */
class ResolverTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final List<String> answers = new ArrayList<>();
    private final Resolver.Handler record = new Resolver.Handler() {
        @Override
        public void resolved(Ipv4Address address) { answers.add(address.toString()); }

        @Override
        public void failed(String message) { answers.add(message); }
    };

    @Test
    void aDottedQuadIsAnsweredAtOnceWithoutAnyLookup() {
        Resolver.lookup(pc1, "10.9.9.9", record);

        assertThat(answers).containsExactly("10.9.9.9");
        assertThat(t.sentBy("pc1")).isEmpty();
    }

    @Test
    void aNameInTheHostsFileIsAnsweredAtOnceFromIt() {
        HostsFile.install(pc1).add("srv", Ipv4Address.parse("10.0.0.2"));

        Resolver.lookup(pc1, "SRV", record);

        assertThat(answers).containsExactly("10.0.0.2");
    }

    /** ns at 10.0.0.53 serves example.lab with www A 10.0.1.80; pc1's resolver asks it. */
    private void withNameServer() {
        Host ns = t.host("ns", "10.0.0.53/24");
        t.connect(pc1, ns);
        new DnsService().start(ns, Map.of("zones", Map.of("example.lab",
                List.of(Map.of("name", "www", "type", "A", "value", "10.0.1.80")))));
        StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
    }

    @Test
    void aNameNeitherLiteralNorInTheHostsFileIsAskedOfTheNameServer() {
        withNameServer();
        HostsFile.install(pc1).add("srv", Ipv4Address.parse("10.0.0.2"));

        Resolver.lookup(pc1, "www.example.lab", record);
        t.sim.runUntil(SimTime.seconds(1));

        assertThat(answers).containsExactly("10.0.1.80");
    }

    @Test
    void aNameTheServerSaysDoesNotExistIsNotKnown() {
        withNameServer();

        Resolver.lookup(pc1, "nowhere.example.lab", record);
        t.sim.runUntil(SimTime.seconds(1));

        assertThat(answers).containsExactly("Name or service not known");
    }

    @Test
    void noAnswerFromAnyServerIsATemporaryFailureAfterTheLastRetry() {
        Host ns = t.host("ns", "10.0.0.53/24");
        t.connect(pc1, ns);
        SocketTable s = t.sockets(ns);
        s.bind(s.socket(SocketTable.Type.DGRAM).value(), 53); // takes the queries and never answers
        StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));

        Resolver.lookup(pc1, "www.example.lab", record);
        t.sim.runUntil(SimTime.seconds(6) - 1);
        assertThat(answers).isEmpty();
        t.sim.runUntil(SimTime.seconds(6));

        assertThat(answers).containsExactly("Temporary failure in name resolution");
    }

    @Test
    void anUnknownNameOnANodeWithoutNameServersIsNotKnown() {
        Resolver.lookup(pc1, "nowhere", record);

        assertThat(answers).containsExactly("Name or service not known");
    }
}
