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
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.LiveAccount;
import org.livecomply.identity.domain.NewRoomOperator;
import org.livecomply.identity.domain.PostalAddress;
import org.livecomply.identity.domain.ResidentIdNumber;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.domain.RoomOperatorKind;
import org.livecomply.identity.domain.RoomOperatorQuery;
import org.livecomply.identity.domain.SubjectRevision;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.domain.RoomOperatorState;
import org.livecomply.identity.domain.RoomOperatorUpdate;
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
    private final Revisions revisions;
    private final PersonalData personalData;
    private final VerificationPolicy policy;
    private final Clock clock;

    public RoomOperatorStore(RoomOperatorRepository operators, LicenceRepository licences, LiveAccountRepository liveAccounts,
                             Revisions revisions, PersonalData personalData, VerificationPolicy policy, Clock clock) {
        this.operators = operators;
        this.licences = licences;
        this.liveAccounts = liveAccounts;
        this.revisions = revisions;
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
        saveLicences(row.seq(), operator.licences());
        saveLiveAccounts(row.seq(), operator.liveAccounts());
        return toDomain(List.of(row), false).get(0);
    }

    private void saveLicences(long operatorSeq, List<Certificate> list) {
        List<LicenceRow> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Certificate licence = list.get(i);
            rows.add(new LicenceRow(null, operatorSeq, i, licence.kind(), licence.number(), licence.issuer() == null ? "" : licence.issuer(),
                    licence.validUntil()));
        }
        licences.saveAll(rows);
    }

    private void saveLiveAccounts(long operatorSeq, List<LiveAccount> list) {
        List<LiveAccountRow> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            LiveAccount account = list.get(i);
            rows.add(new LiveAccountRow(account.accountId(), operatorSeq, i, account.displayName() == null ? "" : account.displayName()));
        }
        liveAccounts.saveAll(rows);
    }

    /**
     * Applies {@code update} to the locked {@code row}, keeping the replaced version as revision n+1
     * (Art. 8 ¶1: the file is updated, its history kept).
     */
    public void update(RoomOperatorRow row, RoomOperatorUpdate update, String updatedBy, Instant now) {
        RoomOperator current = toDomain(List.of(row), false).get(0);
        RoomOperatorSnapshot previous = new RoomOperatorSnapshot(row.legalName(), row.regionCode(), row.province(), row.city(), row.district(),
                row.streetCipher(), row.streetMasked(), row.postalCode(), row.phoneCipher(), row.phoneMasked(), row.emailCipher(),
                row.emailMasked(), current.state().name(), row.updateTime(),
                current.licences().stream().map(l -> new RoomOperatorSnapshot.Licence(l.kind(), l.number(), l.issuer(), l.validUntil())).toList(),
                current.liveAccounts().stream().map(a -> new RoomOperatorSnapshot.Account(a.accountId(), a.displayName())).toList());
        revisions.keep(SubjectType.ROOM_OPERATOR, row.seq(), update.fields().stream().sorted().map(RoomOperatorUpdate.Field::path).toList(),
                previous, updatedBy, now);
        PersonalData.SealedAddress address = update.fields().contains(RoomOperatorUpdate.Field.BUSINESS_ADDRESS)
                ? personalData.seal(update.businessAddress(), TABLE) : row.address();
        PersonalData.SealedContact contact = update.fields().contains(RoomOperatorUpdate.Field.CONTACT)
                ? personalData.seal(update.contact(), TABLE) : row.contact();
        operators.update(new RoomOperatorRow(row.seq(), row.resourceId(), row.kind(),
                update.fields().contains(RoomOperatorUpdate.Field.LEGAL_NAME) ? update.legalName() : row.legalName(),
                row.uscc(), row.idNumberCipher(), row.idNumberIndex(), row.idNumberMasked(), row.birthDate(),
                address.regionCode(), address.province(), address.city(), address.district(), address.streetCipher(), address.streetMasked(),
                address.postalCode(), contact.phoneCipher(), contact.phoneMasked(), contact.emailCipher(), contact.emailMasked(),
                row.state(), row.lastVerifyTime(), row.reverificationDueTime(), row.createTime(), now));
        if (update.fields().contains(RoomOperatorUpdate.Field.LICENCES)) {
            licences.deleteByRoomOperatorSeq(row.seq());
            saveLicences(row.seq(), update.licences());
        }
        if (update.fields().contains(RoomOperatorUpdate.Field.LIVE_ACCOUNTS)) {
            liveAccounts.deleteByRoomOperatorSeq(row.seq());
            saveLiveAccounts(row.seq(), update.liveAccounts());
        }
    }

    /** Earlier versions, newest first, before revision {@code beforeNumber}; {@code limit} rows at most. */
    public List<SubjectRevisionRow> revisionRows(long operatorSeq, int beforeNumber, int limit) {
        return revisions.rows(SubjectType.ROOM_OPERATOR, operatorSeq, beforeNumber, limit);
    }

    /** Revision rows of {@code row}'s operator as masked earlier versions. */
    public List<SubjectRevision<RoomOperator>> revisions(RoomOperatorRow row, List<SubjectRevisionRow> rows) {
        return revisions.read(RoomOperator.COLLECTION + row.resourceId(), rows, RoomOperatorSnapshot.class, was -> new RoomOperator(
                row.resourceId(), RoomOperatorKind.valueOf(row.kind()), was.legalName(), row.uscc(), row.idNumberMasked(), row.birthDate(),
                new PostalAddress(was.regionCode(), was.province(), was.city(), was.district(), was.streetMasked(), was.postalCode()),
                new Contact(was.phoneMasked(), was.emailMasked()),
                was.licences().stream().map(l -> new Certificate(l.kind(), l.number(), l.issuer(), l.validUntil())).toList(),
                was.liveAccounts().stream().map(a -> new LiveAccount(a.accountId(), a.displayName())).toList(),
                RoomOperatorState.valueOf(was.state()), row.lastVerifyTime(), row.reverificationDueTime(), row.createTime(), was.updateTime()));
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
