package org.livecomply.identity.domain;

import java.time.Instant;
import org.livecomply.identity.domain.report.TaxQuarter;

/**
 * A subject's income in one quarter as recorded (State Council Order 810), in fen. {@code revision} counts the
 * subject's statements for the quarter; the highest is the one reported.
 */
public record IncomeStatement(String id, SubjectType subjectType, String subjectId, TaxQuarter quarter, long grossFen, long refundsFen,
                              long transactionCount, int revision, String recordedBy, Instant recordTime) {

    public static final String COLLECTION = "incomeStatements/";

    public String name() {
        return COLLECTION + id;
    }

    public String subjectName() {
        return subjectType.collection() + subjectId;
    }

    public long netFen() {
        return grossFen - refundsFen;
    }
}
