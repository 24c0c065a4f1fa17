package org.livecomply.identity.service;

import org.livecomply.commons.report.ReportSink;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
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
import org.livecomply.identity.domain.report.HalfYear;
import org.livecomply.commons.report.ReportColumn;
import org.livecomply.identity.domain.report.ReportExport;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.identity.domain.report.ReportKind;
import org.livecomply.identity.domain.report.ReportLayout;
import org.livecomply.identity.domain.report.ReportManifest;
import org.livecomply.identity.domain.report.ReportPeriod;
import org.livecomply.commons.report.ReportWriter;
import org.livecomply.identity.domain.report.TaxQuarter;
import org.livecomply.identity.repository.ReportExportRepository;
import org.livecomply.identity.repository.ReportExportRow;
import org.livecomply.identity.repository.ReportSubjects;

/**
 * What every identity report export shares: it is refused while its period runs; the audit record (who,
 * when, period, counts) is committed before the first byte leaves, so there is no export without its
 * record; the counts are taken first and the files must match them, otherwise the export fails before its
 * manifest; each file is hashed as it is written; {@code manifest.json} comes last.
 */
@Singleton
public class ReportExporter {

    public static final String REPORT_PERIOD_NOT_ENDED = "REPORT_PERIOD_NOT_ENDED";

    private final ReportSubjects subjects;
    private final ReportExportRepository audits;
    private final PageTokens pageTokens;
    private final Clock clock;

    public ReportExporter(ReportSubjects subjects, ReportExportRepository audits, PageTokens pageTokens, Clock clock) {
        this.subjects = subjects;
        this.audits = audits;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** Writes one file's records through a writer. */
    @FunctionalInterface
    public interface Rows {
        void write(RowSink rows) throws IOException;
    }

    /** Takes one record, values aligned with the file's columns. */
    @FunctionalInterface
    public interface RowSink {
        void row(List<Object> values) throws IOException;
    }

    /** One data file: its columns and its records. */
    public record FileContent(List<ReportColumn> columns, Rows rows) {
    }

    /** The three files every identity report has, each over the same subjects: registered and unregistered room operators, marketers. */
    public record SubjectFiles(FileContent registeredRoomOperators, FileContent unregisteredRoomOperators, FileContent marketers) {
    }

    /** Writes the three files per format, then {@code manifest.json}, to {@code sink}; returns the audit record. */
    public ReportExport export(ReportPeriod period, List<ReportFormat> formats, SubjectFiles content, ReportSink sink, String exportedBy,
                               ReportExport.Trigger trigger) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!period.endedAt(now)) {
            // Art. 9 and Order 810 alike: a report covers a period that is over, reported in the month after it.
            String article = period.kind().article();
            throw new RuleViolationException(new RuleViolation(REPORT_PERIOD_NOT_ENDED, article, period.key(),
                    article + ": the period " + period.key() + " ends at " + period.endTime() + " and can be reported from then on"));
        }
        ReportSubjects.Counts counts = subjects.count(period.endTime());
        ReportExport audit = record(period, formats, exportedBy, trigger, counts, now);
        List<ReportManifest.FileEntry> files = new ArrayList<>();
        for (ReportFormat format : formats) {
            files.add(write(sink, ReportLayout.REGISTERED_ROOM_OPERATORS, format, content.registeredRoomOperators(), counts.registeredRoomOperators()));
            files.add(write(sink, ReportLayout.UNREGISTERED_ROOM_OPERATORS, format, content.unregisteredRoomOperators(),
                    counts.unregisteredRoomOperators()));
            files.add(write(sink, ReportLayout.MARKETERS, format, content.marketers(), counts.marketers()));
        }
        byte[] manifest = new ReportManifest(period, now, formats, files).toJson();
        try (OutputStream out = sink.open(ReportLayout.MANIFEST)) {
            out.write(manifest);
        }
        return audit;
    }

    /** The audit records of both report kinds, newest first. */
    public PagedResult<ReportExport> list(int pageSize, String pageToken) {
        String query = "ListReportExports";
        List<ReportExportRow> rows = audits.page(pageTokens.resume(pageToken, query, Long.MAX_VALUE), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, ReportExportRow::seq, shown -> shown.stream().map(ReportExporter::toDomain).toList());
    }

    private ReportExport record(ReportPeriod period, List<ReportFormat> formats, String exportedBy, ReportExport.Trigger trigger,
                                ReportSubjects.Counts counts, Instant now) {
        ReportExportRow row = audits.save(new ReportExportRow(null, UUID.randomUUID().toString(), exportedBy, trigger.name(),
                period.year(), period instanceof HalfYear half ? half.half().name() : null,
                formats.stream().map(Enum::name).collect(Collectors.joining(",")),
                period.startTime(), period.endTime(), counts.registeredRoomOperators(), counts.unregisteredRoomOperators(),
                counts.marketers(), now, period.kind().name(), period instanceof TaxQuarter quarter ? quarter.quarter() : null));
        return toDomain(row);
    }

    /** Writes one file, hashing its bytes and counting its records; its manifest entry. */
    private static ReportManifest.FileEntry write(ReportSink sink, String baseName, ReportFormat format, FileContent content, long expected)
            throws IOException {
        String name = format.fileName(baseName);
        MessageDigest sha256 = sha256();
        long[] counter = {0};
        try (OutputStream out = new DigestOutputStream(sink.open(name), sha256)) {
            ReportWriter writer = ReportWriter.of(format, out);
            writer.header(content.columns());
            content.rows().write(values -> {
                writer.row(values);
                counter[0]++;
            });
            writer.finish();
        }
        if (counter[0] != expected) {
            // Subjects are never deleted and the period has ended, so this means the data changed under us.
            throw new IllegalStateException(name + " holds " + counter[0] + " records, " + expected + " were counted and audited");
        }
        return new ReportManifest.FileEntry(name, format, counter[0], HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReportExport toDomain(ReportExportRow row) {
        ReportPeriod period = switch (ReportKind.valueOf(row.reportKind())) {
            case REGULATOR -> new HalfYear(row.reportYear(), HalfYear.Half.valueOf(row.reportHalf()));
            case TAX -> new TaxQuarter(row.reportYear(), row.reportQuarter());
        };
        return new ReportExport(row.resourceId(), row.exportedBy(), ReportExport.Trigger.valueOf(row.triggerKind()), period,
                Arrays.stream(row.formats().split(",")).map(ReportFormat::valueOf).toList(),
                row.registeredRoomOperatorCount(), row.unregisteredRoomOperatorCount(), row.marketerCount(), row.exportTime());
    }
}
