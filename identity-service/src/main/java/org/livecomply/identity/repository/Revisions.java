package org.livecomply.identity.repository;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.livecomply.identity.domain.SubjectRevision;
import org.livecomply.identity.domain.SubjectType;

/** Keeps and reads earlier versions of subjects as JSON snapshots (Art. 8: update the file, keep the history). */
@Singleton
public class Revisions {

    private final SubjectRevisionRepository revisions;
    private final ObjectMapper json;

    public Revisions(SubjectRevisionRepository revisions, ObjectMapper json) {
        this.revisions = revisions;
        this.json = json;
    }

    /** Stores {@code snapshot} (the version being replaced) as the subject's next revision. */
    public void keep(SubjectType type, long subjectSeq, List<String> changedFields, Object snapshot, String updatedBy, Instant now) {
        try {
            revisions.save(new SubjectRevisionRow(null, type.name(), subjectSeq, revisions.lastNumber(type.name(), subjectSeq) + 1,
                    String.join(",", changedFields), json.writeValueAsString(snapshot), updatedBy, now));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a revision snapshot", e);
        }
    }

    /** Up to {@code limit} revision rows, newest first, before revision {@code beforeNumber}. */
    public List<SubjectRevisionRow> rows(SubjectType type, long subjectSeq, int beforeNumber, int limit) {
        return revisions.page(type.name(), subjectSeq, beforeNumber, limit);
    }

    /** Rows as revisions, each snapshot read as {@code snapshotType} and turned into the subject by {@code toSubject}. */
    public <S, T> List<SubjectRevision<T>> read(String subjectName, List<SubjectRevisionRow> rows, Class<S> snapshotType, Function<S, T> toSubject) {
        return rows.stream().map(row -> {
            S snapshot;
            try {
                snapshot = json.readValue(row.previous(), snapshotType);
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable snapshot in revision " + row.seq(), e);
            }
            return new SubjectRevision<>(subjectName, row.number(), Arrays.asList(row.changedFields().split(",")),
                    toSubject.apply(snapshot), row.updatedBy(), row.updateTime());
        }).toList();
    }
}
