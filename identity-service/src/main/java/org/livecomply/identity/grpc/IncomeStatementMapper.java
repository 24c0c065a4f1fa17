package org.livecomply.identity.grpc;

import org.livecomply.api.type.v1.Money;
import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.IncomeStatement;
import org.livecomply.identity.domain.NewIncomeStatement;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.domain.report.TaxQuarter;

/** Income statements between proto and domain. */
final class IncomeStatementMapper {

    static final String CURRENCY = "CNY";
    private static final String PATH = "income_statement.";

    private IncomeStatementMapper() {
    }

    /** The statement's values; the subject was parsed by the caller (null type or id when it was bad). */
    static NewIncomeStatement fromProto(org.livecomply.api.identity.v1.IncomeStatement proto, SubjectType type, String subjectId,
                                        Violations violations) {
        TaxQuarter quarter = ReportMapper.taxQuarter(proto.getYear(), proto.getQuarter(), PATH + "year", PATH + "quarter", violations);
        long gross = fen(proto.hasGrossIncome(), proto.getGrossIncome(), PATH + "gross_income", true, violations);
        long refunds = fen(proto.hasRefunds(), proto.getRefunds(), PATH + "refunds", false, violations);
        return new NewIncomeStatement(type, subjectId, quarter, gross, refunds, proto.getTransactionCount());
    }

    /** Order 810 reports income in CNY: amounts in fen, the currency stated so a foreign amount is never taken for yuan. */
    private static long fen(boolean present, Money money, String field, boolean required, Violations violations) {
        if (!present) {
            violations.when(required, field, field + " is required (currency CNY, amount in fen)");
            return 0;
        }
        violations.when(!CURRENCY.equals(money.getCurrencyCode()), field + ".currency_code",
                field + ".currency_code must be " + CURRENCY + ", not '" + money.getCurrencyCode() + "'");
        return money.getAmountMinor();
    }

    static org.livecomply.api.identity.v1.IncomeStatement toProto(IncomeStatement statement) {
        return org.livecomply.api.identity.v1.IncomeStatement.newBuilder()
                .setName(statement.name())
                .setSubject(statement.subjectName())
                .setYear(statement.quarter().year())
                .setQuarter(statement.quarter().quarter())
                .setGrossIncome(money(statement.grossFen()))
                .setRefunds(money(statement.refundsFen()))
                .setNetIncome(money(statement.netFen()))
                .setTransactionCount(statement.transactionCount())
                .setRevision(statement.revision())
                .setRecordedBy(statement.recordedBy())
                .setRecordTime(ProtoValues.timestamp(statement.recordTime()))
                .build();
    }

    private static Money money(long fen) {
        return Money.newBuilder().setCurrencyCode(CURRENCY).setAmountMinor(fen).build();
    }
}
