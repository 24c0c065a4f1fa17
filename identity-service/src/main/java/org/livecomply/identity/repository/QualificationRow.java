package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

@MappedEntity("marketer_qualifications")
public record QualificationRow(
        @Id @GeneratedValue @Nullable Long seq,
        Long marketerSeq,
        int position,
        String kind,
        String number,
        String issuer,
        @Nullable LocalDate validUntil) {
}
