package org.livecomply.training.repository;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The void of one training record: the only correction a record ever gets. */
@MappedEntity("training_record_voids")
public record TrainingRecordVoidRow(@Id long recordSeq, String reason, String voidedBy, Instant voidTime) {
}
