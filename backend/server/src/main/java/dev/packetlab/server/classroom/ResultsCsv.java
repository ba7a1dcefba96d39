package dev.packetlab.server.classroom;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A class's results as CSV (RFC 4180, CRLF line ends, a header row): {@code student,step,passed at,attempts}, one row
 * per student and step with a check. A cell a spreadsheet would run as a formula (one starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return: a student's name is theirs to choose) is prefixed with
 * an apostrophe, as OWASP's "CSV injection" advice says.
 */
final class ResultsCsv {
    static final String HEADER = "student,step,passed at,attempts";

    private ResultsCsv() {}

    record Student(String name, List<StepStatus> steps) {}

    static String write(List<Student> students) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Student s : students) {
            for (StepStatus step : s.steps()) {
                csv.append(cell(s.name())).append(',')
                        .append(step.step()).append(',')
                        .append(step.passedAt() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(step.passedAt()))
                        .append(',')
                        .append(step.attempts())
                        .append("\r\n");
            }
        }
        return csv.toString();
    }

    /** One text cell: defused if a spreadsheet would run it, quoted if it holds a comma, a quote or a line end. */
    static String cell(String text) {
        String t = text;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) t = "'" + t;
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            t = "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }
}
