package org.livecomply.archive.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.archive.domain.AppendResult;
import org.livecomply.archive.domain.StoredRecord;

/** Archived records back to proto: the payload as appended, plus the output-only fields. */
final class RecordMapper {

    private RecordMapper() {
    }

    static TransactionRecord toProto(StoredRecord record) {
        TransactionRecord.Builder proto;
        if (record.erased()) {
            // Retention over: only what the log index keeps is left (PIPL Art. 47).
            proto = TransactionRecord.newBuilder().setOrderId(record.orderId()).setEventId(record.eventId())
                    .setEvent(TransactionRecord.Event.valueOf(record.event())).setOccurTime(ProtoValues.timestamp(record.occurTime()))
                    .setRoomId(record.roomId()).setSessionId(record.sessionId());
        } else {
            try {
                proto = TransactionRecord.parseFrom(record.payload()).toBuilder();
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(record.name() + " has an unreadable payload", e);
            }
        }
        return proto.setName(record.name())
                .setLeafIndex(record.leafIndex())
                .setLeafHash(ProtoValues.bytes(record.leafHash()))
                .setAppendTime(ProtoValues.timestamp(record.appendTime()))
                .build();
    }

    static AppendRecordResponse toProto(AppendResult result) {
        return AppendRecordResponse.newBuilder().setName(result.name()).setLeafIndex(result.leafIndex())
                .setLeafHash(ProtoValues.bytes(result.leafHash())).setAlreadyArchived(result.alreadyArchived()).build();
    }
}
