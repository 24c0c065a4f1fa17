package org.livecomply.identity.repository;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The subjects every identity report lists: room operators and marketers registered before the period end,
 * read page by page in registration order (never a whole table in memory). Rows carry ciphertexts; each
 * report's store decrypts only the fields it reports.
 */
@Singleton
public class ReportSubjects {

    public static final String PAGE_SIZE_PROPERTY = "livecomply.identity.report-page-size";

    private final ReportSubjectRepository roomOperators;
    private final ReportMarketerRepository marketers;
    private final int pageSize;

    /** {@code pageSize}: rows read per query (default 500). */
    public ReportSubjects(ReportSubjectRepository roomOperators, ReportMarketerRepository marketers,
                          @Value("${" + PAGE_SIZE_PROPERTY + ":500}") int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException(PAGE_SIZE_PROPERTY + " must be at least 1");
        }
        this.roomOperators = roomOperators;
        this.marketers = marketers;
        this.pageSize = pageSize;
    }

    /** Receives one page of rows; may fail writing them. */
    @FunctionalInterface
    public interface PageConsumer<T> {
        void accept(List<T> page) throws IOException;
    }

    /** Receives report entries one by one; may fail writing them. */
    @FunctionalInterface
    public interface EntryConsumer<T> {
        void accept(T entry) throws IOException;
    }

    /** How many subjects each file of a report ending at {@code before} will hold. */
    public record Counts(long registeredRoomOperators, long unregisteredRoomOperators, long marketers) {
    }

    public Counts count(Instant before) {
        return new Counts(roomOperators.countRoomOperators(false, before), roomOperators.countRoomOperators(true, before),
                marketers.countMarketers(before));
    }

    /** Room operators registered before {@code before}: natural persons, or entities and individual businesses. */
    public void forEachRoomOperatorPage(boolean naturalPersons, Instant before, PageConsumer<RoomOperatorRow> consumer) throws IOException {
        forEachPage(after -> roomOperators.roomOperators(naturalPersons, before, after, pageSize),
                RoomOperatorRow::seq, consumer);
    }

    /** Marketers registered before {@code before}. */
    public void forEachMarketerPage(Instant before, PageConsumer<MarketerRow> consumer) throws IOException {
        forEachPage(after -> marketers.marketers(before, after, pageSize), MarketerRow::seq, consumer);
    }

    private interface Page<T> {
        List<T> after(long seq);
    }

    private static <T> void forEachPage(Page<T> page, ToLongFunction<T> seq, PageConsumer<T> consumer) throws IOException {
        long after = 0;
        while (true) {
            List<T> rows = page.after(after);
            if (rows.isEmpty()) {
                return;
            }
            consumer.accept(rows);
            after = seq.applyAsLong(rows.get(rows.size() - 1));
        }
    }
}
