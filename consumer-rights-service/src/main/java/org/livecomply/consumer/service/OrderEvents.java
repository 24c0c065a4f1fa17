package org.livecomply.consumer.service;

import java.time.Instant;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.consumer.domain.OrderEvent;

/** Archive records as the consumer-rights rules see them. */
final class OrderEvents {

    private OrderEvents() {
    }

    static OrderEvent of(TransactionRecord record) {
        OrderEvent.Kind kind = switch (record.getEvent()) {
            case EVENT_ORDER_PLACED -> OrderEvent.Kind.PLACED;
            case EVENT_DELIVERED -> OrderEvent.Kind.DELIVERED;
            case EVENT_RETURNED -> OrderEvent.Kind.RETURNED;
            case EVENT_REFUNDED -> OrderEvent.Kind.REFUNDED;
            case EVENT_AFTER_SALES_CLOSED -> OrderEvent.Kind.AFTER_SALES_CLOSED;
            case EVENT_COMPLETED -> OrderEvent.Kind.COMPLETED;
            default -> OrderEvent.Kind.OTHER;
        };
        return new OrderEvent(record.getLeafIndex(), kind,
                Instant.ofEpochSecond(record.getOccurTime().getSeconds(), record.getOccurTime().getNanos()));
    }
}
