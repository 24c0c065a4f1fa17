package org.livecomply.identity.domain.report;

import org.livecomply.commons.report.ReportColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The three files of the quarterly tax report (State Council Order 810: identity and income of in-platform
 * operators and workers), named like the Art. 9 files. Identity is cut to what identifies and reaches the
 * subject (name, identifier, phone; PIPL Art. 6 minimum necessary); income columns are integer fen.
 */
public final class TaxReportLayout {

    private static final List<String> INCOME = List.of("gross_income_fen", "refunds_fen", "net_income_fen", "transaction_count",
            "income_statement_recorded");

    public static final List<ReportColumn> REGISTERED_COLUMNS = columns("uscc");
    public static final List<ReportColumn> UNREGISTERED_COLUMNS = columns("id_number");
    public static final List<ReportColumn> MARKETER_COLUMNS = columns("id_number");

    private TaxReportLayout() {
    }

    /** A row of any of the three files: name, identifier, phone, then the income (zeros and false without a statement). */
    public static List<Object> row(TaxEntry entry) {
        TaxEntry.Income income = entry.income() == null ? new TaxEntry.Income(0, 0, 0) : entry.income();
        List<Object> row = new ArrayList<>();
        row.add(entry.legalName());
        row.add(entry.identifier());
        row.add(entry.phone());
        row.add(income.grossFen());
        row.add(income.refundsFen());
        row.add(income.netFen());
        row.add(income.transactionCount());
        row.add(entry.income() != null);
        return row;
    }

    private static List<ReportColumn> columns(String identifier) {
        List<ReportColumn> columns = new ArrayList<>();
        for (String name : List.of("name", identifier, "contact_phone")) {
            columns.add(ReportColumn.text(name));
        }
        INCOME.forEach(name -> columns.add(ReportColumn.text(name)));
        return List.copyOf(columns);
    }
}
