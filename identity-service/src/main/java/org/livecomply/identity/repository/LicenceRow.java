package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

@MappedEntity("room_operator_licences")
public record LicenceRow(
        @Id @GeneratedValue @Nullable Long seq,
        Long roomOperatorSeq,
        int position,
        String kind,
        String number,
        String issuer,
        @Nullable LocalDate validUntil) {
}
