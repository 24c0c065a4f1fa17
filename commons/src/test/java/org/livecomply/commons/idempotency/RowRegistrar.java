package org.livecomply.commons.idempotency;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/** A use case as a service writes it: one transaction around {@link Idempotency#once} and the change. */
@Singleton
public class RowRegistrar {

    private static final String PREFIX = "rows/";

    final AtomicInteger actionRuns = new AtomicInteger();
    private final Idempotency idempotency;
    private final TestRowRepository rows;

    public RowRegistrar(Idempotency idempotency, TestRowRepository rows) {
        this.idempotency = idempotency;
        this.rows = rows;
    }

    /** Inserts a row named {@code name}, then runs {@code afterInsert} (which may block or throw), once per request. */
    @Transactional
    public TestRow register(String operation, String requestId, String fingerprint, String name, Runnable afterInsert) {
        return idempotency.once(operation, requestId, fingerprint,
                () -> {
                    actionRuns.incrementAndGet();
                    TestRow row = rows.save(new TestRow(null, name));
                    afterInsert.run();
                    return row;
                },
                row -> PREFIX + row.id(),
                reference -> rows.findById(Long.parseLong(reference.substring(PREFIX.length()))).orElseThrow());
    }
}
