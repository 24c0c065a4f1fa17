package org.livecomply.identity.service;

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
import org.livecomply.identity.domain.report.ReportColumn;
import org.livecomply.identity.domain.report.ReportExport;
import org.livecomply.identity.domain.report.ReportFormat;
import org.livecomply.identity.domain.report.ReportLayout;
import org.livecomply.identity.domain.report.ReportManifest;
import org.livecomply.identity.domain.report.ReportPeriod;
import org.livecomply.identity.domain.report.ReportWriter;
import org.livecomply.identity.repository.RegulatorReportStore;
import org.livecomply.identity.repository.ReportExportRepository;
import org.livecomply.identity.repository.ReportExportRow;

/**
 * The half-yearly identity report to the provincial market regulator (Art. 9). The audit record (who,
 * when, period, counts) is committed before the first byte leaves, so there is no export without its
 * record; the counts are taken first and the files must match them, otherwise the export fails before
 * its manifest. Rows are read and written page by page.
 */
@Singleton
public class RegulatorReportService {

    public static final String REPORT_PERIOD_NOT_ENDED = "REPORT_PERIOD_NOT_ENDED";

    private final RegulatorReportStore store;
    private final ReportExportRepository audits;
    private final PageTokens pageTokens;
    private final Clock clock;

    public RegulatorReportService(RegulatorReportStore store, ReportExportRepository audits, PageTokens pageTokens, Clock clock) {
        this.store = store;
        this.audits = audits;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** Writes the three files per format, then {@code manifest.json}, to {@code sink}; returns the audit record. */
    public ReportExport export(ReportPeriod period, List<ReportFormat> formats, ReportSink sink, String exportedBy,
                               ReportExport.Trigger trigger) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!period.endedAt(now)) {
            // Art. 9: the report covers a past half year, reported in the following January or July.
            throw new RuleViolationException(new RuleViolation(REPORT_PERIOD_NOT_ENDED, ReportPeriod.ARTICLE, period.key(),
                    ReportPeriod.ARTICLE + ": the half year " + period.key() + " ends at " + period.endTime()
                            + " and can be reported from then on"));
        }
        RegulatorReportStore.Counts counts = store.count(period.endTime());
        ReportExport audit = record(period, formats, exportedBy, trigger, counts, now);
        List<ReportManifest.FileEntry> files = new ArrayList<>();
        for (ReportFormat format : formats) {
            files.add(write(sink, ReportLayout.REGISTERED_ROOM_OPERATORS, format, ReportLayout.REGISTERED_COLUMNS,
                    counts.registeredRoomOperators(), (writer, counter) -> store.forEachRoomOperator(false, period.endTime(), entry -> {
                        writer.row(ReportLayout.registered(entry));
                        counter[0]++;
                    })));
            files.add(write(sink, ReportLayout.UNREGISTERED_ROOM_OPERATORS, format, ReportLayout.UNREGISTERED_COLUMNS,
                    counts.unregisteredRoomOperators(), (writer, counter) -> store.forEachRoomOperator(true, period.endTime(), entry -> {
                        writer.row(ReportLayout.unregistered(entry));
                        counter[0]++;
                    })));
            files.add(write(sink, ReportLayout.MARKETERS, format, ReportLayout.MARKETER_COLUMNS,
                    counts.marketers(), (writer, counter) -> store.forEachMarketer(period.endTime(), entry -> {
                        writer.row(ReportLayout.marketer(entry));
                        counter[0]++;
                    })));
        }
        byte[] manifest = new ReportManifest(period, now, formats, files).toJson();
        try (OutputStream out = sink.open(ReportLayout.MANIFEST)) {
            out.write(manifest);
        }
        return audit;
    }

    public PagedResult<ReportExport> list(int pageSize, String pageToken) {
        String query = "ListReportExports";
        List<ReportExportRow> rows = audits.page(pageTokens.resume(pageToken, query, Long.MAX_VALUE), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, ReportExportRow::seq, shown -> shown.stream().map(RegulatorReportService::toDomain).toList());
    }

    public Instant now() {
        return clock.instant();
    }

    private ReportExport record(ReportPeriod period, List<ReportFormat> formats, String exportedBy, ReportExport.Trigger trigger,
                                RegulatorReportStore.Counts counts, Instant now) {
        ReportExportRow row = audits.save(new ReportExportRow(null, UUID.randomUUID().toString(), exportedBy, trigger.name(),
                period.year(), period.half().name(), formats.stream().map(Enum::name).collect(Collectors.joining(",")),
                period.startTime(), period.endTime(), counts.registeredRoomOperators(), counts.unregisteredRoomOperators(),
                counts.marketers(), now));
        return toDomain(row);
    }

    /** Fills one file through a writer, counting records. */
    @FunctionalInterface
    private interface Rows {
        void write(ReportWriter writer, long[] counter) throws IOException;
    }

    private static ReportManifest.FileEntry write(ReportSink sink, String baseName, ReportFormat format, List<ReportColumn> columns,
                                                  long expected, Rows rows) throws IOException {
        String name = format.fileName(baseName);
        MessageDigest sha256 = sha256();
        long[] counter = {0};
        try (OutputStream out = new DigestOutputStream(sink.open(name), sha256)) {
            ReportWriter writer = ReportWriter.of(format, out);
            writer.header(columns);
            rows.write(writer, counter);
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
        return new ReportExport(row.resourceId(), row.exportedBy(), ReportExport.Trigger.valueOf(row.triggerKind()),
                new ReportPeriod(row.reportYear(), ReportPeriod.Half.valueOf(row.reportHalf())),
                Arrays.stream(row.formats().split(",")).map(ReportFormat::valueOf).toList(),
                row.registeredRoomOperatorCount(), row.unregisteredRoomOperatorCount(), row.marketerCount(), row.exportTime());
    }
}
