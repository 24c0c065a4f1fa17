package org.livecomply.identity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.livecomply.commons.error.AlreadyExistsException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.identity.domain.McnAgreement;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.McnInstitution;
import org.livecomply.identity.domain.McnInstitutionUpdate;
import org.livecomply.identity.domain.PostalAddress;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.domain.RoomOperatorState;
import org.livecomply.identity.domain.RosterRules;
import org.livecomply.identity.domain.SubjectRevision;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.repository.McnAgreementRepository;
import org.livecomply.identity.repository.McnAgreementRow;
import org.livecomply.identity.repository.McnInstitutionRepository;
import org.livecomply.identity.repository.McnInstitutionRow;
import org.livecomply.identity.repository.McnInstitutionSnapshot;
import org.livecomply.identity.repository.PersonalData;
import org.livecomply.identity.repository.Revisions;
import org.livecomply.identity.repository.RoomOperatorStore;
import org.livecomply.identity.repository.SubjectRevisionRow;

/** MCN institutions and their written agreements with verified room operators (Arts. 38–45). */
@Singleton
public class McnService {

    public static final String NOT_FOUND = "MCN_INSTITUTION_NOT_FOUND";
    public static final String ALREADY_REGISTERED = "MCN_INSTITUTION_ALREADY_REGISTERED";
    private static final String TABLE = "mcn_institutions";
    private static final Set<RoomOperatorState> VERIFIED = Set.of(RoomOperatorState.VERIFIED, RoomOperatorState.REVERIFICATION_DUE);

    private final McnInstitutionRepository institutions;
    private final McnAgreementRepository agreements;
    private final RoomOperatorStore roomOperators;
    private final PersonalData personalData;
    private final Revisions revisions;
    private final Blacklist blacklist;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public McnService(McnInstitutionRepository institutions, McnAgreementRepository agreements, RoomOperatorStore roomOperators,
                      PersonalData personalData, Revisions revisions, Blacklist blacklist, Idempotency idempotency, PageTokens pageTokens,
                      Clock clock) {
        this.institutions = institutions;
        this.revisions = revisions;
        this.agreements = agreements;
        this.roomOperators = roomOperators;
        this.personalData = personalData;
        this.blacklist = blacklist;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public McnInstitution register(String requestId, String fingerprint, McnInstitution mcn) {
        return idempotency.once("CreateMcnInstitution", requestId, fingerprint, () -> {
            blacklist.refuseIfBlacklisted(blacklist.keyOfUscc(mcn.uscc()), "mcn_institution");
            institutions.findByUscc(mcn.uscc()).ifPresent(existing -> {
                throw new AlreadyExistsException(ALREADY_REGISTERED, "This USCC is already registered as an MCN",
                        Map.of("existing", McnInstitution.COLLECTION + existing.resourceId()));
            });
            PersonalData.SealedAddress address = personalData.seal(mcn.businessAddress(), TABLE);
            PersonalData.SealedContact contact = personalData.seal(mcn.contact(), TABLE);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            McnInstitutionRow row = institutions.save(new McnInstitutionRow(null, UUID.randomUUID().toString(), mcn.legalName(), mcn.uscc(),
                    address.regionCode(), address.province(), address.city(), address.district(), address.streetCipher(),
                    address.streetMasked(), address.postalCode(), contact.phoneCipher(), contact.phoneMasked(), contact.emailCipher(),
                    contact.emailMasked(), now, now));
            return toDomain(row);
        }, McnInstitution::id, this::get);
    }

    @Transactional(readOnly = true)
    public McnInstitution get(String id) {
        return institutions.findByResourceId(id).map(McnService::toDomain).orElseThrow(() -> notFound(id));
    }

    /**
     * Applies an update and keeps the replaced version as the next revision, contact and street still
     * encrypted in it (Arts. 39, 43: the file stays current, its history kept); a retry returns the
     * institution as it is now.
     */
    @Transactional
    public McnInstitution update(String requestId, String fingerprint, String id, McnInstitutionUpdate update, String updatedBy) {
        return idempotency.once("UpdateMcnInstitution", requestId, fingerprint, () -> {
            McnInstitutionRow row = institutions.lockByResourceId(id).orElseThrow(() -> notFound(id));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            revisions.keep(SubjectType.MCN_INSTITUTION, row.seq(), update.fields().stream().sorted().map(McnInstitutionUpdate.Field::path).toList(),
                    new McnInstitutionSnapshot(row.legalName(), row.regionCode(), row.province(), row.city(), row.district(), row.streetCipher(),
                            row.streetMasked(), row.postalCode(), row.phoneCipher(), row.phoneMasked(), row.emailCipher(), row.emailMasked(),
                            row.updateTime()),
                    updatedBy, now);
            PersonalData.SealedAddress address = update.fields().contains(McnInstitutionUpdate.Field.BUSINESS_ADDRESS)
                    ? personalData.seal(update.businessAddress(), TABLE) : row.address();
            PersonalData.SealedContact contact = update.fields().contains(McnInstitutionUpdate.Field.CONTACT)
                    ? personalData.seal(update.contact(), TABLE) : row.contact();
            institutions.update(new McnInstitutionRow(row.seq(), row.resourceId(),
                    update.fields().contains(McnInstitutionUpdate.Field.LEGAL_NAME) ? update.legalName() : row.legalName(), row.uscc(),
                    address.regionCode(), address.province(), address.city(), address.district(), address.streetCipher(),
                    address.streetMasked(), address.postalCode(), contact.phoneCipher(), contact.phoneMasked(), contact.emailCipher(),
                    contact.emailMasked(), row.createTime(), now));
            return get(id);
        }, McnInstitution::id, this::get);
    }

    /** Earlier versions, newest first, street and contact masked. */
    @Transactional(readOnly = true)
    public PagedResult<SubjectRevision<McnInstitution>> revisions(String id, int pageSize, String pageToken) {
        McnInstitutionRow row = institutions.findByResourceId(id).orElseThrow(() -> notFound(id));
        String query = "ListMcnInstitutionRevisions?parent=" + id;
        int before = (int) pageTokens.resume(pageToken, query, Integer.MAX_VALUE);
        return pageTokens.page(query, revisions.rows(SubjectType.MCN_INSTITUTION, row.seq(), before, pageSize + 1), pageSize,
                SubjectRevisionRow::number, shown -> revisions.read(McnInstitution.COLLECTION + id, shown, McnInstitutionSnapshot.class,
                        was -> new McnInstitution(id, was.legalName(), row.uscc(),
                                new PostalAddress(was.regionCode(), was.province(), was.city(), was.district(), was.streetMasked(), was.postalCode()),
                                new Contact(was.phoneMasked(), was.emailMasked()), row.createTime(), was.updateTime())));
    }

    /** Whether {@code id} names a registered MCN (for marketer affiliations, Art. 8 ¶2). */
    public void requireExists(String id) {
        if (institutions.findByResourceId(id).isEmpty()) {
            throw notFound(id);
        }
    }

    @Transactional(readOnly = true)
    public PagedResult<McnInstitution> list(int pageSize, String pageToken) {
        String query = "ListMcnInstitutions";
        List<McnInstitutionRow> rows = institutions.page(pageTokens.resume(pageToken, query, 0), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, McnInstitutionRow::seq, shown -> shown.stream().map(McnService::toDomain).toList());
    }

    /** Art. 43: an agreement only with a room operator whose identity is verified and current. */
    @Transactional
    public McnAgreement createAgreement(String requestId, String fingerprint, String mcnId, McnAgreement agreement) {
        return idempotency.once("CreateMcnAgreement", requestId, fingerprint, () -> {
            McnInstitutionRow mcn = institutions.lockByResourceId(mcnId).orElseThrow(() -> notFound(mcnId));
            RoomOperator operator = roomOperators.find(agreement.roomOperatorId()).orElseThrow(() -> new NotFoundException(
                    RoomOperatorService.NOT_FOUND, RoomOperator.COLLECTION + agreement.roomOperatorId()));
            if (!VERIFIED.contains(operator.state())) {
                throw new RuleViolationException(new RuleViolation(RosterRules.ROOM_OPERATOR_NOT_VERIFIED, McnAgreement.ARTICLE,
                        operator.name(), "an MCN may sign only with a verified room operator (state " + operator.state() + ")"));
            }
            McnAgreementRow row = agreements.save(new McnAgreementRow(null, mcn.seq(), agreements.lastNumber(mcn.seq()) + 1,
                    agreement.roomOperatorId(), agreement.agreementDocumentSha256(), agreement.signTime().truncatedTo(ChronoUnit.MICROS),
                    agreement.validUntil(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
            return toDomain(row, mcnId);
        }, McnAgreement::name, name -> agreement(mcnId, Integer.parseInt(name.substring(name.lastIndexOf('/') + 1))));
    }

    private McnAgreement agreement(String mcnId, int number) {
        McnInstitutionRow mcn = institutions.findByResourceId(mcnId).orElseThrow(() -> notFound(mcnId));
        return agreements.findByMcnSeqAndNumber(mcn.seq(), number).map(row -> toDomain(row, mcnId)).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PagedResult<McnAgreement> listAgreements(String mcnId, int pageSize, String pageToken) {
        McnInstitutionRow mcn = institutions.findByResourceId(mcnId).orElseThrow(() -> notFound(mcnId));
        String query = "ListMcnAgreements?parent=" + mcnId;
        List<McnAgreementRow> rows = agreements.page(mcn.seq(), (int) pageTokens.resume(pageToken, query, 0), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, McnAgreementRow::number, shown -> shown.stream().map(row -> toDomain(row, mcnId)).toList());
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException(NOT_FOUND, McnInstitution.COLLECTION + id);
    }

    private static McnInstitution toDomain(McnInstitutionRow row) {
        return new McnInstitution(row.resourceId(), row.legalName(), row.uscc(), row.address().masked(), row.contact().masked(), row.createTime(),
                row.updateTime());
    }

    private static McnAgreement toDomain(McnAgreementRow row, String mcnId) {
        return new McnAgreement(mcnId, row.number(), row.roomOperatorId(), row.agreementDocumentSha256(), row.signTime(), row.validUntil(),
                row.createTime());
    }
}
