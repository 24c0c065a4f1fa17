package org.livecomply.identity.grpc;

import org.livecomply.commons.report.ReportChunkSink;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.livecomply.api.identity.v1.ExportRegulatorReportRequest;
import org.livecomply.api.identity.v1.ExportTaxReportRequest;
import org.livecomply.api.identity.v1.IdentityReportServiceGrpc;
import org.livecomply.api.identity.v1.ListReportExportsRequest;
import org.livecomply.api.identity.v1.ListReportExportsResponse;
import org.livecomply.api.identity.v1.ReportChunk;
import org.livecomply.commons.auth.Caller;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.paging.PageSize;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.identity.domain.report.HalfYear;
import org.livecomply.identity.domain.report.ReportExport;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.identity.domain.report.TaxQuarter;
import org.livecomply.identity.service.RegulatorReportService;
import org.livecomply.identity.service.ReportExporter;
import org.livecomply.identity.service.TaxReportService;

/** The IdentityReportService gRPC API (Art. 9; State Council Order 810): checks and translates requests, nothing else. */
@Singleton
public class ReportGrpcEndpoint extends IdentityReportServiceGrpc.IdentityReportServiceImplBase {

    private final RegulatorReportService regulatorReports;
    private final TaxReportService taxReports;
    private final ReportExporter exports;

    public ReportGrpcEndpoint(RegulatorReportService regulatorReports, TaxReportService taxReports, ReportExporter exports) {
        this.regulatorReports = regulatorReports;
        this.taxReports = taxReports;
        this.exports = exports;
    }

    @Override
    public void exportRegulatorReport(ExportRegulatorReportRequest request, StreamObserver<ReportChunk> response) {
        Violations violations = new Violations();
        HalfYear period = ReportMapper.halfYear(request.getYear(), request.getHalf(), violations);
        ReportFormat format = ReportMapper.format(request.getFormat(), violations);
        violations.throwIfAny();
        try {
            regulatorReports.export(period, List.of(format), chunks(response),
                    Caller.current().subject(), ReportExport.Trigger.API);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        response.onCompleted();
    }

    @Override
    public void exportTaxReport(ExportTaxReportRequest request, StreamObserver<ReportChunk> response) {
        Violations violations = new Violations();
        TaxQuarter quarter = ReportMapper.taxQuarter(request.getYear(), request.getQuarter(), "year", "quarter", violations);
        ReportFormat format = ReportMapper.format(request.getFormat(), violations);
        violations.throwIfAny();
        try {
            taxReports.export(quarter, List.of(format), chunks(response),
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
        PagedResult<ReportExport> page = exports.list(PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListReportExportsResponse.Builder reply = ListReportExportsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(e -> reply.addReportExports(ReportMapper.toProto(e)));
        response.onNext(reply.build());
        response.onCompleted();
    }

    private static ReportChunkSink<ReportChunk> chunks(StreamObserver<ReportChunk> response) {
        return new ReportChunkSink<>((ServerCallStreamObserver<ReportChunk>) response,
                (file, data) -> ReportChunk.newBuilder().setFileName(file).setData(data).build());
    }
}
