package org.livecomply.consumer.service;

import io.micronaut.transaction.annotation.Transactional;
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
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.consumer.domain.Category;
import org.livecomply.consumer.domain.RegulatorClue;
import org.livecomply.consumer.domain.report.ClueExport;
import org.livecomply.consumer.domain.report.ClueManifest;
import org.livecomply.commons.report.ReportColumn;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.commons.report.ReportSink;
import org.livecomply.commons.report.ReportWriter;
import org.livecomply.consumer.repository.ClueExportRepository;
import org.livecomply.consumer.repository.ClueExportRow;
import org.livecomply.consumer.repository.ComplaintRepository;
import org.livecomply.consumer.repository.ComplaintRow;
import org.livecomply.consumer.repository.RegulatorClueRepository;
import org.livecomply.consumer.repository.RegulatorClueRow;

/**
 * Regulator clues (Art. 46; ECL Art. 29): reading them, and exporting a period's clues as CSV or JSON Lines
 * plus a manifest with the count and SHA-256. The audit record is committed before the first byte leaves, so
 * there is no export without its record.
 */
@Singleton
public class ClueService {

    public static final String NOT_FOUND = "REGULATOR_CLUE_NOT_FOUND";
    public static final String FILE_BASE = "regulator_clues";
    public static final String MANIFEST = "manifest.json";
    public static final List<String> COLUMNS = List.of("clue", "complaint", "create_time", "regulator", "reasons", "category", "order_id",
            "room", "room_operator", "marketer", "escalated_by", "complaint_create_time", "complaint_description");
    private static final int PAGE = 200;

    private final RegulatorClueRepository clues;
    private final ComplaintRepository complaints;
    private final ClueExportRepository exports;
    private final PageTokens pageTokens;
    private final Clock clock;

    public ClueService(RegulatorClueRepository clues, ComplaintRepository complaints, ClueExportRepository exports, PageTokens pageTokens,
                       Clock clock) {
        this.clues = clues;
        this.complaints = complaints;
        this.exports = exports;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    public RegulatorClue get(String id) {
        RegulatorClueRow row = clues.findByResourceId(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, RegulatorClue.COLLECTION + id));
        return toDomain(row, complaints.findById(row.complaintSeq()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public PagedResult<RegulatorClue> list(int pageSize, String pageToken) {
        String query = "ListRegulatorClues";
        List<RegulatorClueRow> rows = clues.page(pageTokens.resume(pageToken, query, 0), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, RegulatorClueRow::seq,
                shown -> shown.stream().map(r -> toDomain(r, complaints.findById(r.complaintSeq()).orElseThrow())).toList());
    }

    /** Writes the clues of [start, end) and then the manifest to {@code sink}; returns the audit record (committed first). */
    public ClueExport export(Instant start, Instant end, ReportFormat format, ReportSink sink, String exportedBy) throws IOException {
        return export(start, end, List.of(format), sink, exportedBy).get(0);
    }

    /**
     * Writes the clues of [start, end) once per format, then one manifest listing every file, to {@code sink};
     * returns the audit records, one per format, all committed before the first byte.
     */
    public List<ClueExport> export(Instant start, Instant end, List<ReportFormat> formats, ReportSink sink, String exportedBy) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long count = clues.countBetween(start, end);
        List<ClueExport> audits = new ArrayList<>();
        for (ReportFormat format : formats) {
            audits.add(toDomain(exports.save(new ClueExportRow(null, UUID.randomUUID().toString(), exportedBy, start, end, format.name(), count,
                    now))));
        }
        List<ClueManifest.File> files = new ArrayList<>();
        for (ReportFormat format : formats) {
            files.add(write(start, end, format, count, sink));
        }
        byte[] manifest = new ClueManifest(start, end, now, files).toJson();
        try (OutputStream out = sink.open(MANIFEST)) {
            out.write(manifest);
        }
        return audits;
    }

    private ClueManifest.File write(Instant start, Instant end, ReportFormat format, long count, ReportSink sink) throws IOException {
        String fileName = format.fileName(FILE_BASE);
        MessageDigest sha256 = sha256();
        long written = 0;
        try (OutputStream out = new DigestOutputStream(sink.open(fileName), sha256)) {
            ReportWriter writer = ReportWriter.of(format, out);
            writer.header(COLUMNS.stream().map(ReportColumn::text).toList());
            long after = 0;
            List<RegulatorClueRow> page;
            do {
                page = clues.between(start, end, after, PAGE);
                for (RegulatorClueRow row : page) {
                    writer.row(values(row, complaints.findById(row.complaintSeq()).orElseThrow()));
                    written++;
                    after = row.seq();
                }
            } while (page.size() == PAGE);
            writer.finish();
        }
        if (written != count) {
            // Clues are append-only and a period ends in the past, so this means the data changed under us.
            throw new IllegalStateException(fileName + " holds " + written + " clues, " + count + " were counted and audited");
        }
        return new ClueManifest.File(fileName, format, written, HexFormat.of().formatHex(sha256.digest()));
    }

    @Transactional(readOnly = true)
    public PagedResult<ClueExport> exports(int pageSize, String pageToken) {
        String query = "ListClueExports";
        List<ClueExportRow> rows = exports.page(pageTokens.resume(pageToken, query, Long.MAX_VALUE), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, ClueExportRow::seq, shown -> shown.stream().map(ClueService::toDomain).toList());
    }

    static RegulatorClue toDomain(RegulatorClueRow row, ComplaintRow complaint) {
        return new RegulatorClue(row.resourceId(), complaint.number(), row.regulator(), row.reasons(), Category.valueOf(complaint.category()),
                text(complaint.orderId()), text(complaint.room()), text(complaint.roomOperator()), text(complaint.marketer()), row.escalatedBy(),
                row.createTime());
    }

    private static List<Object> values(RegulatorClueRow row, ComplaintRow complaint) {
        List<Object> values = new ArrayList<>();
        values.add(RegulatorClue.COLLECTION + row.resourceId());
        values.add(complaint.number());
        values.add(row.createTime().toString());
        values.add(row.regulator());
        values.add(row.reasons());
        values.add(complaint.category());
        values.add(complaint.orderId());
        values.add(complaint.room());
        values.add(complaint.roomOperator());
        values.add(complaint.marketer());
        values.add(row.escalatedBy());
        values.add(complaint.createTime().toString());
        values.add(complaint.description());
        return values;
    }

    private static ClueExport toDomain(ClueExportRow row) {
        return new ClueExport(row.resourceId(), row.exportedBy(), row.startTime(), row.endTime(), ReportFormat.valueOf(row.format()), row.clueCount(),
                row.exportTime());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
