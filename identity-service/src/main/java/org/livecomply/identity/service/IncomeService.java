package org.livecomply.identity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.identity.domain.IncomeStatement;
import org.livecomply.identity.domain.NewIncomeStatement;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.domain.report.TaxQuarter;
import org.livecomply.identity.repository.IncomeStatementRepository;
import org.livecomply.identity.repository.IncomeStatementRow;

/** Quarterly income statements of room operators and marketers, for the tax report (State Council Order 810). */
@Singleton
public class IncomeService {

    public static final String NOT_FOUND = "INCOME_STATEMENT_NOT_FOUND";

    private final IncomeStatementRepository statements;
    private final Subjects subjects;
    private final Idempotency idempotency;
    private final Clock clock;

    public IncomeService(IncomeStatementRepository statements, Subjects subjects, Idempotency idempotency, Clock clock) {
        this.statements = statements;
        this.subjects = subjects;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Appends the statement as the subject's next revision for the quarter; the earlier ones stay. The
     * subject's row is locked, so concurrent statements for it get consecutive revisions.
     */
    @Transactional
    public IncomeStatement record(String requestId, String fingerprint, NewIncomeStatement statement, String recordedBy) {
        return idempotency.once("RecordQuarterlyIncome", requestId, fingerprint, () -> {
            long subjectSeq = subjects.lockSeq(statement.subjectType(), statement.subjectId());
            TaxQuarter quarter = statement.quarter();
            int revision = statements.lastRevision(statement.subjectType().name(), subjectSeq, quarter.year(), quarter.quarter()) + 1;
            IncomeStatementRow row = statements.save(new IncomeStatementRow(null, UUID.randomUUID().toString(), statement.subjectType().name(),
                    subjectSeq, statement.subjectId(), quarter.year(), quarter.quarter(), revision, statement.grossFen(), statement.refundsFen(),
                    statement.transactionCount(), recordedBy, clock.instant().truncatedTo(ChronoUnit.MICROS)));
            return toDomain(row);
        }, IncomeStatement::id, this::get);
    }

    @Transactional(readOnly = true)
    public IncomeStatement get(String id) {
        return statements.findByResourceId(id).map(IncomeService::toDomain)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, IncomeStatement.COLLECTION + id));
    }

    private static IncomeStatement toDomain(IncomeStatementRow row) {
        return new IncomeStatement(row.resourceId(), SubjectType.valueOf(row.subjectType()), row.subjectId(),
                new TaxQuarter(row.reportYear(), row.reportQuarter()), row.grossIncomeFen(), row.refundsFen(), row.transactionCount(),
                row.revision(), row.recordedBy(), row.recordTime());
    }
}
