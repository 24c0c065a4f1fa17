package org.livecomply.consumer.grpc;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.livecomply.api.consumer.v1.ReportChunk;
import org.livecomply.consumer.service.ReportSink;

/**
 * Sends export files as chunks of at most {@value #CHUNK_BYTES} bytes, respecting the client's flow
 * control: it waits while the stream is not ready, so a slow reader never makes the server buffer the
 * report in memory. Gives up when the call is cancelled or its deadline passes, or after a long stall.
 */
final class ReportChunkSink implements ReportSink {

    static final int CHUNK_BYTES = 64 * 1024;
    private static final Duration MAX_STALL = Duration.ofMinutes(5);
    private static final long PAUSE_NANOS = Duration.ofMillis(2).toNanos();

    private final ServerCallStreamObserver<ReportChunk> response;

    ReportChunkSink(ServerCallStreamObserver<ReportChunk> response) {
        this.response = response;
    }

    @Override
    public OutputStream open(String fileName) {
        return new OutputStream() {
            private final byte[] buffer = new byte[CHUNK_BYTES];
            private int size;
            private boolean sent;

            @Override
            public void write(int b) {
                if (size == CHUNK_BYTES) {
                    send();
                }
                buffer[size++] = (byte) b;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                while (length > 0) {
                    if (size == CHUNK_BYTES) {
                        send();
                    }
                    int n = Math.min(length, CHUNK_BYTES - size);
                    System.arraycopy(bytes, offset, buffer, size, n);
                    size += n;
                    offset += n;
                    length -= n;
                }
            }

            @Override
            public void close() {
                if (size > 0 || !sent) {
                    send();
                }
            }

            private void send() {
                awaitReady();
                response.onNext(ReportChunk.newBuilder().setFileName(fileName).setData(ByteString.copyFrom(buffer, 0, size)).build());
                size = 0;
                sent = true;
            }
        };
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + MAX_STALL.toNanos();
        while (!response.isReady()) {
            if (response.isCancelled() || Context.current().isCancelled()) {
                throw Status.CANCELLED.withDescription("the export was cancelled by the client").asRuntimeException();
            }
            if (System.nanoTime() > deadline) {
                throw Status.DEADLINE_EXCEEDED.withDescription("the client stopped reading the export for " + MAX_STALL).asRuntimeException();
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
