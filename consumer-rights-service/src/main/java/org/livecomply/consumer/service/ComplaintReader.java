package org.livecomply.consumer.service;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.livecomply.commons.pii.Masking;
import org.livecomply.commons.pii.PiiCipher;
import org.livecomply.consumer.domain.Category;
import org.livecomply.consumer.domain.Channel;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.ComplaintClocks;
import org.livecomply.consumer.domain.ComplaintEvent;
import org.livecomply.consumer.domain.ComplaintState;
import org.livecomply.consumer.domain.Deadlines;
import org.livecomply.consumer.domain.Delivery;
import org.livecomply.consumer.domain.EventKind;
import org.livecomply.consumer.domain.LegalHoldState;
import org.livecomply.consumer.domain.Remedy;
import org.livecomply.consumer.domain.WaitingOn;
import org.livecomply.consumer.repository.ComplaintEventRepository;
import org.livecomply.consumer.repository.ComplaintEventRow;
import org.livecomply.consumer.repository.ComplaintRow;

/** Rows to complaints as read at an instant: the timeline gives the clocks; the contact is decrypted only to be masked. */
@Singleton
public class ComplaintReader {

    static final String CONTACT_FIELD = "complaints.contact";

    private final ComplaintEventRepository events;
    private final ComplaintClocks clocks;
    private final PiiCipher cipher;

    public ComplaintReader(ComplaintEventRepository events, ComplaintClocks clocks, PiiCipher cipher) {
        this.events = events;
        this.clocks = clocks;
        this.cipher = cipher;
    }

    public List<ComplaintEvent> timeline(ComplaintRow row) {
        return events.findByComplaintSeqOrderBySeq(row.seq()).stream().map(e -> event(e, row.number())).toList();
    }

    public Complaint complaint(ComplaintRow row, Instant now) {
        return complaint(row, timeline(row), now);
    }

    public Complaint complaint(ComplaintRow row, List<ComplaintEvent> timeline, Instant now) {
        return new Complaint(row.number(), Channel.valueOf(row.channel()), Category.valueOf(row.category()), row.description(),
                text(row.orderId()), text(row.room()), text(row.roomOperator()), text(row.marketer()),
                row.requestedRemedy() == null ? null : Remedy.valueOf(row.requestedRemedy()), maskedContact(row), text(row.buyerRef()),
                ComplaintState.valueOf(row.state()), row.waitingOn() == null ? null : WaitingOn.valueOf(row.waitingOn()),
                clocks.read(timeline, deadlines(row), now), row.abuseFlagged(), text(row.abuseReason()), text(row.resolution()),
                row.substantiated(), text(row.rejectionReason()), text(row.regulatorClue()), LegalHoldState.valueOf(row.legalHold()),
                text(row.legalHoldName()), Delivery.valueOf(row.gradingSignal()), text(row.disposal()), row.createTime(), row.updateTime(),
                row.closeTime());
    }

    public static Deadlines deadlines(ComplaintRow row) {
        return new Deadlines(row.acknowledgeDays(), row.firstResponseDays(), row.resolveDays(), row.merchantPauses());
    }

    public static ComplaintEvent event(ComplaintEventRow row, String number) {
        return new ComplaintEvent(row.seq(), number, EventKind.valueOf(row.kind()), row.actor(), ComplaintState.valueOf(row.state()),
                row.waitingOn() == null ? null : WaitingOn.valueOf(row.waitingOn()), row.note(), row.occurTime());
    }

    private String maskedContact(ComplaintRow row) {
        if (row.contactCipher() == null) {
            return "";
        }
        String contact = cipher.decrypt(row.contactCipher(), CONTACT_FIELD);
        return contact.contains("@") ? Masking.email(contact) : Masking.phone(contact);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
