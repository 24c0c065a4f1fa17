package org.livecomply.consumer.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.EvidenceEntry;
import org.livecomply.api.identity.v1.SellerInformation;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.consumer.client.ArchiveClient;
import org.livecomply.consumer.client.IdentityClient;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.ComplaintPolicy;
import org.livecomply.consumer.domain.ComplaintState;
import org.livecomply.consumer.domain.EventKind;
import org.livecomply.consumer.domain.SellerInformationAudit;
import org.livecomply.consumer.repository.ComplaintRepository;
import org.livecomply.consumer.repository.ComplaintRow;
import org.livecomply.consumer.repository.SellerInformationAuditRepository;
import org.livecomply.consumer.repository.SellerInformationAuditRow;

/**
 * Seller information for a complaint (Art. 18; CRPL Art. 44): identity discloses the room operator and
 * marketer (and audit-logs it with the complaint number), the archive gives the order's records with proofs;
 * this service records who asked, what was disclosed and how fast against the published target. The
 * complaint's timeline shows the disclosure.
 */
@Singleton
public class SellerInformationService {

    public static final String SELLER_NOT_NAMED = "SELLER_NOT_NAMED";
    public static final String COMPLAINT_CLOSED = "COMPLAINT_CLOSED";

    private final ComplaintService complaints;
    private final ComplaintRepository complaintRows;
    private final SellerInformationAuditRepository audits;
    private final IdentityClient identity;
    private final ArchiveClient archive;
    private final TimelineNotes notes;
    private final ComplaintPolicy policy;
    private final PageTokens pageTokens;
    private final Clock clock;

    public SellerInformationService(ComplaintService complaints, ComplaintRepository complaintRows, SellerInformationAuditRepository audits,
                                    IdentityClient identity, ArchiveClient archive, TimelineNotes notes, ComplaintPolicy policy,
                                    PageTokens pageTokens, Clock clock) {
        this.complaints = complaints;
        this.complaintRows = complaintRows;
        this.audits = audits;
        this.identity = identity;
        this.archive = archive;
        this.notes = notes;
        this.policy = policy;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** The disclosed data and the audit record kept of them. */
    public record Disclosure(SellerInformationAudit audit, SellerInformation seller, EvidenceBundle orderEvidence) {
    }

    /**
     * Gathers and records one disclosure. The dependency calls come first and the audit after them, in one
     * transaction with the timeline event: identity has audit-logged its part by then, whatever happens here.
     */
    public Disclosure request(String number, String roomOperator, String marketer, String requestedBy) {
        ComplaintRow complaint = complaints.row(number);
        String name = Complaint.COLLECTION + number;
        if (ComplaintState.valueOf(complaint.state()).isClosed()) {
            throw new RuleViolationException(new RuleViolation(COMPLAINT_CLOSED, "Art. 18", name,
                    "the complaint is closed; seller information is disclosed for an open dispute"));
        }
        String operator = roomOperator.isEmpty() ? text(complaint.roomOperator()) : roomOperator;
        String seller = marketer.isEmpty() ? text(complaint.marketer()) : marketer;
        if (operator.isEmpty()) {
            throw new RuleViolationException(new RuleViolation(SELLER_NOT_NAMED, "Art. 18; CRPL Art. 44", name,
                    "neither the request nor the complaint names the room operator (roomOperators/{id})"));
        }
        SellerInformation disclosed = identity.discloseForDispute(operator, seller, number);
        EvidenceBundle evidence = complaint.orderId() == null ? null : archive.evidence(complaint.orderId());
        Instant answered = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SellerInformationAudit audit = record(complaint, requestedBy, operator, seller, disclosed.getDisclosureAudit(), evidence, answered);
        return new Disclosure(audit, disclosed, evidence);
    }

    /** The audit row and the timeline event, together. */
    @Transactional
    public SellerInformationAudit record(ComplaintRow complaint, String requestedBy, String operator, String marketer, String identityAudit,
                                  EvidenceBundle evidence, Instant answered) {
        List<String> records = evidence == null ? List.of()
                : evidence.getEntriesList().stream().map(EvidenceEntry::getRecord).map(r -> "records/" + r.getLeafIndex()).toList();
        SellerInformationAuditRow row = audits.save(new SellerInformationAuditRow(null, UUID.randomUUID().toString(), complaint.seq(),
                requestedBy, operator, marketer.isEmpty() ? null : marketer, identityAudit, complaint.orderId(), String.join(" ", records),
                evidence == null ? 0 : evidence.getCheckpoint().getTreeSize(), complaint.createTime(), answered,
                complaint.createTime().plus(policy.sellerInformationTarget())));
        notes.record(complaintRows.lockSeq(complaint.seq()).orElseThrow(), EventKind.SELLER_INFORMATION_DISCLOSED,
                "to " + requestedBy + ": " + operator + (marketer.isEmpty() ? "" : ", " + marketer) + "; " + records.size() + " archive records");
        return toDomain(row, complaint.number());
    }

    @Transactional(readOnly = true)
    public PagedResult<SellerInformationAudit> list(String number, int pageSize, String pageToken) {
        Long complaintSeq = number == null ? null : complaints.row(number).seq();
        String query = "ListSellerInformationDisclosures?parent=" + number;
        List<SellerInformationAuditRow> rows = audits.page(pageTokens.resume(pageToken, query, Long.MAX_VALUE), complaintSeq, pageSize + 1);
        return pageTokens.page(query, rows, pageSize, SellerInformationAuditRow::seq,
                shown -> shown.stream().map(r -> toDomain(r, complaintRows.findById(r.complaintSeq()).orElseThrow().number())).toList());
    }

    private static SellerInformationAudit toDomain(SellerInformationAuditRow row, String number) {
        return new SellerInformationAudit(row.resourceId(), number, row.requestedBy(), row.roomOperator(), text(row.marketer()),
                row.identityDisclosureAudit(), text(row.orderId()), row.records().isEmpty() ? List.of() : Arrays.asList(row.records().split(" ")),
                row.checkpointTreeSize(), row.requestTime(), row.answerTime(), row.targetTime());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
