package org.livecomply.training.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.livecomply.api.training.v1.ReportChunk;

/** Report files leave as chunks of at most 64 KiB, in order, only while the client's stream is ready (completion report). */
class ReportChunkSinkTest {

    @Test
    void aFileIsSplitIntoChunksOfAtMost64KibInOrder() throws IOException {
        FakeStream stream = new FakeStream();
        byte[] file = new byte[2 * 65536 + 18928];
        new Random(9).nextBytes(file);
        try (OutputStream out = new ReportChunkSink(stream).open("marketers.csv")) {
            out.write(file, 0, 1000);
            out.write(file[1000]);
            out.write(file, 1001, file.length - 1001);
        }
        assertEquals(List.of(65536, 65536, 18928), stream.chunks.stream().map(c -> c.getData().size()).toList());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        stream.chunks.forEach(c -> {
            assertEquals("marketers.csv", c.getFileName());
            joined.writeBytes(c.getData().toByteArray());
        });
        assertArrayEquals(file, joined.toByteArray());
    }

    @Test
    void anEmptyFileStillSendsOneEmptyChunkAndAnExactMultipleSendsNoEmptyTail() throws IOException {
        FakeStream stream = new FakeStream();
        ReportChunkSink sink = new ReportChunkSink(stream);
        sink.open("room_operators.jsonl").close();
        try (OutputStream out = sink.open("manifest.json")) {
            out.write(new byte[65536]);
        }
        assertEquals(List.of("room_operators.jsonl", "manifest.json"), stream.chunks.stream().map(ReportChunk::getFileName).toList());
        assertEquals(List.of(0, 65536), stream.chunks.stream().map(c -> c.getData().size()).toList());
    }

    @Test
    void stopsWhenTheClientCancelsWhileNotReady() throws IOException {
        FakeStream gone = new FakeStream();
        gone.ready = false;
        gone.cancelled = true;
        OutputStream out = new ReportChunkSink(gone).open("marketers.csv");
        out.write(1);
        StatusRuntimeException cancelled = assertThrows(StatusRuntimeException.class, out::close);
        assertEquals(Status.Code.CANCELLED, cancelled.getStatus().getCode());
        assertEquals(0, gone.chunks.size());
    }

    /** A server stream that records what it is sent. */
    private static final class FakeStream extends ServerCallStreamObserver<ReportChunk> {
        final List<ReportChunk> chunks = new CopyOnWriteArrayList<>();
        volatile boolean ready = true;
        volatile boolean cancelled;

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void onNext(ReportChunk value) {
            chunks.add(value);
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
