package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Which violations a disposal answers, in the order given. */
@MappedEntity("disposal_violations")
public record DisposalViolationRow(@Id @GeneratedValue @Nullable Long seq, long disposalSeq, int position, long violationSeq) {
}
