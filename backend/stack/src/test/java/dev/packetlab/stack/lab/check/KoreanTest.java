package dev.packetlab.stack.lab.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The particle after a word follows its last sound as read aloud: a final consonant (받침) or not. */
class KoreanTest {

    @Test
    void aHangulSyllableWithAFinalConsonantTakesIAndEul() {
        assertThat(Korean.subject("소켓")).isEqualTo("소켓이");
        assertThat(Korean.object("연결")).isEqualTo("연결을");
    }

    @Test
    void aHangulSyllableEndingInAVowelTakesGaAndReul() {
        assertThat(Korean.subject("윈도")).isEqualTo("윈도가");
        assertThat(Korean.object("업데이트")).isEqualTo("업데이트를");
    }

    @Test
    void aDigitIsReadByItsSinoKoreanName() {
        assertThat(Korean.subject("pc1")).isEqualTo("pc1이"); // 일
        assertThat(Korean.subject("pc2")).isEqualTo("pc2가"); // 이
        assertThat(Korean.object("80")).isEqualTo("80을"); // 팔십
        assertThat(Korean.object("8889")).isEqualTo("8889를"); // 구
    }

    @Test
    void aLatinLetterIsReadByItsName() {
        assertThat(Korean.subject("SYN")).isEqualTo("SYN이"); // 엔
        assertThat(Korean.subject("srv")).isEqualTo("srv가"); // 브이
        assertThat(Korean.object("ACK")).isEqualTo("ACK를"); // 케이
    }

    @Test
    void aLowerCaseLatinWordWithAVowelIsReadAsAWord() {
        assertThat(Korean.subject("ping")).isEqualTo("ping이"); // 핑
        assertThat(Korean.toward("web")).isEqualTo("web으로"); // 웹
        assertThat(Korean.toward("curl")).isEqualTo("curl로"); // 컬
        assertThat(Korean.subject("nc")).isEqualTo("nc가"); // 엔씨
    }

    @Test
    void towardTakesRoAfterRieulAsAfterAVowelAndEuroAfterOtherConsonants() {
        assertThat(Korean.toward("pc1")).isEqualTo("pc1로"); // 일: ㄹ
        assertThat(Korean.toward("NOERROR")).isEqualTo("NOERROR로"); // 알: ㄹ
        assertThat(Korean.toward("TIME_WAIT")).isEqualTo("TIME_WAIT로"); // 티
        assertThat(Korean.toward("LISTEN")).isEqualTo("LISTEN으로"); // 엔
        assertThat(Korean.toward("포트 8888")).isEqualTo("포트 8888로");
        assertThat(Korean.toward("포트 80")).isEqualTo("포트 80으로");
    }

    @Test
    void theTopicParticleFollowsTheSameRule() {
        assertThat(Korean.topic("pc3")).isEqualTo("pc3은");
        assertThat(Korean.topic("TCP")).isEqualTo("TCP는");
    }

    @Test
    void quotesAreSkippedAndAParticleAfterBracketsGoesWithTheWordBeforeThem() {
        assertThat(Korean.object("\"hello\"")).isEqualTo("\"hello\"를");
        assertThat(Korean.subject("재전송 타임아웃(RTO)")).isEqualTo("재전송 타임아웃(RTO)이");
        assertThat(Korean.subject("혼잡 윈도(cwnd)")).isEqualTo("혼잡 윈도(cwnd)가");
    }
}
