package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** identity_cipher: the subject identity encrypted (PIPL Art. 51); proposal_json: DisposalProposal in proto3 JSON. */
@MappedEntity("disposals")
public record DisposalRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        long roomSeq,
        String measure,
        @Nullable String marketer,
        @Nullable String sessionId,
        String facts,
        String reasons,
        String legalBasis,
        String appealChannel,
        Instant startTime,
        @Nullable Instant endTime,
        @Nullable String identityType,
        @Nullable String identityCipher,
        @Nullable String identityMasked,
        @Nullable String deviationReason,
        String proposalJson,
        String decidedBy,
        Instant decideTime,
        Instant appealDeadline,
        String identityDelivery,
        @Nullable String blacklistEntry,
        @Nullable Instant revokeTime) {
}
