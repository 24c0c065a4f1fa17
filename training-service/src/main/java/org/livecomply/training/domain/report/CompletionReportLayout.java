package org.livecomply.training.domain.report;

import org.livecomply.commons.report.ReportColumn;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.MissingCourse;
import org.livecomply.training.domain.TrainingStatus;
import org.livecomply.training.domain.YearlyCompletion;

/** The files of the yearly completion report and their columns (one row per subject, Art. 10). */
public final class CompletionReportLayout {

    public static final String MANIFEST = "manifest.json";
    public static final List<ReportColumn> COLUMNS = List.of(
            ReportColumn.text("subject"),
            ReportColumn.text("mcn_institution"),
            ReportColumn.text("pre_service_required"),
            ReportColumn.text("pre_service_complete"),
            ReportColumn.text("pre_service_complete_time"),
            ReportColumn.text("annual_complete"),
            ReportColumn.list("annual_courses_passed", "code"),
            ReportColumn.list("missing_courses", "course", "kind", "refused"),
            ReportColumn.text("refusals_in_year"),
            ReportColumn.text("compliant"),
            ReportColumn.text("evaluate_time"));

    private CompletionReportLayout() {
    }

    /** {@code marketers}, {@code room_operators} or {@code mcn_institutions}. */
    public static String baseName(Audience audience) {
        return switch (audience) {
            case MARKETER -> "marketers";
            case ROOM_OPERATOR -> "room_operators";
            case MCN -> "mcn_institutions";
        };
    }

    public static List<Object> row(YearlyCompletion completion) {
        TrainingStatus status = completion.status();
        return Arrays.asList(
                status.subject().name(),
                completion.mcnInstitution(),
                Boolean.toString(status.preServiceRequired()),
                Boolean.toString(status.preServiceComplete()),
                text(status.preServiceCompleteTime()),
                Boolean.toString(status.annualCurrent()),
                status.annualCodesPassed().stream().map(List::of).toList(),
                status.missingCourses().stream().map(CompletionReportLayout::missing).toList(),
                Integer.toString(completion.refusalCount()),
                Boolean.toString(completion.compliant()),
                status.evaluateTime().toString());
    }

    private static List<String> missing(MissingCourse missing) {
        return List.of(missing.course().name(), missing.course().kind().name(), Boolean.toString(missing.refused()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
