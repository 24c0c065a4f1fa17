package org.livecomply.identity.repository;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.livecomply.identity.domain.Certificate;
import org.livecomply.identity.domain.LiveAccount;
import org.livecomply.identity.domain.report.MarketerEntry;
import org.livecomply.identity.domain.report.RoomOperatorEntry;

/**
 * Reads the subjects of the Art. 9 report with personal data in clear, one page at a time. Only the
 * audited report export calls this.
 */
@Singleton
public class RegulatorReportStore {

    private final ReportSubjects subjects;
    private final LiveAccountRepository liveAccounts;
    private final QualificationRepository qualifications;
    private final ReportMcnRepository mcns;
    private final PersonalData personalData;

    public RegulatorReportStore(ReportSubjects subjects, LiveAccountRepository liveAccounts, QualificationRepository qualifications,
                                ReportMcnRepository mcns, PersonalData personalData) {
        this.subjects = subjects;
        this.liveAccounts = liveAccounts;
        this.qualifications = qualifications;
        this.mcns = mcns;
        this.personalData = personalData;
    }

    /** Room operators registered before {@code before}: natural persons, or entities and individual businesses. */
    public void forEachRoomOperator(boolean naturalPersons, Instant before, ReportSubjects.EntryConsumer<RoomOperatorEntry> consumer) throws IOException {
        subjects.forEachRoomOperatorPage(naturalPersons, before, rows -> {
            Map<Long, List<LiveAccount>> accounts = liveAccounts.findByRoomOperatorSeqInOrderByPosition(rows.stream().map(RoomOperatorRow::seq).toList())
                    .stream().collect(Collectors.groupingBy(LiveAccountRow::roomOperatorSeq,
                            Collectors.mapping(a -> new LiveAccount(a.accountId(), blankToNull(a.displayName())), Collectors.toList())));
            for (RoomOperatorRow row : rows) {
                consumer.accept(new RoomOperatorEntry(row.legalName(), row.uscc(),
                        personalData.decrypt(row.idNumberCipher(), RoomOperatorStore.TABLE + ".id_number"),
                        personalData.open(row.address(), RoomOperatorStore.TABLE), personalData.open(row.contact(), RoomOperatorStore.TABLE),
                        accounts.getOrDefault(row.seq(), List.of())));
            }
        });
    }

    /** Marketers registered before {@code before}. */
    public void forEachMarketer(Instant before, ReportSubjects.EntryConsumer<MarketerEntry> consumer) throws IOException {
        subjects.forEachMarketerPage(before, rows -> {
            Map<Long, List<Certificate>> certificates = qualifications.findByMarketerSeqInOrderByPosition(rows.stream().map(MarketerRow::seq).toList())
                    .stream().collect(Collectors.groupingBy(QualificationRow::marketerSeq,
                            Collectors.mapping(q -> new Certificate(q.kind(), q.number(), blankToNull(q.issuer()), q.validUntil()),
                                    Collectors.toList())));
            List<String> mcnIds = rows.stream().map(MarketerRow::mcnInstitution).filter(id -> id != null && !id.isEmpty()).distinct().toList();
            Map<String, ReportMcnRow> mcnById = mcnIds.isEmpty() ? Map.of()
                    : mcns.findByResourceIdIn(mcnIds).stream().collect(Collectors.toMap(ReportMcnRow::resourceId, m -> m));
            for (MarketerRow row : rows) {
                ReportMcnRow mcn = row.mcnInstitution() == null ? null : mcnById.get(row.mcnInstitution());
                consumer.accept(new MarketerEntry(row.legalName(), personalData.decrypt(row.idNumberCipher(), MarketerStore.TABLE + ".id_number"),
                        personalData.open(row.address(), MarketerStore.TABLE), personalData.open(row.contact(), MarketerStore.TABLE),
                        mcn == null ? null : mcn.legalName(), mcn == null ? null : mcn.uscc(),
                        certificates.getOrDefault(row.seq(), List.of()), blankToNull(row.occupation())));
            }
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
