package org.livecomply.consumer.domain;

import java.time.Instant;

/** An archived event of an order, as far as the consumer-rights rules need it. */
public record OrderEvent(long leafIndex, Kind kind, Instant occurTime) {

    /** The archive's event kinds that matter here; every other kind is OTHER. */
    public enum Kind { PLACED, DELIVERED, RETURNED, REFUNDED, AFTER_SALES_CLOSED, COMPLETED, OTHER }

    public String recordName() {
        return "records/" + leafIndex;
    }
}
