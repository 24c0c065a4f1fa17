package org.livecomply.commons.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON Lines of the regulator report (Art. 9): one object per line, nulls kept, lists as arrays, no formula guard. */
class JsonLinesReportWriterTest {

    @Test
    void writesOneObjectPerLineInColumnOrder() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportWriter writer = ReportWriter.of(ReportFormat.JSON_LINES, bytes);
        writer.header(List.of(ReportColumn.text("name"), ReportColumn.text("email"), ReportColumn.list("live_accounts", "account_id", "display_name")));
        writer.row(Arrays.asList("张\"三", null, List.of(Arrays.asList("acct-1", null))));
        writer.row(Arrays.asList("=x", "a@b.cn", List.of()));
        writer.finish();
        assertEquals("{\"name\":\"张\\\"三\",\"email\":null,\"live_accounts\":[{\"account_id\":\"acct-1\",\"display_name\":null}]}\n"
                + "{\"name\":\"=x\",\"email\":\"a@b.cn\",\"live_accounts\":[]}\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
