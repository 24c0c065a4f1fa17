package org.livecomply.consumer;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.livecomply.api.consumer.v1.Category;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintClock;
import org.livecomply.api.consumer.v1.CreateComplaintRequest;
import org.livecomply.api.consumer.v1.Remedy;

/** Complaints as a platform files them, and reading their parts. */
final class Complaints {

    static final String ROOM = "rooms/5b0e3a62-8f0c-4d55-9d2c-2a8f6f1b7c11";

    private Complaints() {
    }

    static Complaint.Builder complaint() {
        return Complaint.newBuilder().setCategory(Category.CATEGORY_QUALITY)
                .setDescription("收到的保温杯漏水，直播间宣称“绝不漏水”。\nThe flask leaks although the host said it never would.")
                .setRequestedRemedy(Remedy.REMEDY_REFUND).setContact("13812345678").setBuyerRef("buyer-7781");
    }

    static CreateComplaintRequest create(Complaint.Builder complaint) {
        return CreateComplaintRequest.newBuilder().setRequestId("create-" + UUID.randomUUID()).setComplaint(complaint).build();
    }

    static ComplaintClock clock(Complaint complaint, ComplaintClock.Kind kind) {
        return complaint.getClocksList().stream().filter(c -> c.getKind() == kind).findFirst().orElseThrow();
    }

    static Instant deadline(Complaint complaint, ComplaintClock.Kind kind) {
        Timestamp deadline = clock(complaint, kind).getDeadlineTime();
        return Instant.ofEpochSecond(deadline.getSeconds(), deadline.getNanos());
    }

    static String requestId() {
        return "r-" + UUID.randomUUID();
    }
}
