package org.livecomply.training.domain;

import java.time.Instant;

/** A subject's read receipt for a regulator notice (Art. 10 ¶2). Append-only; one per subject and notice. */
public record NoticeAcknowledgement(String noticeId, String id, Subject subject, Instant acknowledgeTime, boolean late,
                                    String recordedBy, Instant recordTime) {

    public String name() {
        return RegulatorNotice.COLLECTION + noticeId + "/acknowledgements/" + id;
    }
}
