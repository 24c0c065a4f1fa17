package org.livecomply.identity.repository;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.livecomply.commons.pii.BlindIndex;
import org.livecomply.commons.pii.Masking;
import org.livecomply.commons.pii.PiiCipher;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.Licence;
import org.livecomply.identity.domain.LiveAccount;
import org.livecomply.identity.domain.NewRoomOperator;
import org.livecomply.identity.domain.PostalAddress;
import org.livecomply.identity.domain.ResidentIdNumber;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.domain.RoomOperatorKind;
import org.livecomply.identity.domain.RoomOperatorQuery;
import org.livecomply.identity.domain.RoomOperatorState;

/**
 * Room operators in and out of their three tables. Personal data are encrypted on the way in (PIPL
 * Art. 51) and only masks come back out; the plaintext never reaches a row.
 */
@Singleton
public class RoomOperatorStore {

    public static final String RESIDENT_ID_INDEX = "resident-id";

    private final RoomOperatorRepository operators;
    private final LicenceRepository licences;
    private final LiveAccountRepository liveAccounts;
    private final PiiCipher cipher;
    private final BlindIndex blindIndex;

    public RoomOperatorStore(RoomOperatorRepository operators, LicenceRepository licences, LiveAccountRepository liveAccounts,
                             PiiCipher cipher, BlindIndex blindIndex) {
        this.operators = operators;
        this.licences = licences;
        this.liveAccounts = liveAccounts;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    public String idNumberIndex(String idNumber) {
        return blindIndex.of(RESIDENT_ID_INDEX, idNumber);
    }

    public Optional<String> findNameByUscc(String uscc) {
        return operators.findByUscc(uscc).map(row -> RoomOperator.COLLECTION + row.resourceId());
    }

    public Optional<String> findNameByIdNumber(String idNumber) {
        return operators.findByIdNumberIndex(idNumberIndex(idNumber)).map(row -> RoomOperator.COLLECTION + row.resourceId());
    }

    /** Account ids among {@code accountIds} that already belong to an operator. */
    public List<String> takenLiveAccounts(Collection<String> accountIds) {
        return liveAccounts.findByAccountIdIn(accountIds).stream().map(LiveAccountRow::accountId).toList();
    }

    public RoomOperator insert(String id, NewRoomOperator operator, Optional<ResidentIdNumber> residentId, Instant now) {
        PostalAddress address = operator.businessAddress();
        Contact contact = operator.contact();
        String idNumber = residentId.map(ResidentIdNumber::value).orElse(null);
        String email = blankToNull(contact.email());
        RoomOperatorRow row = operators.save(new RoomOperatorRow(null, id, operator.kind().name(), operator.legalName(),
                operator.kind().hasUscc() ? operator.uscc() : null,
                idNumber == null ? null : cipher.encrypt(idNumber, "room_operators.id_number"),
                idNumber == null ? null : idNumberIndex(idNumber),
                idNumber == null ? null : Masking.idNumber(idNumber),
                residentId.map(ResidentIdNumber::birthDate).orElse(null),
                address.regionOrDefault(), address.province(), address.city(), address.district(),
                cipher.encrypt(address.streetAddress(), "room_operators.street"), Masking.text(address.streetAddress()),
                blankToNull(address.postalCode()),
                cipher.encrypt(contact.phone(), "room_operators.phone"), Masking.phone(contact.phone()),
                email == null ? null : cipher.encrypt(email, "room_operators.email"), email == null ? null : Masking.email(email),
                RoomOperatorState.PENDING_VERIFICATION.name(), now, now));
        List<Licence> licenceList = operator.licences();
        List<LicenceRow> licenceRows = new ArrayList<>();
        for (int i = 0; i < licenceList.size(); i++) {
            Licence licence = licenceList.get(i);
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
        return toDomain(List.of(row)).get(0);
    }

    public Optional<RoomOperator> find(String id) {
        return operators.findByResourceId(id).map(row -> toDomain(List.of(row)).get(0));
    }

    /** Up to {@code limit} operators after the cursor, the cursor of the last one, and whether more follow. */
    public Page page(RoomOperatorQuery query, long afterSeq, int limit) {
        List<RoomOperatorRow> rows = operators.page(afterSeq,
                query.state() == null ? null : query.state().name(),
                query.kind() == null ? null : query.kind().name(), limit + 1);
        boolean more = rows.size() > limit;
        List<RoomOperatorRow> shown = more ? rows.subList(0, limit) : rows;
        long last = shown.isEmpty() ? afterSeq : shown.get(shown.size() - 1).seq();
        return new Page(toDomain(shown), last, more);
    }

    /** A page of operators, the sequence number to continue after, and whether anything follows. */
    public record Page(List<RoomOperator> items, long lastSeq, boolean more) {
    }

    private List<RoomOperator> toDomain(List<RoomOperatorRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> seqs = rows.stream().map(RoomOperatorRow::seq).toList();
        Map<Long, List<Licence>> licencesBySeq = licences.findByRoomOperatorSeqInOrderByPosition(seqs).stream()
                .collect(Collectors.groupingBy(LicenceRow::roomOperatorSeq,
                        Collectors.mapping(l -> new Licence(l.kind(), l.number(), l.issuer(), l.validUntil()), Collectors.toList())));
        Map<Long, List<LiveAccount>> accountsBySeq = liveAccounts.findByRoomOperatorSeqInOrderByPosition(seqs).stream()
                .collect(Collectors.groupingBy(LiveAccountRow::roomOperatorSeq,
                        Collectors.mapping(a -> new LiveAccount(a.accountId(), a.displayName()), Collectors.toList())));
        return rows.stream().map(row -> new RoomOperator(row.resourceId(), RoomOperatorKind.valueOf(row.kind()), row.legalName(),
                row.uscc(), row.idNumberMasked(), row.birthDate(),
                new PostalAddress(row.regionCode(), row.province(), row.city(), row.district(), row.streetMasked(), row.postalCode()),
                new Contact(row.phoneMasked(), row.emailMasked()),
                licencesBySeq.getOrDefault(row.seq(), List.of()), accountsBySeq.getOrDefault(row.seq(), List.of()),
                RoomOperatorState.valueOf(row.state()), row.createTime(), row.updateTime())).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
