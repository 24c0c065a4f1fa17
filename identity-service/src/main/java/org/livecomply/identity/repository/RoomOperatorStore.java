package org.livecomply.identity.repository;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.livecomply.commons.pii.Masking;
import org.livecomply.identity.domain.Certificate;
import org.livecomply.identity.domain.LiveAccount;
import org.livecomply.identity.domain.NewRoomOperator;
import org.livecomply.identity.domain.ResidentIdNumber;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.domain.RoomOperatorKind;
import org.livecomply.identity.domain.RoomOperatorQuery;
import org.livecomply.identity.domain.RoomOperatorState;
import org.livecomply.identity.domain.VerificationPolicy;

/**
 * Room operators in and out of their three tables. Personal data are encrypted on the way in and only
 * masks come back out, except through {@link #findDisclosed}, which the audited disclosure uses.
 */
@Singleton
public class RoomOperatorStore {

    static final String TABLE = "room_operators";

    private final RoomOperatorRepository operators;
    private final LicenceRepository licences;
    private final LiveAccountRepository liveAccounts;
    private final PersonalData personalData;
    private final VerificationPolicy policy;
    private final Clock clock;

    public RoomOperatorStore(RoomOperatorRepository operators, LicenceRepository licences, LiveAccountRepository liveAccounts,
                             PersonalData personalData, VerificationPolicy policy, Clock clock) {
        this.operators = operators;
        this.licences = licences;
        this.liveAccounts = liveAccounts;
        this.personalData = personalData;
        this.policy = policy;
        this.clock = clock;
    }

    public Optional<String> findNameByUscc(String uscc) {
        return operators.findByUscc(uscc).map(row -> RoomOperator.COLLECTION + row.resourceId());
    }

    public Optional<String> findNameByIdNumber(String idNumber) {
        return operators.findByIdNumberIndex(personalData.residentIdIndex(idNumber)).map(row -> RoomOperator.COLLECTION + row.resourceId());
    }

    /** Account ids among {@code accountIds} that already belong to an operator. */
    public List<String> takenLiveAccounts(Collection<String> accountIds) {
        return liveAccounts.findByAccountIdIn(accountIds).stream().map(LiveAccountRow::accountId).toList();
    }

    public RoomOperator insert(String id, NewRoomOperator operator, Optional<ResidentIdNumber> residentId, Instant now) {
        PersonalData.SealedAddress address = personalData.seal(operator.businessAddress(), TABLE);
        PersonalData.SealedContact contact = personalData.seal(operator.contact(), TABLE);
        String idNumber = residentId.map(ResidentIdNumber::value).orElse(null);
        RoomOperatorRow row = operators.save(new RoomOperatorRow(null, id, operator.kind().name(), operator.legalName(),
                operator.kind().hasUscc() ? operator.uscc() : null,
                personalData.encrypt(idNumber, TABLE + ".id_number"),
                idNumber == null ? null : personalData.residentIdIndex(idNumber),
                idNumber == null ? null : Masking.idNumber(idNumber),
                residentId.map(ResidentIdNumber::birthDate).orElse(null),
                address.regionCode(), address.province(), address.city(), address.district(),
                address.streetCipher(), address.streetMasked(), address.postalCode(),
                contact.phoneCipher(), contact.phoneMasked(), contact.emailCipher(), contact.emailMasked(),
                RoomOperatorState.PENDING_VERIFICATION.name(), null, null, now, now));
        List<LicenceRow> licenceRows = new ArrayList<>();
        for (int i = 0; i < operator.licences().size(); i++) {
            Certificate licence = operator.licences().get(i);
            licenceRows.add(new LicenceRow(null, row.seq(), i, licence.kind(), licence.number(),
                    licence.issuer() == null ? "" : licence.issuer(), licence.validUntil()));
        }
        licences.saveAll(licenceRows);
        List<LiveAccountRow> accountRows = new ArrayList<>();
        for (int i = 0; i < operator.liveAccounts().size(); i++) {
            LiveAccount account = operator.liveAccounts().get(i);
            accountRows.add(new LiveAccountRow(account.accountId(), row.seq(), i, account.displayName() == null ? "" : account.displayName()));
        }
        liveAccounts.saveAll(accountRows);
        return toDomain(List.of(row), false).get(0);
    }

    public Optional<RoomOperator> find(String id) {
        return operators.findByResourceId(id).map(row -> toDomain(List.of(row), false).get(0));
    }

    /** The operator with personal data in clear: only for an audited disclosure. */
    public Optional<RoomOperator> findDisclosed(String id) {
        return operators.findByResourceId(id).map(row -> toDomain(List.of(row), true).get(0));
    }

    public Optional<RoomOperatorRow> row(String id) {
        return operators.findByResourceId(id);
    }

    /** The row, locked for the rest of the transaction. */
    public Optional<RoomOperatorRow> lock(String id) {
        return operators.lockByResourceId(id);
    }

    public void recordVerification(RoomOperatorRow row, RoomOperatorState state, Instant lastVerifyTime, Instant now) {
        Instant due = lastVerifyTime == null ? null : policy.reverificationDue(lastVerifyTime);
        operators.updateVerification(row.seq(), state.name(), lastVerifyTime, due, now);
    }

    /** The effective state of an operator row now. */
    public RoomOperatorState stateOf(RoomOperatorRow row) {
        return policy.effective(RoomOperatorState.valueOf(row.state()), row.reverificationDueTime(), clock.instant());
    }

    /** Up to {@code limit} rows after {@code afterSeq}, oldest first, filtered by kind and effective state now. */
    public List<RoomOperatorRow> rows(RoomOperatorQuery query, long afterSeq, int limit) {
        Instant now = clock.instant();
        return operators.page(afterSeq, query.state() == null ? null : query.state().name(),
                query.kind() == null ? null : query.kind().name(), now, now.plus(policy.reminderLead()), limit);
    }

    /** Rows as operators, personal data masked. */
    public List<RoomOperator> masked(List<RoomOperatorRow> rows) {
        return toDomain(rows, false);
    }

    private List<RoomOperator> toDomain(List<RoomOperatorRow> rows, boolean disclosed) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> seqs = rows.stream().map(RoomOperatorRow::seq).toList();
        Map<Long, List<Certificate>> licencesBySeq = licences.findByRoomOperatorSeqInOrderByPosition(seqs).stream()
                .collect(Collectors.groupingBy(LicenceRow::roomOperatorSeq,
                        Collectors.mapping(l -> new Certificate(l.kind(), l.number(), l.issuer(), l.validUntil()), Collectors.toList())));
        Map<Long, List<LiveAccount>> accountsBySeq = liveAccounts.findByRoomOperatorSeqInOrderByPosition(seqs).stream()
                .collect(Collectors.groupingBy(LiveAccountRow::roomOperatorSeq,
                        Collectors.mapping(a -> new LiveAccount(a.accountId(), a.displayName()), Collectors.toList())));
        return rows.stream().map(row -> new RoomOperator(row.resourceId(), RoomOperatorKind.valueOf(row.kind()), row.legalName(),
                row.uscc(),
                disclosed ? personalData.decrypt(row.idNumberCipher(), TABLE + ".id_number") : row.idNumberMasked(),
                row.birthDate(),
                disclosed ? personalData.open(row.address(), TABLE) : row.address().masked(),
                disclosed ? personalData.open(row.contact(), TABLE) : row.contact().masked(),
                licencesBySeq.getOrDefault(row.seq(), List.of()), accountsBySeq.getOrDefault(row.seq(), List.of()),
                stateOf(row), row.lastVerifyTime(), row.reverificationDueTime(), row.createTime(), row.updateTime())).toList();
    }
}
