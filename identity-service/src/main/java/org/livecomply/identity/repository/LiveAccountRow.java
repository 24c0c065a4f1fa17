package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("room_operator_live_accounts")
public record LiveAccountRow(
        @Id String accountId,
        Long roomOperatorSeq,
        int position,
        String displayName) {
}
