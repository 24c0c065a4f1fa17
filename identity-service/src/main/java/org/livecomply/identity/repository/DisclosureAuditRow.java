package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Who saw unmasked personal data, when and why; inserted, never updated. */
@MappedEntity("disclosure_audits")
public record DisclosureAuditRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String disclosedTo,
        String purpose,
        String caseReference,
        String roomOperatorId,
        @Nullable String marketerId,
        Instant discloseTime) {
}
