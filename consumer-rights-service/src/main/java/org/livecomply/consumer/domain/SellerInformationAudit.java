package org.livecomply.consumer.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What was disclosed for a complaint, to whom, when, and how fast against the published target (Art. 18;
 * CRPL Art. 44). The disclosed data themselves are not kept.
 */
public record SellerInformationAudit(String id, String complaintNumber, String requestedBy, String roomOperator, String marketer,
                                     String identityDisclosureAudit, String orderId, List<String> records, long checkpointTreeSize,
                                     Instant requestTime, Instant answerTime, Instant targetTime) {

    public SellerInformationAudit {
        records = List.copyOf(records);
    }

    public String name() {
        return Complaint.COLLECTION + complaintNumber + "/sellerInformation/" + id;
    }

    public boolean withinTarget() {
        return answerTime.isBefore(targetTime);
    }

    public Duration answerDuration() {
        return Duration.between(requestTime, answerTime);
    }
}
