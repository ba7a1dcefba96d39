package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Socket causes as codes a client translates: every cause the stack can word has one. */
class SocketCauseTest {

    /** The stack's sources that word a socket's state change, and the calls that carry the cause. */
    static final List<Path> SOURCES = List.of(
            Path.of("../stack/src/main/java/dev/packetlab/stack/tcp/TcpConnection.java"),
            Path.of("../stack/src/main/java/dev/packetlab/stack/socket/DatagramSocket.java"));
    static final Pattern CALL = Pattern.compile("\\b(setState|destroy|fail|enterTimeWait|moveTo)\\(");

    @Test
    void aFixedCauseIsItsCodeWithNoParameters() {
        assertThat(SocketCause.of("SYN+ACK received")).isEqualTo(new SocketCause("syn-ack-received", Map.of()));
        assertThat(SocketCause.of("2·MSL elapsed")).isEqualTo(new SocketCause("time-wait-ended", Map.of()));
    }

    @Test
    void aCauseWithANumberOrAStateCarriesItAsAParameter() {
        assertThat(SocketCause.of("RST received in SYN_RECV: the half-open connection is dropped").code())
                .isEqualTo("rst-half-open");
        assertThat(SocketCause.of("RST received in LAST_ACK"))
                .isEqualTo(new SocketCause("rst-received-in", Map.of("state", "LAST_ACK")));
        assertThat(SocketCause.of("no ACK after 15 retransmissions"))
                .isEqualTo(new SocketCause("retransmissions-exhausted", Map.of("count", "15")));
        assertThat(SocketCause.of("ICMP destination unreachable (code 3) in SYN_SENT"))
                .isEqualTo(new SocketCause("icmp-unreachable-in-syn-sent", Map.of("code", "3")));
    }

    @Test
    void anUnknownCauseIsOther() {
        assertThat(SocketCause.of("the moon is full")).isEqualTo(new SocketCause("other", Map.of()));
        assertThat(SocketCause.of(null)).isEqualTo(new SocketCause("other", Map.of()));
    }

    @Test
    void everyCauseTheStackWordsHasItsOwnCode() throws IOException {
        List<String> causes = new ArrayList<>();
        for (Path source : SOURCES) causes.addAll(StackTexts.passedTo(Files.readString(source), CALL, List::getLast));
        // a sanity check on the reading itself: these are among them
        assertThat(causes).contains("listen() called", "RST received in 7", "no answer to 7 SYNs",
                "close() called in CLOSE_WAIT", "close() or shutdown() called", "bound to an ephemeral port");

        assertThat(causes).allSatisfy(c -> assertThat(SocketCause.of(c).code()).as(c).isNotEqualTo(SocketCause.OTHER));
        Set<String> used = new LinkedHashSet<>();
        for (String c : causes) used.add(SocketCause.of(c).code());
        assertThat(used).as("codes no cause of the stack has").containsAll(
                SocketCause.codes().stream().filter(c -> !c.equals(SocketCause.OTHER)).toList());
    }
}
