package org.livecomply.identity.repository;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.livecomply.commons.pii.Masking;
import org.livecomply.identity.domain.Certificate;
import org.livecomply.identity.domain.GuardianConsent;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.Marketer;
import org.livecomply.identity.domain.MarketerState;
import org.livecomply.identity.domain.MarketerUpdate;
import org.livecomply.identity.domain.NewMarketer;
import org.livecomply.identity.domain.PostalAddress;
import org.livecomply.identity.domain.ResidentIdNumber;
import org.livecomply.identity.domain.SubjectRevision;
import org.livecomply.identity.domain.SubjectType;

/** Marketers, their qualifications and guardian consents in and out of their tables (masked by default). */
@Singleton
public class MarketerStore {

    static final String TABLE = "marketers";
    private static final String CONSENTS = "guardian_consents";

    private final MarketerRepository marketers;
    private final QualificationRepository qualifications;
    private final GuardianConsentRepository consents;
    private final Revisions revisions;
    private final PersonalData personalData;

    public MarketerStore(MarketerRepository marketers, QualificationRepository qualifications, GuardianConsentRepository consents,
                         Revisions revisions, PersonalData personalData) {
        this.marketers = marketers;
        this.qualifications = qualifications;
        this.consents = consents;
        this.revisions = revisions;
        this.personalData = personalData;
    }

    public Optional<String> findNameByIdNumber(String idNumber) {
        return marketers.findByIdNumberIndex(personalData.residentIdIndex(idNumber)).map(row -> Marketer.COLLECTION + row.resourceId());
    }

    public Marketer insert(String id, NewMarketer marketer, ResidentIdNumber residentId, Instant now) {
        PersonalData.SealedAddress address = personalData.seal(marketer.habitualAddress(), TABLE);
        PersonalData.SealedContact contact = personalData.seal(marketer.contact(), TABLE);
        MarketerRow row = marketers.save(new MarketerRow(null, id, marketer.legalName(),
                personalData.encrypt(residentId.value(), TABLE + ".id_number"), personalData.residentIdIndex(residentId.value()),
                Masking.idNumber(residentId.value()), residentId.birthDate(),
                address.regionCode(), address.province(), address.city(), address.district(),
                address.streetCipher(), address.streetMasked(), address.postalCode(),
                contact.phoneCipher(), contact.phoneMasked(), contact.emailCipher(), contact.emailMasked(),
                marketer.mcnInstitutionId(), marketer.occupation() == null ? "" : marketer.occupation(),
                MarketerState.PENDING_VERIFICATION.name(), null, now, now));
        saveQualifications(row.seq(), marketer.qualifications());
        return toDomain(List.of(row), false).get(0);
    }

    private void saveQualifications(long marketerSeq, List<Certificate> list) {
        List<QualificationRow> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Certificate q = list.get(i);
            rows.add(new QualificationRow(null, marketerSeq, i, q.kind(), q.number(), q.issuer() == null ? "" : q.issuer(), q.validUntil()));
        }
        qualifications.saveAll(rows);
    }

    /** Applies {@code update} to the locked {@code row}, keeping the replaced version as a revision (Art. 8 ¶2). */
    public void update(MarketerRow row, MarketerUpdate update, String updatedBy, Instant now) {
        Marketer current = toDomain(List.of(row), false).get(0);
        revisions.keep(SubjectType.MARKETER, row.seq(), update.fields().stream().sorted().map(MarketerUpdate.Field::path).toList(),
                new MarketerSnapshot(row.legalName(), row.regionCode(), row.province(), row.city(), row.district(), row.streetCipher(),
                        row.streetMasked(), row.postalCode(), row.phoneCipher(), row.phoneMasked(), row.emailCipher(), row.emailMasked(),
                        row.mcnInstitution(), row.occupation(), row.state(), row.updateTime(),
                        current.qualifications().stream().map(q -> new MarketerSnapshot.Qualification(q.kind(), q.number(), q.issuer(),
                                q.validUntil())).toList()),
                updatedBy, now);
        Set<MarketerUpdate.Field> fields = update.fields();
        PersonalData.SealedAddress address = fields.contains(MarketerUpdate.Field.HABITUAL_ADDRESS)
                ? personalData.seal(update.habitualAddress(), TABLE) : row.address();
        PersonalData.SealedContact contact = fields.contains(MarketerUpdate.Field.CONTACT) ? personalData.seal(update.contact(), TABLE) : row.contact();
        marketers.update(new MarketerRow(row.seq(), row.resourceId(),
                fields.contains(MarketerUpdate.Field.LEGAL_NAME) ? update.legalName() : row.legalName(),
                row.idNumberCipher(), row.idNumberIndex(), row.idNumberMasked(), row.birthDate(),
                address.regionCode(), address.province(), address.city(), address.district(), address.streetCipher(), address.streetMasked(),
                address.postalCode(), contact.phoneCipher(), contact.phoneMasked(), contact.emailCipher(), contact.emailMasked(),
                fields.contains(MarketerUpdate.Field.MCN_INSTITUTION) ? update.mcnInstitutionId() : row.mcnInstitution(),
                fields.contains(MarketerUpdate.Field.OCCUPATION) ? (update.occupation() == null ? "" : update.occupation()) : row.occupation(),
                row.state(), row.lastVerifyTime(), row.createTime(), now));
        if (fields.contains(MarketerUpdate.Field.QUALIFICATIONS)) {
            qualifications.deleteByMarketerSeq(row.seq());
            saveQualifications(row.seq(), update.qualifications());
        }
    }

    public List<SubjectRevisionRow> revisionRows(long marketerSeq, int beforeNumber, int limit) {
        return revisions.rows(SubjectType.MARKETER, marketerSeq, beforeNumber, limit);
    }

    /** Revision rows of {@code row}'s marketer as masked earlier versions. */
    public List<SubjectRevision<Marketer>> revisions(MarketerRow row, List<SubjectRevisionRow> rows) {
        return revisions.read(Marketer.COLLECTION + row.resourceId(), rows, MarketerSnapshot.class, was -> new Marketer(row.resourceId(),
                was.legalName(), row.idNumberMasked(), row.birthDate(),
                new PostalAddress(was.regionCode(), was.province(), was.city(), was.district(), was.streetMasked(), was.postalCode()),
                new Contact(was.phoneMasked(), was.emailMasked()), was.mcnInstitution(),
                was.qualifications().stream().map(q -> new Certificate(q.kind(), q.number(), q.issuer(), q.validUntil())).toList(),
                was.occupation(), MarketerState.valueOf(was.state()), Optional.empty(), row.lastVerifyTime(), row.createTime(), was.updateTime()));
    }

    public Optional<Marketer> find(String id) {
        return marketers.findByResourceId(id).map(row -> toDomain(List.of(row), false).get(0));
    }

    /** The marketer with personal data in clear: only for an audited disclosure. */
    public Optional<Marketer> findDisclosed(String id) {
        return marketers.findByResourceId(id).map(row -> toDomain(List.of(row), true).get(0));
    }

    /** Marketers by id, masked, for roster checks. */
    public Map<String, Marketer> findAll(Collection<String> ids) {
        return toDomain(marketers.findByResourceIdIn(ids), false).stream().collect(Collectors.toMap(Marketer::id, Function.identity()));
    }

    public Map<String, MarketerRow> rows(Collection<String> ids) {
        return marketers.findByResourceIdIn(ids).stream().collect(Collectors.toMap(MarketerRow::resourceId, Function.identity()));
    }

    public Optional<MarketerRow> row(String id) {
        return marketers.findByResourceId(id);
    }

    /** The row, locked for the rest of the transaction. */
    public Optional<MarketerRow> lock(String id) {
        return marketers.lockByResourceId(id);
    }

    public void recordVerification(MarketerRow row, MarketerState state, Instant lastVerifyTime, Instant now) {
        marketers.updateVerification(row.seq(), state.name(), lastVerifyTime, now);
    }

    public void addGuardianConsent(MarketerRow row, GuardianConsent consent, Instant now) {
        consents.save(new GuardianConsentRow(null, row.seq(), consent.guardianName(),
                personalData.encrypt(consent.guardianIdNumber(), CONSENTS + ".guardian_id"), Masking.idNumber(consent.guardianIdNumber()),
                consent.relationship(), consent.consentDocumentSha256(), consent.consentTime(), now));
        marketers.touch(row.seq(), now);
    }

    /** Up to {@code limit} rows after {@code afterSeq}, oldest first, optionally in one state. */
    public List<MarketerRow> rows(MarketerState state, long afterSeq, int limit) {
        return marketers.page(afterSeq, state == null ? null : state.name(), limit);
    }

    /** Rows as marketers, personal data masked. */
    public List<Marketer> masked(List<MarketerRow> rows) {
        return toDomain(rows, false);
    }

    private List<Marketer> toDomain(List<MarketerRow> rows, boolean disclosed) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> seqs = rows.stream().map(MarketerRow::seq).toList();
        Map<Long, List<Certificate>> qualificationsBySeq = qualifications.findByMarketerSeqInOrderByPosition(seqs).stream()
                .collect(Collectors.groupingBy(QualificationRow::marketerSeq,
                        Collectors.mapping(q -> new Certificate(q.kind(), q.number(), q.issuer(), q.validUntil()), Collectors.toList())));
        Map<Long, GuardianConsent> consentBySeq = consents.latestFor(seqs).stream().collect(Collectors.toMap(GuardianConsentRow::marketerSeq,
                c -> new GuardianConsent(c.guardianName(), c.guardianIdMasked(), c.relationship(), c.consentDocumentSha256(), c.consentTime())));
        return rows.stream().map(row -> new Marketer(row.resourceId(), row.legalName(),
                disclosed ? personalData.decrypt(row.idNumberCipher(), TABLE + ".id_number") : row.idNumberMasked(),
                row.birthDate(),
                disclosed ? personalData.open(row.address(), TABLE) : row.address().masked(),
                disclosed ? personalData.open(row.contact(), TABLE) : row.contact().masked(),
                row.mcnInstitution(),
                qualificationsBySeq.getOrDefault(row.seq(), List.of()), row.occupation(), MarketerState.valueOf(row.state()),
                Optional.ofNullable(consentBySeq.get(row.seq())), row.lastVerifyTime(), row.createTime(), row.updateTime())).toList();
    }
}
