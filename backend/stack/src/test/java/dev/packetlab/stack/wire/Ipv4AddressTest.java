package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4AddressTest {
    @Test
    void parsesDottedQuadWithTheFirstOctetInTheTopBits() {
        assertThat(Ipv4Address.parse("10.0.0.1").value()).isEqualTo(0x0a00_0001);
        assertThat(Ipv4Address.parse("192.168.1.100").value()).isEqualTo(0xc0a8_0164);
        assertThat(Ipv4Address.parse("0.0.0.0")).isEqualTo(Ipv4Address.ANY);
        assertThat(Ipv4Address.parse("255.255.255.255")).isEqualTo(Ipv4Address.BROADCAST);
    }

    @Test
    void printsDottedQuadTreatingTheIntAsUnsigned() {
        assertThat(new Ipv4Address(0xc0a8_0164)).hasToString("192.168.1.100");
        assertThat(Ipv4Address.BROADCAST).hasToString("255.255.255.255");
        assertThat(Ipv4Address.ANY).hasToString("0.0.0.0");
        assertThat(Ipv4Address.of(172, 16, 0, 254)).hasToString("172.16.0.254");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "192.168.1.300", "10.0.0", "10.0.0.1.", "10..0.1", "a.b.c.d", "1234.0.0.1", " 10.0.0.1",
            "10.0.0.-1", "10.0.0.1/24", "١٠.0.0.1", "10.0.0.0001"})
    void rejectsTextThatIsNotFourOctetsNamingTheText(String text) {
        assertThatThrownBy(() -> Ipv4Address.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an IPv4 address: \"" + text + "\"");
    }

    @Test
    void ofRejectsAnOctetAbove255() {
        assertThatThrownBy(() -> Ipv4Address.of(10, 0, 256, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("octets must be 0..255, got 10.0.256.1");
    }

    @Test
    void writesAndReadsFourBytesAtAnOffsetInNetworkOrder() {
        byte[] b = new byte[6];
        Ipv4Address.parse("192.168.1.1").write(b, 1);
        assertThat(b).containsExactly(0, 0xc0, 0xa8, 0x01, 0x01, 0);
        assertThat(Ipv4Address.read(b, 1)).isEqualTo(Ipv4Address.parse("192.168.1.1"));
        assertThat(Ipv4Address.bits(b, 1)).isEqualTo(0xc0a8_0101);
    }

    @Test
    void knowsBroadcastAndMulticast() {
        assertThat(Ipv4Address.BROADCAST.isBroadcast()).isTrue();
        assertThat(Ipv4Address.parse("224.0.0.1").isMulticast()).isTrue();
        assertThat(Ipv4Address.parse("239.255.255.255").isMulticast()).isTrue();
        assertThat(Ipv4Address.parse("240.0.0.1").isMulticast()).isFalse();
        assertThat(Ipv4Address.parse("10.0.0.1").isMulticast()).isFalse();
    }
}
