package dev.packetlab.server.classroom;

/**
 * The name a student joins under: shown on the teacher's dashboard and in the results, so it is kept short and
 * plain. Blanks are collapsed and trimmed; control characters are refused rather than dropped, so what the student
 * sees is what the teacher sees.
 */
final class DisplayNames {
    static final int MAX = 40;

    private DisplayNames() {}

    /**
     * @throws ClassroomException (400) naming what is wrong with it
     */
    static String clean(String name) {
        if (name == null) throw ClassroomException.badName("missing: type the name your teacher will see");
        String clean = name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) throw ClassroomException.badName("empty: type the name your teacher will see");
        if (clean.codePointCount(0, clean.length()) > MAX) {
            throw ClassroomException.badName("longer than " + MAX + " characters");
        }
        if (clean.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
            throw ClassroomException.badName("holds a control character");
        }
        return clean;
    }
}
