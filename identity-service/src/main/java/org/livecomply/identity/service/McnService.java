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
import org.livecomply.identity.domain.McnInstitution;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.domain.RoomOperatorState;
import org.livecomply.identity.domain.RosterRules;
import org.livecomply.identity.repository.McnAgreementRepository;
import org.livecomply.identity.repository.McnAgreementRow;
import org.livecomply.identity.repository.McnInstitutionRepository;
import org.livecomply.identity.repository.McnInstitutionRow;
import org.livecomply.identity.repository.PersonalData;
import org.livecomply.identity.repository.RoomOperatorStore;

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
    private final Blacklist blacklist;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public McnService(McnInstitutionRepository institutions, McnAgreementRepository agreements, RoomOperatorStore roomOperators,
                      PersonalData personalData, Blacklist blacklist, Idempotency idempotency, PageTokens pageTokens, Clock clock) {
        this.institutions = institutions;
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
            McnInstitutionRow row = institutions.save(new McnInstitutionRow(null, UUID.randomUUID().toString(), mcn.legalName(), mcn.uscc(),
                    address.regionCode(), address.province(), address.city(), address.district(), address.streetCipher(),
                    address.streetMasked(), address.postalCode(), contact.phoneCipher(), contact.phoneMasked(), contact.emailCipher(),
                    contact.emailMasked(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
            return toDomain(row);
        }, McnInstitution::id, this::get);
    }

    @Transactional(readOnly = true)
    public McnInstitution get(String id) {
        return institutions.findByResourceId(id).map(McnService::toDomain).orElseThrow(() -> notFound(id));
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
        return new McnInstitution(row.resourceId(), row.legalName(), row.uscc(), row.address().masked(), row.contact().masked(), row.createTime());
    }

    private static McnAgreement toDomain(McnAgreementRow row, String mcnId) {
        return new McnAgreement(mcnId, row.number(), row.roomOperatorId(), row.agreementDocumentSha256(), row.signTime(), row.validUntil(),
                row.createTime());
    }
}
