package dev.packetlab.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JoinCodeTest {

    @Test
    void aCodeIsSixCharactersWithoutTheOnesPeopleConfuse() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = JoinCode.next();
            assertThat(code).hasSize(6);
            for (char ch : code.toCharArray()) seen.add(ch);
        }
        assertThat(seen).doesNotContain('0', 'O', '1', 'I', 'L');
        assertThat(seen).hasSize(JoinCode.ALPHABET.length());
    }

    @Test
    void aTypedCodeIsReadInAnyCaseWithSpacesAndDashes() {
        assertThat(JoinCode.normalize(" k7p-2qx ")).isEqualTo("K7P2QX");
        assertThat(JoinCode.normalize("k7p 2qx")).isEqualTo("K7P2QX");
    }

    @Test
    void aCodeOfTheWrongLengthOrWithACharacterNeverDrawnIsNone() {
        assertThat(JoinCode.normalize("K7P2Q")).isNull();
        assertThat(JoinCode.normalize("K7P2QXX")).isNull();
        assertThat(JoinCode.normalize("K7P2Q0")).isNull();
        assertThat(JoinCode.normalize(null)).isNull();
    }
}
