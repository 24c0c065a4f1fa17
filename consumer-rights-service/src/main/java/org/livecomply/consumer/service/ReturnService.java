package org.livecomply.consumer.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.livecomply.consumer.client.ArchiveClient;
import org.livecomply.consumer.domain.ReturnEligibility;
import org.livecomply.consumer.domain.ReturnException;
import org.livecomply.consumer.domain.ReturnRules;

/** CRPL Art. 25 from the archive's record of the order: nothing is stored here. */
@Singleton
public class ReturnService {

    private final ArchiveClient archive;
    private final ReturnRules rules;
    private final Clock clock;

    public ReturnService(ArchiveClient archive, ReturnRules rules, Clock clock) {
        this.archive = archive;
        this.rules = rules;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public ReturnEligibility check(String orderId, Set<ReturnException> exceptions, Instant checkTime) {
        Instant at = checkTime == null ? clock.instant() : checkTime;
        return rules.judge(orderId, archive.recordsOfOrder(orderId).stream().map(OrderEvents::of).toList(), exceptions, at);
    }
}
