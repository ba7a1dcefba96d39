package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void anUnknownNameOnANodeWithoutNameServersIsNotKnown() {
        Resolver.lookup(pc1, "nowhere", record);

        assertThat(answers).containsExactly("Name or service not known");
    }
}
