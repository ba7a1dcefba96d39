package dev.packetlab.stack.lab.check;

/**
 * Korean particles after a word, chosen by whether the word as read aloud ends in a consonant (받침): 이/가, 을/를,
 * 은/는, 과/와, and (으)로, which takes 로 after ㄹ as after a vowel.
 *
 * <p>Hangul syllables are exact. Technical tokens are read as a Korean reader reads them: a digit by its Sino-Korean
 * name (1 일, 3 삼, 6 육, 7 칠, 8 팔 and 0 — 영, or 십/백/천/만 after other digits — end in a consonant; 2 이, 4 사,
 * 5 오, 9 구 do not); a Latin word in lower case with a vowel as a word ("ping" 핑), anything else in Latin letters by
 * the letters' names (L 엘, M 엠, N 엔, R 알 end in a consonant; the others, such as K 케이 or P 피, do not). Closing
 * punctuation (quotes) is skipped, and a particle after brackets goes with the word before them.
 */
final class Korean {
    private Korean() {}

    /** What a word's last sound is, for choosing a particle. */
    private enum Ending { VOWEL, RIEUL, CONSONANT }

    /** "pc1이", "srv가". */
    static String subject(String word) { return word + (ending(word) == Ending.VOWEL ? "가" : "이"); }

    /** "포트 80을", "pc2를". */
    static String object(String word) { return word + (ending(word) == Ending.VOWEL ? "를" : "을"); }

    /** "TCP는", "pc1은". */
    static String topic(String word) { return word + (ending(word) == Ending.VOWEL ? "는" : "은"); }

    /** "pc3으로", "srv로", "NOERROR로" (ㄹ takes 로 as a vowel does). */
    static String toward(String word) { return word + (ending(word) == Ending.CONSONANT ? "으로" : "로"); }

    private static Ending ending(String word) {
        // a particle after "혼잡 윈도(cwnd)" goes with the word before the brackets, as it is read
        int open = word.lastIndexOf('(');
        if (word.endsWith(")") && open > 0) word = word.substring(0, open).strip();
        for (int i = word.length() - 1; i >= 0; i--) {
            char c = word.charAt(i);
            if (c >= 0xAC00 && c <= 0xD7A3) {
                int batchim = (c - 0xAC00) % 28;
                return batchim == 0 ? Ending.VOWEL : batchim == 8 ? Ending.RIEUL : Ending.CONSONANT;
            }
            if (c >= '0' && c <= '9') {
                return switch (c) {
                    case '2', '4', '5', '9' -> Ending.VOWEL;
                    case '1', '7', '8' -> Ending.RIEUL;
                    default -> Ending.CONSONANT; // 0 (영, 십, 백, 천, 만), 3 삼, 6 육
                };
            }
            if (Character.isLetter(c) && c < 128) return latin(word.substring(0, i + 1));
        }
        return Ending.VOWEL;
    }

    /**
     * A Latin word: one in lower case with a vowel letter is read as a word ("ping" 핑, "web" 웹, "curl" 컬: a final
     * b, g, k, m, n, p or t is a consonant, l is ㄹ); anything else letter by letter (SYN 에스와이엔, srv 에스알브이).
     */
    private static Ending latin(String word) {
        int start = word.length();
        while (start > 0 && Character.isLetter(word.charAt(start - 1)) && word.charAt(start - 1) < 128) start--;
        String last = word.substring(start);
        char c = last.charAt(last.length() - 1);
        if (last.equals(last.toLowerCase()) && last.length() > 1 && last.matches(".*[aeiou].*")) {
            return switch (c) {
                case 'l' -> Ending.RIEUL;
                case 'b', 'g', 'k', 'm', 'n', 'p', 't' -> Ending.CONSONANT;
                default -> Ending.VOWEL;
            };
        }
        return switch (Character.toLowerCase(c)) {
            case 'l', 'r' -> Ending.RIEUL;
            case 'm', 'n' -> Ending.CONSONANT;
            default -> Ending.VOWEL;
        };
    }
}
