package org.livecomply.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registered room operator as shown to callers: personal data masked ({@code idNumberMasked}, the
 * street line and contact inside {@code businessAddress}/{@code contact} are masked values) unless it
 * was read for an audited disclosure. {@code state} is the effective state at the time of reading.
 */
public record RoomOperator(
        String id,
        RoomOperatorKind kind,
        String legalName,
        String uscc,
        String idNumberMasked,
        LocalDate birthDate,
        PostalAddress businessAddress,
        Contact contact,
        List<Certificate> licences,
        List<LiveAccount> liveAccounts,
        RoomOperatorState state,
        Instant lastVerifyTime,
        Instant reverificationDueTime,
        Instant createTime,
        Instant updateTime) {

    public static final String COLLECTION = "roomOperators/";

    public String name() {
        return COLLECTION + id;
    }
}
