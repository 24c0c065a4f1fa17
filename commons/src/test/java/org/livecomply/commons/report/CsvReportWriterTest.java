package org.livecomply.commons.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting and the formula-injection guard of the regulator report's CSV files (Art. 9). */
class CsvReportWriterTest {

    @Test
    void plainValuesAreWrittenAsTheyAre() {
        assertEquals("杭州示例电子商务有限公司", CsvReportWriter.escape("杭州示例电子商务有限公司"));
        assertEquals("13812345678", CsvReportWriter.escape("13812345678"));
        assertEquals("0571-88886666", CsvReportWriter.escape("0571-88886666"), "a fixed line starts with 0, not a formula character");
        assertEquals("", CsvReportWriter.escape(null));
        assertEquals("", CsvReportWriter.escape(""));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithInnerQuotesDoubled() {
        assertEquals("\"a,b\"", CsvReportWriter.escape("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvReportWriter.escape("say \"hi\""));
        assertEquals("\"line1\nline2\"", CsvReportWriter.escape("line1\nline2"));
        assertEquals("\"cr\rhere\"", CsvReportWriter.escape("cr\rhere"));
    }

    @Test
    void cellsAFormulaCouldStartWithArePrefixedWithASingleQuote() {
        assertEquals("'=HYPERLINK(\"\"x\"\")", CsvReportWriter.neutralise("=HYPERLINK(\"\"x\"\")"));
        assertEquals("'+1", CsvReportWriter.escape("+1"));
        assertEquals("'-2", CsvReportWriter.escape("-2"));
        assertEquals("'@SUM(A1)", CsvReportWriter.escape("@SUM(A1)"));
        assertEquals("\"'=1+2,3\"", CsvReportWriter.escape("=1+2,3"), "guard first, then quoting");
        assertEquals("\"'=\"\"x\"\"\"", CsvReportWriter.escape("=\"x\""));
        assertEquals("a=b", CsvReportWriter.escape("a=b"), "only the first character matters");
    }

    @Test
    void writesAHeaderRowAndCrlfRecordsWithListCells() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvReportWriter writer = new CsvReportWriter(bytes);
        writer.header(List.of(ReportColumn.text("name"), ReportColumn.text("email"), ReportColumn.list("live_accounts", "account_id", "display_name")));
        writer.row(Arrays.asList("张三", null, List.of(List.of("acct-1", "张三的直播间"), Arrays.asList("acct-2", null))));
        writer.row(Arrays.asList("=cmd", "a@b.cn", List.of()));
        writer.finish();
        assertEquals("name,email,live_accounts\r\n"
                + "张三,,acct-1 / 张三的直播间; acct-2\r\n"
                + "'=cmd,a@b.cn,\r\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRowMustMatchTheHeader() throws IOException {
        CsvReportWriter writer = new CsvReportWriter(new ByteArrayOutputStream());
        assertThrows(IllegalStateException.class, () -> writer.row(List.of("x")));
        writer.header(List.of(ReportColumn.text("a"), ReportColumn.text("b")));
        assertThrows(IllegalStateException.class, () -> writer.row(List.of("x")));
    }
}
