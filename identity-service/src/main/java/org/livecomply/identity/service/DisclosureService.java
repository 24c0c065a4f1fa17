package org.livecomply.identity.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.identity.domain.DisclosureAudit;
import org.livecomply.identity.domain.Marketer;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.repository.DisclosureAuditRepository;
import org.livecomply.identity.repository.DisclosureAuditRow;
import org.livecomply.identity.repository.MarketerStore;
import org.livecomply.identity.repository.RoomOperatorStore;

/**
 * Seller information in clear (Art. 18; CRPL Art. 44; Arts. 21, 46): the audit record is written in the
 * same transaction as the read, so there is no disclosure without its record.
 */
@Singleton
public class DisclosureService {

    private final RoomOperatorStore roomOperators;
    private final MarketerStore marketers;
    private final DisclosureAuditRepository audits;
    private final PageTokens pageTokens;
    private final Clock clock;

    public DisclosureService(RoomOperatorStore roomOperators, MarketerStore marketers, DisclosureAuditRepository audits,
                             PageTokens pageTokens, Clock clock) {
        this.roomOperators = roomOperators;
        this.marketers = marketers;
        this.audits = audits;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** The disclosed seller, and the audit record written for it. */
    public record Disclosure(RoomOperator roomOperator, Optional<Marketer> marketer, DisclosureAudit audit) {
    }

    @Transactional
    public Disclosure disclose(String roomOperatorId, Optional<String> marketerId, DisclosureAudit.Purpose purpose, String caseReference,
                               String disclosedTo) {
        RoomOperator operator = roomOperators.findDisclosed(roomOperatorId)
                .orElseThrow(() -> new NotFoundException(RoomOperatorService.NOT_FOUND, RoomOperator.COLLECTION + roomOperatorId));
        Optional<Marketer> marketer = marketerId.map(id -> marketers.findDisclosed(id)
                .orElseThrow(() -> new NotFoundException(MarketerService.NOT_FOUND, Marketer.COLLECTION + id)));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DisclosureAuditRow row = audits.save(new DisclosureAuditRow(null, UUID.randomUUID().toString(), disclosedTo, purpose.name(),
                caseReference, roomOperatorId, marketerId.orElse(null), now));
        return new Disclosure(operator, marketer, toDomain(row));
    }

    @Transactional(readOnly = true)
    public PagedResult<DisclosureAudit> list(String roomOperatorId, Instant startTime, int pageSize, String pageToken) {
        String query = "ListDisclosureAudits?room_operator=" + roomOperatorId + "&start=" + startTime;
        List<DisclosureAuditRow> rows = audits.page(pageTokens.resume(pageToken, query, Long.MAX_VALUE), roomOperatorId, startTime, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, DisclosureAuditRow::seq, shown -> shown.stream().map(DisclosureService::toDomain).toList());
    }

    private static DisclosureAudit toDomain(DisclosureAuditRow row) {
        return new DisclosureAudit(row.resourceId(), row.disclosedTo(), DisclosureAudit.Purpose.valueOf(row.purpose()), row.caseReference(),
                row.roomOperatorId(), row.marketerId(), row.discloseTime());
    }
}
