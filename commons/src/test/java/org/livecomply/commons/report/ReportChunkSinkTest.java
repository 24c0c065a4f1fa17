package org.livecomply.commons.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.livecomply.api.identity.v1.ReportChunk;

/** Report files leave as chunks of at most 64 KiB, in order, only while the client's stream is ready (Art. 9 report). */
class ReportChunkSinkTest {

    @Test
    void aFileIsSplitIntoChunksOfAtMost64KibInOrder() throws IOException {
        FakeStream stream = new FakeStream();
        byte[] file = new byte[2 * 65536 + 18928];
        new Random(9).nextBytes(file);
        try (OutputStream out = sink(stream).open("marketers.csv")) {
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
        ReportChunkSink<ReportChunk> sink = sink(stream);
        sink.open("unregistered_room_operators.jsonl").close();
        try (OutputStream out = sink.open("manifest.json")) {
            out.write(new byte[65536]);
        }
        assertEquals(List.of("unregistered_room_operators.jsonl", "manifest.json"), stream.chunks.stream().map(ReportChunk::getFileName).toList());
        assertEquals(List.of(0, 65536), stream.chunks.stream().map(c -> c.getData().size()).toList());
    }

    @Test
    void waitsWhileTheClientIsNotReadyAndStopsWhenItCancels() throws Exception {
        FakeStream slow = new FakeStream();
        slow.ready = false;
        Thread reader = new Thread(() -> {
            sleep(100);
            slow.ready = true;
        });
        reader.start();
        long start = System.nanoTime();
        try (OutputStream out = sink(slow).open("marketers.csv")) {
            out.write(1);
        }
        reader.join();
        assertTrue(System.nanoTime() - start >= 90_000_000L, "sent only after the stream became ready");
        assertEquals(1, slow.chunks.size());

        FakeStream gone = new FakeStream();
        gone.ready = false;
        gone.cancelled = true;
        OutputStream out = sink(gone).open("marketers.csv");
        out.write(1);
        StatusRuntimeException cancelled = assertThrows(StatusRuntimeException.class, out::close);
        assertEquals(Status.Code.CANCELLED, cancelled.getStatus().getCode());
        assertEquals(0, gone.chunks.size());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A server stream that records what it is sent. */
    private static ReportChunkSink<ReportChunk> sink(ServerCallStreamObserver<ReportChunk> stream) {
        return new ReportChunkSink<>(stream, (file, data) -> ReportChunk.newBuilder().setFileName(file).setData(data).build());
    }

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
