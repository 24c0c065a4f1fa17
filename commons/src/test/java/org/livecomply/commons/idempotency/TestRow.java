package org.livecomply.commons.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row written by the test's idempotent action. */
@MappedEntity("idempotency_test_rows")
public record TestRow(@Id @GeneratedValue @Nullable Long id, String name) {
}
