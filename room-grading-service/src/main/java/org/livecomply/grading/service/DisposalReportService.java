package org.livecomply.grading.service;

import org.livecomply.commons.report.ReportSink;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.pii.PiiCipher;
import org.livecomply.grading.domain.Disposal;
import org.livecomply.grading.domain.RedLine;
import org.livecomply.grading.domain.ReportLevel;
import org.livecomply.grading.domain.report.DisposalReportBatch;
import org.livecomply.grading.domain.report.DisposalReportLayout;
import org.livecomply.grading.domain.report.DisposalReportManifest;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.commons.report.ReportWriter;
import org.livecomply.grading.repository.DisposalRepository;
import org.livecomply.grading.repository.DisposalRow;
import org.livecomply.grading.repository.ReportBatchRepository;
import org.livecomply.grading.repository.ReportBatchRow;
import org.livecomply.grading.repository.ReportQueueRepository;
import org.livecomply.grading.repository.ReportQueueRow;
import org.livecomply.grading.repository.RoomRepository;
import org.livecomply.grading.repository.RoomRow;
import org.livecomply.grading.repository.ViolationRepository;
import org.livecomply.grading.repository.ViolationRow;

/**
 * Disposal reports to regulators (Art. 12 ¶3). A batch takes every queued disposal of a level in one
 * transaction that also records who took it and when, so nothing is reported twice or lost, and there is no
 * export without its record; the batch is then written page by page, followed by its manifest. A batch can
 * be written again, unchanged.
 */
@Singleton
public class DisposalReportService {

    public static final String BATCH_NOT_FOUND = "REPORT_BATCH_NOT_FOUND";
    static final int PAGE = 200;

    private final ReportBatchRepository batches;
    private final ReportQueueRepository queue;
    private final DisposalRepository disposals;
    private final DisposalService disposalService;
    private final RoomRepository rooms;
    private final ViolationRepository violations;
    private final PiiCipher cipher;
    private final PageTokens pageTokens;
    private final Clock clock;

    public DisposalReportService(ReportBatchRepository batches, ReportQueueRepository queue, DisposalRepository disposals,
                                 DisposalService disposalService, RoomRepository rooms, ViolationRepository violations, PiiCipher cipher,
                                 PageTokens pageTokens, Clock clock) {
        this.batches = batches;
        this.queue = queue;
        this.disposals = disposals;
        this.disposalService = disposalService;
        this.rooms = rooms;
        this.violations = violations;
        this.cipher = cipher;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** Takes every queued disposal of {@code level} into a new batch, recorded with who took it. */
    @Transactional
    public DisposalReportBatch newBatch(ReportLevel level, String createdBy, DisposalReportBatch.Trigger trigger) {
        ReportBatchRow row = batches.save(new ReportBatchRow(null, UUID.randomUUID().toString(), level.name(), 0, createdBy, trigger.name(),
                Micros.of(clock.instant())));
        int taken = queue.takeInto(level.name(), row.seq());
        batches.setCount(row.seq(), taken);
        return toDomain(new ReportBatchRow(row.seq(), row.resourceId(), row.level(), taken, row.createdBy(), row.triggerKind(), row.createTime()));
    }

    @Transactional(readOnly = true)
    public long pending(ReportLevel level) {
        return queue.pending(level.name());
    }

    @Transactional(readOnly = true)
    public DisposalReportBatch batch(String id) {
        return batches.findByResourceId(id).map(DisposalReportService::toDomain)
                .orElseThrow(() -> new NotFoundException(BATCH_NOT_FOUND, DisposalReportBatch.COLLECTION + id));
    }

    /** Writes the batch's file in each format, then {@code manifest.json}. */
    @Transactional(readOnly = true)
    public void write(DisposalReportBatch batch, List<ReportFormat> formats, ReportSink sink) throws IOException {
        long batchSeq = batches.findByResourceId(batch.id()).orElseThrow().seq();
        List<DisposalReportManifest.FileEntry> files = new ArrayList<>();
        for (ReportFormat format : formats) {
            files.add(writeFile(batch, batchSeq, format, sink));
        }
        try (OutputStream out = sink.open(DisposalReportLayout.MANIFEST)) {
            out.write(new DisposalReportManifest(batch, Micros.of(clock.instant()), files).toJson());
        }
    }

    @Transactional(readOnly = true)
    public PagedResult<DisposalReportBatch> list(int pageSize, String pageToken) {
        String query = "ListDisposalReportBatches";
        List<ReportBatchRow> rows = batches.page(pageTokens.resume(pageToken, query, Long.MAX_VALUE), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, ReportBatchRow::seq, shown -> shown.stream().map(DisposalReportService::toDomain).toList());
    }

    private DisposalReportManifest.FileEntry writeFile(DisposalReportBatch batch, long batchSeq, ReportFormat format, ReportSink sink)
            throws IOException {
        String name = format.fileName(DisposalReportLayout.DISPOSALS);
        MessageDigest sha256 = sha256();
        long count = 0;
        try (OutputStream out = new DigestOutputStream(sink.open(name), sha256)) {
            ReportWriter writer = ReportWriter.of(format, out);
            writer.header(DisposalReportLayout.COLUMNS);
            long after = 0;
            while (true) {
                List<ReportQueueRow> entries = queue.ofBatch(batchSeq, after, PAGE);
                if (entries.isEmpty()) {
                    break;
                }
                for (List<Object> row : rows(batch.level(), entries.stream().map(ReportQueueRow::disposalSeq).toList())) {
                    writer.row(row);
                    count++;
                }
                after = entries.get(entries.size() - 1).seq();
            }
            writer.finish();
        }
        if (count != batch.disposalCount()) {
            throw new IllegalStateException(name + " holds " + count + " records, the batch recorded " + batch.disposalCount());
        }
        return new DisposalReportManifest.FileEntry(name, format, count, HexFormat.of().formatHex(sha256.digest()));
    }

    private List<List<Object>> rows(ReportLevel level, List<Long> disposalSeqs) {
        Map<Long, DisposalRow> bySeq = disposals.findBySeqIn(disposalSeqs).stream().collect(Collectors.toMap(DisposalRow::seq, d -> d));
        Map<Long, RoomRow> roomsBySeq = new java.util.HashMap<>();
        for (DisposalRow row : bySeq.values()) {
            roomsBySeq.computeIfAbsent(row.roomSeq(), seq -> rooms.findById(seq).orElseThrow());
        }
        List<DisposalRow> ordered = disposalSeqs.stream().map(bySeq::get).toList();
        Map<Long, String> roomIds = roomsBySeq.values().stream().collect(Collectors.toMap(RoomRow::seq, RoomRow::resourceId));
        List<Disposal> domain = disposalService.toDomain(ordered, roomIds);
        Map<String, ViolationRow> violationRows = violations.findByResourceIdIn(domain.stream().flatMap(d -> d.violationIds().stream()).toList())
                .stream().collect(Collectors.toMap(ViolationRow::resourceId, v -> v));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            DisposalRow row = ordered.get(i);
            Disposal disposal = domain.get(i);
            RoomRow room = roomsBySeq.get(row.roomSeq());
            String identity = row.identityCipher() == null ? null : cipher.decrypt(row.identityCipher(), DisposalService.IDENTITY_FIELD);
            List<DisposalReportLayout.ViolationEntry> entries = disposal.violationIds().stream().map(violationRows::get).map(v ->
                    new DisposalReportLayout.ViolationEntry("rooms/" + room.resourceId() + "/violations/" + v.resourceId(), v.redLine(),
                            RedLine.valueOf(v.redLine()).article(), v.severity(), v.occurTime().toString())).toList();
            rows.add(DisposalReportLayout.row(level.name(), disposal, room.liveAccountId(), room.roomOperator(), identity, entries));
        }
        return rows;
    }

    private static DisposalReportBatch toDomain(ReportBatchRow row) {
        return new DisposalReportBatch(row.resourceId(), ReportLevel.valueOf(row.level()), row.disposalCount(), row.createdBy(),
                DisposalReportBatch.Trigger.valueOf(row.triggerKind()), row.createTime());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
