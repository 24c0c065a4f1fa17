package org.livecomply.grading.grpc;

import org.livecomply.commons.report.ReportChunkSink;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.livecomply.api.grading.v1.DisposalReportBatch;
import org.livecomply.api.grading.v1.DisposalReportChunk;
import org.livecomply.api.grading.v1.ExportDisposalReportRequest;
import org.livecomply.api.grading.v1.GradingReportServiceGrpc;
import org.livecomply.api.grading.v1.ListDisposalReportBatchesRequest;
import org.livecomply.api.grading.v1.ListDisposalReportBatchesResponse;
import org.livecomply.api.grading.v1.ReportLevel;
import org.livecomply.commons.auth.Caller;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.paging.PageSize;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.grading.service.DisposalReportService;

/** The GradingReportService gRPC API (Art. 12 ¶3): checks and translates requests, nothing else. */
@Singleton
public class ReportGrpcEndpoint extends GradingReportServiceGrpc.GradingReportServiceImplBase {

    private static final java.util.regex.Pattern BATCH = java.util.regex.Pattern.compile("disposalReportBatches/(" + ResourceNames.UUID + ")");

    private final DisposalReportService reports;

    public ReportGrpcEndpoint(DisposalReportService reports) {
        this.reports = reports;
    }

    @Override
    public void exportDisposalReport(ExportDisposalReportRequest request, StreamObserver<DisposalReportChunk> response) {
        Violations v = new Violations();
        var level = ProtoValues.domain(request.getLevel(), "REPORT_LEVEL_", org.livecomply.grading.domain.ReportLevel.class);
        ReportFormat format = switch (request.getFormat()) {
            case DISPOSAL_REPORT_FORMAT_CSV -> ReportFormat.CSV;
            case DISPOSAL_REPORT_FORMAT_JSON_LINES -> ReportFormat.JSON_LINES;
            default -> null;
        };
        v.when(format == null, "format", "format is required");
        String batchId = null;
        if (!request.getBatch().isEmpty()) {
            var m = BATCH.matcher(request.getBatch());
            if (m.matches()) {
                batchId = m.group(1);
            } else {
                v.add("batch", "batch must be disposalReportBatches/{uuid}");
            }
            v.when(request.getLevel() == ReportLevel.UNRECOGNIZED, "level", "level has an unknown value");
        } else {
            v.when(level == null, "level", "level is required (REPORT_LEVEL_COUNTY or REPORT_LEVEL_PROVINCIAL)");
        }
        v.throwIfAny();
        org.livecomply.grading.domain.report.DisposalReportBatch batch;
        if (batchId != null) {
            batch = reports.batch(batchId);
            if (level != null && level != batch.level()) {
                throw org.livecomply.commons.error.InvalidArgumentException.of("level", "level must be empty or the batch's level " + batch.level());
            }
        } else {
            batch = reports.newBatch(level, Caller.current().subject(), org.livecomply.grading.domain.report.DisposalReportBatch.Trigger.API);
        }
        try {
            reports.write(batch, List.of(format), new ReportChunkSink<>((ServerCallStreamObserver<DisposalReportChunk>) response,
                    (file, data) -> DisposalReportChunk.newBuilder().setFileName(file).setData(data).build()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        response.onCompleted();
    }

    @Override
    public void listDisposalReportBatches(ListDisposalReportBatchesRequest request, StreamObserver<ListDisposalReportBatchesResponse> response) {
        PageSize.check(request.getPageSize(), new Violations()).throwIfAny();
        var page = reports.list(PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListDisposalReportBatchesResponse.Builder reply = ListDisposalReportBatchesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(b -> reply.addDisposalReportBatches(DisposalReportBatch.newBuilder()
                .setName(b.name())
                .setLevel(ProtoValues.proto(b.level(), "REPORT_LEVEL_", ReportLevel.class))
                .setDisposalCount(b.disposalCount())
                .setCreatedBy(b.createdBy())
                .setTrigger(DisposalReportBatch.Trigger.valueOf("TRIGGER_" + b.trigger().name()))
                .setCreateTime(ProtoValues.timestamp(b.createTime()))));
        response.onNext(reply.build());
        response.onCompleted();
    }
}
