package org.livecomply.training.grpc;

import org.livecomply.commons.report.ReportChunkSink;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.livecomply.api.training.v1.ExportCompletionReportRequest;
import org.livecomply.api.training.v1.ListReportExportsRequest;
import org.livecomply.api.training.v1.ListReportExportsResponse;
import org.livecomply.api.training.v1.ReportChunk;
import org.livecomply.api.training.v1.TrainingReportServiceGrpc;
import org.livecomply.commons.auth.Caller;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.paging.PageSize;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.training.domain.report.ReportExport;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.training.domain.report.ReportYear;
import org.livecomply.training.service.CompletionReportService;

/** The TrainingReportService gRPC API (Art. 10): checks and translates requests, nothing else. */
@Singleton
public class ReportGrpcEndpoint extends TrainingReportServiceGrpc.TrainingReportServiceImplBase {

    private final CompletionReportService reports;

    public ReportGrpcEndpoint(CompletionReportService reports) {
        this.reports = reports;
    }

    @Override
    public void exportCompletionReport(ExportCompletionReportRequest request, StreamObserver<ReportChunk> response) {
        Violations violations = new Violations();
        ReportYear year = ReportMapper.year(request.getYear(), violations);
        ReportFormat format = ReportMapper.format(request.getFormat(), violations);
        violations.throwIfAny();
        try {
            reports.export(year, List.of(format), new ReportChunkSink<>((ServerCallStreamObserver<ReportChunk>) response,
                    (file, data) -> ReportChunk.newBuilder().setFileName(file).setData(data).build()),
                    Caller.current().subject(), ReportExport.Trigger.API);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        response.onCompleted();
    }

    @Override
    public void listReportExports(ListReportExportsRequest request, StreamObserver<ListReportExportsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        violations.throwIfAny();
        PagedResult<ReportExport> page = reports.list(PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListReportExportsResponse.Builder reply = ListReportExportsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(e -> reply.addReportExports(ReportMapper.toProto(e)));
        response.onNext(reply.build());
        response.onCompleted();
    }
}
