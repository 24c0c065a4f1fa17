package org.livecomply.consumer.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.livecomply.api.consumer.v1.ConsumerReportServiceGrpc;
import org.livecomply.api.consumer.v1.ExportRegulatorCluesRequest;
import org.livecomply.api.consumer.v1.ListClueExportsRequest;
import org.livecomply.api.consumer.v1.ListClueExportsResponse;
import org.livecomply.api.consumer.v1.ReportChunk;
import org.livecomply.commons.auth.Caller;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.paging.PageSize;
import org.livecomply.commons.report.ReportChunkSink;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.consumer.service.ClueService;

/** The ConsumerReportService gRPC API (Art. 46; ECL Art. 29): checks and translates requests, nothing else. */
@Singleton
public class ReportGrpcEndpoint extends ConsumerReportServiceGrpc.ConsumerReportServiceImplBase {

    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final ClueService clues;

    public ReportGrpcEndpoint(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void exportRegulatorClues(ExportRegulatorCluesRequest request, StreamObserver<ReportChunk> response) {
        Violations violations = new Violations();
        Instant start = ProtoValues.instant(request.hasStartTime(), request.getStartTime(), "start_time", violations);
        Instant end = ProtoValues.instant(request.hasEndTime(), request.getEndTime(), "end_time", violations);
        violations.when(!request.hasStartTime(), "start_time", "start_time is required")
                .when(!request.hasEndTime(), "end_time", "end_time is required");
        if (start != null && end != null) {
            violations.when(!end.isAfter(start), "end_time", "end_time must be after start_time")
                    .when(Duration.between(start, end).compareTo(MAX_PERIOD) > 0, "end_time", "the period is at most 366 days")
                    .when(end.isAfter(clues.now()), "end_time", "end_time must not be in the future: a period is exported once it is over");
        }
        ReportFormat format = ProtoValues.domain(request.getFormat(), "REPORT_FORMAT_", ReportFormat.class);
        violations.when(format == null, "format", "format must be REPORT_FORMAT_CSV or REPORT_FORMAT_JSON_LINES");
        violations.throwIfAny();
        try {
            clues.export(start, end, format, new ReportChunkSink<>((ServerCallStreamObserver<ReportChunk>) response,
                    (file, data) -> ReportChunk.newBuilder().setFileName(file).setData(data).build()), Caller.current().subject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        response.onCompleted();
    }

    @Override
    public void listClueExports(ListClueExportsRequest request, StreamObserver<ListClueExportsResponse> response) {
        PageSize.check(request.getPageSize(), new Violations()).throwIfAny();
        var page = clues.exports(PageSize.resolve(request.getPageSize()), request.getPageToken());
        var reply = ListClueExportsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(e -> reply.addClueExports(OtherMappers.export(e)));
        response.onNext(reply.build());
        response.onCompleted();
    }
}
