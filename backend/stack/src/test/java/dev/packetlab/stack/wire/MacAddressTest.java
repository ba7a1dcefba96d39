package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MacAddressTest {
    @Test
    void parsesTheColonFormIntoTheLow48Bits() {
        assertThat(MacAddress.parse("02:00:00:00:00:01").value()).isEqualTo(0x0200_0000_0001L);
        assertThat(MacAddress.parse("00:0c:29:3e:5b:7c").value()).isEqualTo(0x000c_293e_5b7cL);
    }

    @Test
    void printsLowerCaseColonFormWhateverTheInputCaseOrSeparator() {
        assertThat(MacAddress.parse("AA-BB-CC-DD-EE-0F")).hasToString("aa:bb:cc:dd:ee:0f");
        assertThat(new MacAddress(0x0200_0000_0001L)).hasToString("02:00:00:00:00:01");
        assertThat(new MacAddress(0)).hasToString("00:00:00:00:00:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02:00:00:00:00", "02:00:00:00:00:0g", "02:00:00:00:00:001", "02;00:00:00:00:01",
            "2:00:00:00:00:01:", "02:00:00:00:00:1 ", "０2:00:00:00:00:01"})
    void rejectsTextThatIsNotSixHexOctetsNamingTheText(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a MAC address: \"" + text + "\" (expected six hex octets such as 02:00:00:00:00:01)");
    }

    @Test
    void rejectsMoreThan48Bits() {
        assertThatThrownBy(() -> new MacAddress(1L << 48)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("more than 48 bits: 281474976710656");
    }

    @Test
    void writesAndReadsSixBytesAtAnOffsetInTransmissionOrder() {
        byte[] b = new byte[10];
        MacAddress.parse("01:23:45:67:89:ab").write(b, 3);
        assertThat(b).containsExactly(0, 0, 0, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0);
        assertThat(MacAddress.read(b, 3)).isEqualTo(MacAddress.parse("01:23:45:67:89:ab"));
        assertThat(MacAddress.bits(b, 3)).isEqualTo(0x0123_4567_89abL);
    }

    @Test
    void broadcastIsAllOnesAndAGroupAddress() {
        assertThat(MacAddress.BROADCAST).hasToString("ff:ff:ff:ff:ff:ff");
        assertThat(MacAddress.BROADCAST.isBroadcast()).isTrue();
        assertThat(MacAddress.BROADCAST.isMulticast()).isTrue();
    }

    @Test
    void multicastIsTheIgBitOfTheFirstOctet() {
        MacAddress allHosts = MacAddress.parse("01:00:5e:00:00:01"); // RFC 1112 6.4: 224.0.0.1
        assertThat(allHosts.isMulticast()).isTrue();
        assertThat(allHosts.isBroadcast()).isFalse();
        MacAddress host = MacAddress.parse("02:00:00:00:00:01");
        assertThat(host.isMulticast()).isFalse();
        assertThat(host.isBroadcast()).isFalse();
        assertThat(host.isLocallyAdministered()).isTrue();
        assertThat(MacAddress.parse("00:0c:29:3e:5b:7c").isLocallyAdministered()).isFalse();
    }
}
