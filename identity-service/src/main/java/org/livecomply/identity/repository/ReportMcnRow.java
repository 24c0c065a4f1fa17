package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** What the Art. 9 report names an MCN institution by: its registered name and USCC (read-only view of mcn_institutions). */
@MappedEntity("mcn_institutions")
public record ReportMcnRow(@Id String resourceId, String legalName, String uscc) {
}
