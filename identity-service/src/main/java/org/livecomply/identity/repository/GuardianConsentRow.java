package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("guardian_consents")
public record GuardianConsentRow(
        @Id @GeneratedValue @Nullable Long seq,
        Long marketerSeq,
        String guardianName,
        String guardianIdCipher,
        String guardianIdMasked,
        String relationship,
        String consentDocumentSha256,
        Instant consentTime,
        Instant recordTime) {
}
