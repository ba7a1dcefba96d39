package dev.packetlab.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnerTokenHashTest {

    @Test
    void theHashIsSha256InLowerCaseHex() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        assertThat(OwnerTokenHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aTokenMatchesItsOwnHashOnly() {
        String hash = OwnerTokenHash.of("token-one");

        assertThat(OwnerTokenHash.matches("token-one", hash)).isTrue();
        assertThat(OwnerTokenHash.matches("token-two", hash)).isFalse();
        assertThat(OwnerTokenHash.matches("", hash)).isFalse();
    }

    @Test
    void noTokenMatchesNothing() {
        assertThat(OwnerTokenHash.matches(null, OwnerTokenHash.of(""))).isFalse();
    }
}
