package dev.packetlab.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnguessableIdsTest {

    @Test
    void anIdIs128BitsInBase64url() {
        String id = UnguessableIds.newId();

        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    }

    @Test
    void anOwnerTokenIs256BitsInBase64url() {
        String token = UnguessableIds.newOwnerToken();

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void tenThousandIdsAreAllDifferent() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> ids.add(UnguessableIds.newId()));

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void onlyTwentyTwoBase64urlCharactersAreAnId() {
        assertThat(UnguessableIds.isWellFormedId("AZaz09-_AZaz09-_AZaz09")).isTrue();
        assertThat(UnguessableIds.isWellFormedId("AZaz09-_AZaz09-_AZaz0")).isFalse();
        assertThat(UnguessableIds.isWellFormedId("AZaz09-_AZaz09-_AZaz09A")).isFalse();
        assertThat(UnguessableIds.isWellFormedId("AZaz09+/AZaz09-_AZaz09")).isFalse();
        assertThat(UnguessableIds.isWellFormedId(null)).isFalse();
    }
}
