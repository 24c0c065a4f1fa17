package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Introspected;

/** A projection: a disposal and the resource id of one of its violations. */
@Introspected
public record DisposalViolationName(long disposalSeq, String resourceId) {
}
