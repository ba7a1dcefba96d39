package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.DnsMessageTest.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Damaged and hostile DNS messages are refused with a reason that says what is wrong and where. */
class DnsMalformedTest {
    private static String reason(String hexText) {
        byte[] b = hex(hexText);
        Malformed m = DnsMessage.decode(b, 0, b.length).malformedOrNull();
        assertThat(m).as("decoding must fail").isNotNull();
        assertThat(m.protocol()).isEqualTo("DNS");
        return m.reason();
    }

    @Test
    void fewerThanTwelveBytesAreNoHeader() {
        assertThat(reason("1234 0100 0001 0000 0000 00")).isEqualTo("only 11 bytes, a header needs 12");
    }

    @Test
    void aPointerToItselfIsALoop() {
        assertThat(reason("0001 0000 0001 0000 0000 0000  c00c 0001 0001"))
                .isEqualTo("compression pointer at offset 12 points to itself (a loop)");
    }

    @Test
    void aPointerBackIntoItsOwnNameIsALoop() {
        assertThat(reason("0001 0000 0001 0000 0000 0000  01 61 c00c 0001 0001"))
                .isEqualTo("compression pointer at offset 14 points back to 12, inside the name it is part of (a loop)");
    }

    @Test
    void twoPointersToEachOtherAreRefusedAtTheForwardOne() {
        // offset 12 -> 14 and 14 -> 12: following them would never end
        assertThat(reason("0001 0000 0002 0000 0000 0000  c00e c00c 0001 0001"))
                .isEqualTo("compression pointer at offset 12 points forward to 14 (RFC 1035 4.1.4: only to a prior name)");
    }

    @Test
    void aChainOfPointersEachLeadingFurtherBackIsFollowed() {
        // question example.lab. at 12; answer owner www+ptr(12) at 29; CNAME data a+ptr(29) at 45
        byte[] b = hex("""
                0001 8000 0001 0001 0000 0000
                07 6578616d706c65 03 6c6162 00 0001 0001
                03 777777 c00c 0005 0001 0000003c 0004 01 61 c01d
                """);
        DnsRecord r = DnsMessage.decode(b, 0, b.length).orThrow().answers().get(0);
        assertThat(r.name()).isEqualTo(DnsName.parse("www.example.lab"));
        assertThat(r.data()).isEqualTo(new DnsRdata.Cname(DnsName.parse("a.www.example.lab")));
    }

    @Test
    void aPointerCutOffByTheEndOfTheMessageIsRefused() {
        assertThat(reason("0001 0000 0001 0000 0000 0000  01 61 c0"))
                .isEqualTo("compression pointer at offset 14 is cut off");
    }

    @Test
    void aLabelRunningPastTheEndIsRefused() {
        assertThat(reason("0001 0000 0001 0000 0000 0000  05 6162"))
                .isEqualTo("label of 5 bytes at offset 12 runs past the end of the message");
    }

    @Test
    void aReservedLabelTypeIsRefused() {
        assertThat(reason("0001 0000 0001 0000 0000 0000  41 61 00 0001 0001"))
                .isEqualTo("label type 0x40 at offset 12 is not defined (only lengths and 0xc0 pointers are)");
    }

    @Test
    void aNameOver255BytesIsRefused() {
        String label = "3f" + "61".repeat(63); // 64 bytes each
        assertThat(reason("0001 0000 0001 0000 0000 0000 " + label.repeat(4) + "00 0001 0001"))
                .isEqualTo("name at offset 12 is longer than 255 bytes (RFC 1035 2.3.4)");
    }

    @Test
    void aRecordWhoseDataRunsPastTheEndIsRefused() {
        assertThat(reason("0001 8000 0000 0001 0000 0000  00 0001 0001 0000003c 0004 0a00"))
                .isEqualTo("A record data of 4 bytes at offset 23 runs past the end of the message (25 bytes)");
    }

    @Test
    void anARecordMustHoldFourBytes() {
        assertThat(reason("0001 8000 0000 0001 0000 0000  00 0001 0001 0000003c 0005 0a00000102"))
                .isEqualTo("A record data is 5 bytes, not 4");
    }

    @Test
    void aNameInRecordDataMustEndWithinTheData() {
        // CNAME with rdlength 2 whose name takes 3 bytes
        assertThat(reason("0001 8000 0000 0001 0000 0000  00 0005 0001 0000003c 0002 0161 00"))
                .isEqualTo("CNAME record's name at offset 23 runs past its record data");
    }

    @Test
    void moreRecordsAnnouncedThanPresentIsRefused() {
        assertThat(reason("0001 8000 0000 0002 0000 0000  00 0001 0001 0000003c 0004 0a000001"))
                .isEqualTo("the header announces 2 answers but the message ends after 1");
    }

    @Test
    void aTxtStringLongerThanItsRecordIsRefused() {
        assertThat(reason("0001 8000 0000 0001 0000 0000  00 0010 0001 0000003c 0003 05 6162"))
                .isEqualTo("TXT string of 5 bytes at offset 23 runs past its record data");
    }

    @Test
    void soaDataWithoutItsNumbersIsRefused() {
        assertThat(reason("0001 8000 0000 0001 0000 0000  00 0006 0001 0000003c 0006 00 00 00000001"))
                .isEqualTo("SOA record data at offset 25 lacks its 20 bytes of numbers");
    }
}
