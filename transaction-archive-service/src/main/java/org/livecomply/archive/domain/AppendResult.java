package org.livecomply.archive.domain;

/** Where an appended record sits in the log, and whether it was there before. */
public record AppendResult(long leafIndex, byte[] leafHash, boolean alreadyArchived) {

    public String name() {
        return StoredRecord.COLLECTION + leafIndex;
    }
}
