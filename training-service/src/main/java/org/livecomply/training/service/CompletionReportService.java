package org.livecomply.training.service;

import org.livecomply.commons.report.ReportSink;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.YearlyCompletion;
import org.livecomply.training.domain.report.CompletionReportLayout;
import org.livecomply.training.domain.report.ReportExport;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.training.domain.report.ReportManifest;
import org.livecomply.commons.report.ReportWriter;
import org.livecomply.training.domain.report.ReportYear;
import org.livecomply.training.repository.ReportExportRepository;
import org.livecomply.training.repository.ReportExportRow;

/**
 * The yearly training completion report (Art. 10): one file per audience with a row per subject
 * registered in identity-service by the end of the year, then {@code manifest.json} with counts and
 * SHA-256 per file. The audit record is committed before the first byte leaves; rows are read from
 * identity and evaluated page by page, so memory does not grow with the number of subjects.
 */
@Singleton
public class CompletionReportService {

    public static final String REPORT_PERIOD_NOT_ENDED = "REPORT_PERIOD_NOT_ENDED";

    private final SubjectScan scan;
    private final TrainingStatusService status;
    private final ReportExportRepository audits;
    private final PageTokens pageTokens;
    private final Clock clock;

    public CompletionReportService(SubjectScan scan, TrainingStatusService status, ReportExportRepository audits, PageTokens pageTokens,
                                   Clock clock) {
        this.scan = scan;
        this.status = status;
        this.audits = audits;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** Writes the three files per format, then {@code manifest.json}, to {@code sink}; returns the audit record. */
    public ReportExport export(ReportYear year, List<ReportFormat> formats, ReportSink sink, String exportedBy, ReportExport.Trigger trigger)
            throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!year.endedAt(now)) {
            throw new RuleViolationException(new RuleViolation(REPORT_PERIOD_NOT_ENDED, "Art. 10", year.key(),
                    "the year " + year.key() + " ends at " + year.endTime() + " (China time) and can be reported from then on"));
        }
        ReportExport audit = record(year, formats, exportedBy, trigger, now);
        List<ReportManifest.FileEntry> files = new ArrayList<>();
        for (ReportFormat format : formats) {
            for (Audience audience : Audience.values()) {
                files.add(write(sink, year, audience, format));
            }
        }
        byte[] manifest = new ReportManifest(year, now, formats, files).toJson();
        try (OutputStream out = sink.open(CompletionReportLayout.MANIFEST)) {
            out.write(manifest);
        }
        return audit;
    }

    public PagedResult<ReportExport> list(int pageSize, String pageToken) {
        String query = "ListReportExports";
        List<ReportExportRow> rows = audits.page(pageTokens.resume(pageToken, query, Long.MAX_VALUE), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, ReportExportRow::seq, shown -> shown.stream().map(CompletionReportService::toDomain).toList());
    }

    private ReportManifest.FileEntry write(ReportSink sink, ReportYear year, Audience audience, ReportFormat format) throws IOException {
        String name = format.fileName(CompletionReportLayout.baseName(audience));
        Instant at = year.lastInstant();
        MessageDigest sha256 = sha256();
        long[] counts = {0, 0};
        try (OutputStream out = new DigestOutputStream(sink.open(name), sha256)) {
            ReportWriter writer = ReportWriter.of(format, out);
            writer.header(CompletionReportLayout.COLUMNS);
            scan.forEach(audience, NonComplianceService.pastEnd(year), subjects -> {
                for (YearlyCompletion completion : status.yearly(audience, NonComplianceService.registeredIn(subjects, year), year, at)) {
                    try {
                        writer.row(CompletionReportLayout.row(completion));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    counts[0]++;
                    counts[1] += completion.compliant() ? 0 : 1;
                }
            });
            writer.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ReportManifest.FileEntry(name, format, counts[0], counts[1], HexFormat.of().formatHex(sha256.digest()));
    }

    private ReportExport record(ReportYear year, List<ReportFormat> formats, String exportedBy, ReportExport.Trigger trigger, Instant now) {
        return toDomain(audits.save(new ReportExportRow(null, UUID.randomUUID().toString(), exportedBy, trigger.name(), year.year(),
                formats.stream().map(Enum::name).collect(Collectors.joining(",")), now)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReportExport toDomain(ReportExportRow row) {
        return new ReportExport(row.resourceId(), row.exportedBy(), ReportExport.Trigger.valueOf(row.triggerKind()), row.reportYear(),
                Arrays.stream(row.formats().split(",")).map(ReportFormat::valueOf).toList(), row.exportTime());
    }
}
