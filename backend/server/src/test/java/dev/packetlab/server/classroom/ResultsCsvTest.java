package dev.packetlab.server.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {

    @Test
    void oneRowPerStudentAndStepWithWhenItFirstPassedAndTheAttempts() {
        String csv = ResultsCsv.write(List.of(
                new ResultsCsv.Student("Kim", List.of(
                        new StepStatus(1, "passed", "", "", Instant.parse("2026-03-02T09:15:30.123456Z"), 2),
                        new StepStatus(3, "pending", "", "", null, 5))),
                new ResultsCsv.Student("Lee", List.of())));

        assertThat(csv).isEqualTo("student,step,passed at,attempts\r\n"
                + "Kim,1,2026-03-02T09:15:30.123456Z,2\r\n"
                + "Kim,3,,5\r\n");
    }

    @Test
    void aNameWithACommaOrQuoteIsQuotedAsRfc4180Says() {
        assertThat(ResultsCsv.cell("Kim, Minji")).isEqualTo("\"Kim, Minji\"");
        assertThat(ResultsCsv.cell("Kim \"MJ\"")).isEqualTo("\"Kim \"\"MJ\"\"\"");
    }

    @Test
    void aNameASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(ResultsCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ResultsCsv.cell("+1")).isEqualTo("'+1");
        assertThat(ResultsCsv.cell("-1")).isEqualTo("'-1");
        assertThat(ResultsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
