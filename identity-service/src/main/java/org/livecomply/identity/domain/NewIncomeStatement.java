package org.livecomply.identity.domain;

import java.time.Instant;
import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.report.TaxQuarter;

/**
 * A statement to record, as the platform's settlement system supplies it (State Council Order 810: the
 * platform reports operators' and workers' income; LiveComply does not see payments, so it is told). The
 * quarter is null when the request named none that is valid.
 */
public record NewIncomeStatement(SubjectType subjectType, String subjectId, TaxQuarter quarter, long grossFen, long refundsFen,
                                 long transactionCount) {

    private static final String PATH = "income_statement.";

    /** Amounts are what was received and given back, so never negative; refunds cannot exceed what was received. */
    public void check(Instant now, Violations violations) {
        violations.when(quarter != null && !quarter.begunAt(now), PATH + "quarter",
                "the quarter " + (quarter == null ? "" : quarter.key()) + " has not begun (China time): no income can be stated for it yet");
        violations.when(grossFen < 0, PATH + "gross_income.amount_minor", "gross_income must be at least 0 fen, not " + grossFen);
        violations.when(refundsFen < 0, PATH + "refunds.amount_minor", "refunds must be at least 0 fen, not " + refundsFen)
                .when(refundsFen > 0 && grossFen >= 0 && refundsFen > grossFen, PATH + "refunds.amount_minor",
                        "refunds (" + refundsFen + " fen) must not exceed gross_income (" + grossFen + " fen)");
        violations.when(transactionCount < 0, PATH + "transaction_count", "transaction_count must be at least 0, not " + transactionCount);
    }
}
