package org.livecomply.grading.domain.report;

import org.livecomply.commons.report.ReportColumn;
import java.util.ArrayList;
import java.util.List;
import org.livecomply.grading.domain.Disposal;

/**
 * The disposal report file (Art. 12 ¶3): one row per disposal with its Art. 14 notice, the room and the
 * violations it answers. The subject identity of a blacklist or re-registration ban is given in clear:
 * regulators receive real data, and every batch records who exported it.
 */
public final class DisposalReportLayout {

    public static final String DISPOSALS = "disposals";
    public static final String MANIFEST = "manifest.json";

    public static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.text("report_level"), ReportColumn.text("disposal"), ReportColumn.text("room"), ReportColumn.text("live_account_id"),
            ReportColumn.text("room_operator"), ReportColumn.text("marketer"), ReportColumn.text("measure"), ReportColumn.text("session_id"),
            ReportColumn.text("start_time"), ReportColumn.text("end_time"), ReportColumn.text("facts"), ReportColumn.text("reasons"),
            ReportColumn.text("legal_basis"), ReportColumn.text("appeal_channel"), ReportColumn.text("subject_identity_type"),
            ReportColumn.text("subject_identity"), ReportColumn.text("decided_by"), ReportColumn.text("decide_time"),
            ReportColumn.text("revoke_time"), ReportColumn.list("violations", "violation", "red_line", "article", "severity", "occur_time"));

    private DisposalReportLayout() {
    }

    /** A violation as listed in a report row. */
    public record ViolationEntry(String name, String redLine, String article, String severity, String occurTime) {
    }

    /** One row: the disposal, its room's account and operator, the subject identity in clear (or null). */
    public static List<Object> row(String level, Disposal disposal, String liveAccountId, String roomOperator, String identity,
                                   List<ViolationEntry> violations) {
        List<Object> row = new ArrayList<>();
        row.add(level);
        row.add(disposal.name());
        row.add("rooms/" + disposal.roomId());
        row.add(liveAccountId);
        row.add(roomOperator);
        row.add(disposal.marketer());
        row.add(disposal.measure().name());
        row.add(disposal.sessionId());
        row.add(disposal.startTime().toString());
        row.add(disposal.endTime() == null ? null : disposal.endTime().toString());
        row.add(disposal.facts());
        row.add(disposal.reasons());
        row.add(disposal.legalBasis());
        row.add(disposal.appealChannel());
        row.add(disposal.identityType() == null ? null : disposal.identityType().name());
        row.add(identity);
        row.add(disposal.decidedBy());
        row.add(disposal.decideTime().toString());
        row.add(disposal.revokeTime() == null ? null : disposal.revokeTime().toString());
        row.add(violations.stream().map(v -> java.util.Arrays.asList(v.name(), v.redLine(), v.article(), v.severity(), v.occurTime())).toList());
        return row;
    }
}
