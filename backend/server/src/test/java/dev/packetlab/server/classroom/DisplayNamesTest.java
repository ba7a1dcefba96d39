package dev.packetlab.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void blanksAreTrimmedAndCollapsed() {
        assertThat(DisplayNames.clean("  Kim \t Minji  ")).isEqualTo("Kim Minji");
    }

    @Test
    void aKoreanNameOfFortyCharactersIsKept() {
        String name = "김".repeat(40);
        assertThat(DisplayNames.clean(name)).isEqualTo(name);
    }

    @Test
    void fortyOneCharactersAreTooMany() {
        assertThatThrownBy(() -> DisplayNames.clean("x".repeat(41))).hasMessage("name: longer than 40 characters");
    }

    @Test
    void aControlOrInvisibleFormattingCharacterIsRefused() {
        assertThatThrownBy(() -> DisplayNames.clean("Kim\u0007")).hasMessage("name: holds a control character");
        assertThatThrownBy(() -> DisplayNames.clean("Kim\u202Eevil")).hasMessage("name: holds a control character");
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThatThrownBy(() -> DisplayNames.clean(" ")).hasMessage("name: empty: type the name your teacher will see");
        assertThatThrownBy(() -> DisplayNames.clean(null)).hasMessage("name: missing: type the name your teacher will see");
    }

    @Test
    void namesDifferingInCaseAndBlanksAreOneStudent() {
        assertThat(ClassroomStore.nameKey("Kim  MINJI")).isEqualTo(ClassroomStore.nameKey(" kim minji"));
    }
}
