package org.livecomply.identity.repository;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.domain.report.TaxEntry;
import org.livecomply.identity.domain.report.TaxQuarter;

/**
 * Reads the subjects of the quarterly tax report (State Council Order 810) with their identifier and phone
 * in clear and the latest income statement of the quarter, one page of subjects at a time, each page's
 * statements read with it. Address, e-mail and the rest stay encrypted (PIPL Art. 6). Only the audited
 * report export calls this.
 */
@Singleton
public class TaxReportStore {

    private final ReportSubjects subjects;
    private final IncomeStatementRepository statements;
    private final PersonalData personalData;

    public TaxReportStore(ReportSubjects subjects, IncomeStatementRepository statements, PersonalData personalData) {
        this.subjects = subjects;
        this.statements = statements;
        this.personalData = personalData;
    }

    /** Room operators registered before the quarter's end: natural persons, or entities and individual businesses. */
    public void forEachRoomOperator(boolean naturalPersons, TaxQuarter quarter, ReportSubjects.EntryConsumer<TaxEntry> consumer)
            throws IOException {
        Instant before = quarter.endTime();
        subjects.forEachRoomOperatorPage(naturalPersons, before, rows -> {
            Map<Long, TaxEntry.Income> incomes = latest(SubjectType.ROOM_OPERATOR, quarter, rows.stream().map(RoomOperatorRow::seq).toList());
            for (RoomOperatorRow row : rows) {
                consumer.accept(new TaxEntry(row.legalName(),
                        naturalPersons ? personalData.decrypt(row.idNumberCipher(), RoomOperatorStore.TABLE + ".id_number") : row.uscc(),
                        personalData.decrypt(row.phoneCipher(), RoomOperatorStore.TABLE + ".phone"), incomes.get(row.seq())));
            }
        });
    }

    /** Marketers registered before the quarter's end. */
    public void forEachMarketer(TaxQuarter quarter, ReportSubjects.EntryConsumer<TaxEntry> consumer) throws IOException {
        subjects.forEachMarketerPage(quarter.endTime(), rows -> {
            Map<Long, TaxEntry.Income> incomes = latest(SubjectType.MARKETER, quarter, rows.stream().map(MarketerRow::seq).toList());
            for (MarketerRow row : rows) {
                consumer.accept(new TaxEntry(row.legalName(), personalData.decrypt(row.idNumberCipher(), MarketerStore.TABLE + ".id_number"),
                        personalData.decrypt(row.phoneCipher(), MarketerStore.TABLE + ".phone"), incomes.get(row.seq())));
            }
        });
    }

    /** The statement in force (highest revision) of each subject that has one, by subject seq. */
    private Map<Long, TaxEntry.Income> latest(SubjectType type, TaxQuarter quarter, Collection<Long> subjectSeqs) {
        BinaryOperator<IncomeStatementRow> newer = (a, b) -> a.revision() >= b.revision() ? a : b;
        return statements.findBySubjectTypeAndReportYearAndReportQuarterAndSubjectSeqIn(type.name(), quarter.year(), quarter.quarter(), subjectSeqs)
                .stream()
                .collect(Collectors.toMap(IncomeStatementRow::subjectSeq, row -> row, newer))
                .values().stream()
                .collect(Collectors.toMap(IncomeStatementRow::subjectSeq,
                        row -> new TaxEntry.Income(row.grossIncomeFen(), row.refundsFen(), row.transactionCount())));
    }
}
