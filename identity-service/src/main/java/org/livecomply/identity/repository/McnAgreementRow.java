package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("mcn_agreements")
public record McnAgreementRow(
        @Id @GeneratedValue @Nullable Long seq,
        Long mcnSeq,
        int number,
        String roomOperatorId,
        String agreementDocumentSha256,
        Instant signTime,
        @Nullable LocalDate validUntil,
        Instant createTime) {
}
