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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Drop details as codes a client translates: every detail the stack words has one. */
class DropDetailTest {
    static final Path STACK = Path.of("../stack/src/main/java/dev/packetlab/stack");
    /** Calls that drop with a reason; the detail is the argument after the reason. */
    static final Pattern DROP = Pattern.compile("\\b(drop|frameDropped|packetDropped)\\(");
    /** TcpConnection's drop of a segment's text; the detail is its second argument. */
    static final Pattern DROP_TEXT = Pattern.compile("\\bdropText\\(");
    static final Pattern DETAIL_VARIABLE = Pattern.compile("String detail = ([^;]*);");

    @Test
    void aDetailIsItsCodeWithWhatVariesAsParameters() {
        assertThat(DropDetail.of("lost on pc1:eth0-sw1:p1"))
                .isEqualTo(new DropDetail("lost-on-link", Map.of("link", "pc1:eth0-sw1:p1")));
        assertThat(DropDetail.of("TTL 1 at r1")).isEqualTo(new DropDetail("ttl-expired-at", Map.of("ttl", "1", "node", "r1")));
        assertThat(DropDetail.of("1472 bytes > MTU 576 of eth1")).isEqualTo(new DropDetail("larger-than-route-mtu",
                Map.of("size", "1472", "mtu", "576", "interface", "eth1")));
        assertThat(DropDetail.of("1472 bytes > MTU 576")).isEqualTo(new DropDetail("larger-than-link-mtu",
                Map.of("size", "1472", "mtu", "576")));
    }

    @Test
    void aParsersOwnWordsAndNoDetailAreOther() {
        assertThat(DropDetail.of("IPv4 header checksum 0x1234, expected 0x4321").code()).isEqualTo(DropDetail.OTHER);
        assertThat(DropDetail.of(null)).isEqualTo(new DropDetail(DropDetail.OTHER, Map.of()));
    }

    @Test
    void everyDetailTheStackWordsHasItsOwnCode() throws IOException {
        List<String> details = new ArrayList<>();
        try (Stream<Path> files = Files.walk(STACK)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                details.addAll(StackTexts.passedTo(source, DROP, DropDetailTest::afterTheReason));
                details.addAll(StackTexts.passedTo(source, DROP_TEXT, args -> args.size() == 2 ? args.get(1) : null));
                // a detail worded before the call (Reassembly's)
                Matcher local = DETAIL_VARIABLE.matcher(source);
                while (local.find()) details.add(StackTexts.evaluate(local.group(1)));
            }
        }
        assertThat(details).contains("lost on 7", "TTL 7 at 7", "datagram 7 incomplete after 7 s", "EtherType 0x7 is not spoken here",
                "data after the peer's FIN", "sequence 7 outside the window 7..7: acknowledged and discarded");

        assertThat(details).allSatisfy(d -> assertThat(DropDetail.of(d).code()).as(d).isNotEqualTo(DropDetail.OTHER));
        Set<String> used = new LinkedHashSet<>();
        for (String d : details) used.add(DropDetail.of(d).code());
        assertThat(used).as("codes no detail of the stack has").containsAll(
                DropDetail.codes().stream().filter(c -> !c.equals(DropDetail.OTHER)).toList());
    }

    private static String afterTheReason(List<String> args) {
        for (int i = 0; i + 1 < args.size(); i++) if (args.get(i).contains("DropReason")) return args.get(i + 1);
        return null;
    }
}
