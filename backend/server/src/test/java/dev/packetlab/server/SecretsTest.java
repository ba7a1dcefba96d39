package dev.packetlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void anIdIs128BitsInBase64url() {
        String id = Secrets.newId();

        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    }

    @Test
    void aTokenIs256BitsInBase64url() {
        String token = Secrets.newToken();

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void tenThousandIdsAreAllDifferent() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> ids.add(Secrets.newId()));

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void onlyTwentyTwoBase64urlCharactersAreAnId() {
        assertThat(Secrets.isWellFormedId("AZaz09-_AZaz09-_AZaz09")).isTrue();
        assertThat(Secrets.isWellFormedId("AZaz09-_AZaz09-_AZaz0")).isFalse();
        assertThat(Secrets.isWellFormedId("AZaz09-_AZaz09-_AZaz09A")).isFalse();
        assertThat(Secrets.isWellFormedId("AZaz09+/AZaz09-_AZaz09")).isFalse();
        assertThat(Secrets.isWellFormedId(null)).isFalse();
    }

    @Test
    void theHashIsSha256InLowerCaseHex() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        assertThat(Secrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aTokenMatchesItsOwnHashOnly() {
        String hash = Secrets.hash("token-one");

        assertThat(Secrets.matches("token-one", hash)).isTrue();
        assertThat(Secrets.matches("token-two", hash)).isFalse();
        assertThat(Secrets.matches("", hash)).isFalse();
    }

    @Test
    void noTokenAndNoHashMatchNothing() {
        assertThat(Secrets.matches(null, Secrets.hash(""))).isFalse();
        assertThat(Secrets.matches("token-one", null)).isFalse();
    }
}
