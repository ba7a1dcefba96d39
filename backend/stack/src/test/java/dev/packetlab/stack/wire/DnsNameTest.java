package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Domain names: presentation form, case-insensitive comparison, and RFC 1035's limits. */
class DnsNameTest {
    @Test
    void aNameIsAbsoluteWithOrWithoutItsFinalDot() {
        assertThat(DnsName.parse("www.example.lab")).isEqualTo(DnsName.parse("www.example.lab."));
        assertThat(DnsName.parse("www.example.lab").labels()).containsExactly("www", "example", "lab");
        assertThat(DnsName.parse("www.example.lab").toString()).isEqualTo("www.example.lab.");
        assertThat(DnsName.parse(".")).isSameAs(DnsName.ROOT);
        assertThat(DnsName.ROOT.toString()).isEqualTo(".");
    }

    @Test
    void namesCompareWithoutRegardToAsciiCaseButKeepTheirSpelling() {
        DnsName upper = DnsName.parse("WWW.Example.LAB");
        assertThat(upper).isEqualTo(DnsName.parse("www.example.lab")).hasSameHashCodeAs(DnsName.parse("www.example.lab"));
        assertThat(upper.toString()).isEqualTo("WWW.Example.LAB.");
        assertThat(upper.canonical()).isEqualTo("www.example.lab.");
    }

    @Test
    void aNameIsUnderItselfItsParentsAndTheRootButNotUnderASiblingEndingTheSame() {
        DnsName www = DnsName.parse("www.example.lab");
        assertThat(www.isSubdomainOf(DnsName.parse("EXAMPLE.lab"))).isTrue();
        assertThat(www.isSubdomainOf(www)).isTrue();
        assertThat(www.isSubdomainOf(DnsName.ROOT)).isTrue();
        assertThat(www.isSubdomainOf(DnsName.parse("ample.lab"))).isFalse();
        assertThat(DnsName.parse("lab").isSubdomainOf(www)).isFalse();
        assertThat(www.parent()).isEqualTo(DnsName.parse("example.lab"));
        assertThat(DnsName.ROOT.parent()).isSameAs(DnsName.ROOT);
    }

    @Test
    void specialOctetsAreEscapedAsDigPrintsThem() {
        DnsName n = DnsName.of(List.of("a.b", "c d", "\u0007"));
        assertThat(n.toString()).isEqualTo("a\\.b.c\\032d.\\007.");
        assertThat(DnsName.parse(n.toString())).isEqualTo(n);
        assertThat(n.labelCount()).isEqualTo(3);
    }

    @Test
    void theWireLengthCountsALengthOctetPerLabelAndTheRoot() {
        assertThat(DnsName.parse("www.example.lab").wireLength()).isEqualTo(17);
        assertThat(DnsName.ROOT.wireLength()).isEqualTo(1);
    }

    @Test
    void aLabelOver63OctetsOrANameOver255AreRefused() {
        assertThatThrownBy(() -> DnsName.parse("a".repeat(64) + ".lab")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is 64 octets, over 63");
        String label = "a".repeat(63);
        assertThatThrownBy(() -> DnsName.parse(String.join(".", label, label, label, label)))
                .hasMessageContaining("name is 257 octets, over 255");
        assertThatThrownBy(() -> DnsName.parse("a..b")).hasMessageContaining("empty label");
    }

    @Test
    void ipv6AddressesPrintAsRfc5952Says() {
        assertThat(DnsRdata.Aaaa.parse("2001:0db8:0000:0000:0000:0000:0000:0080").toString()).isEqualTo("2001:db8::80");
        assertThat(DnsRdata.Aaaa.parse("::1").toString()).isEqualTo("::1");
        assertThat(DnsRdata.Aaaa.parse("2001:db8:0:1:1:1:1:1").toString()).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(DnsRdata.Aaaa.parse("2001:0:0:1:0:0:0:1").toString()).isEqualTo("2001:0:0:1::1");
        assertThatThrownBy(() -> DnsRdata.Aaaa.parse("1::2::3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typesPrintByMnemonicAndUnknownOnesAsTypeN() {
        assertThat(DnsType.name(DnsType.AAAA)).isEqualTo("AAAA");
        assertThat(DnsType.name(65)).isEqualTo("TYPE65");
        assertThat(DnsType.parse("mx")).isEqualTo(DnsType.MX);
        assertThat(DnsType.parse("TYPE65")).isEqualTo(65);
        assertThat(DnsType.parse("BOGUS")).isEqualTo(-1);
        assertThat(DnsType.className(DnsType.CLASS_CH)).isEqualTo("CH");
    }
}
