package org.livecomply.grading.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.grading.domain.GoodsCategory;
import org.livecomply.grading.domain.content.ContentFinding;
import org.livecomply.grading.domain.content.ContentReviewer;
import org.livecomply.grading.domain.content.Term;
import org.livecomply.grading.domain.content.TermList;
import org.livecomply.grading.repository.ContractJson;
import org.livecomply.grading.repository.TermListRepository;
import org.livecomply.grading.repository.TermListRow;

/** Content pre-review (Arts. 30, 32, 34, 35) against the newest versioned term list. */
@Singleton
public class ContentReviewService {

    public static final String NOT_FOUND = "TERM_LIST_NOT_FOUND";

    private final TermListRepository termLists;
    private final Idempotency idempotency;
    private final Clock clock;

    public ContentReviewService(TermListRepository termLists, Idempotency idempotency, Clock clock) {
        this.termLists = termLists;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** The findings, and the term list they come from. */
    public record Review(List<ContentFinding> findings, TermList termList) {
    }

    @Transactional(readOnly = true)
    public Review review(String text, GoodsCategory category, boolean referencePriceShown) {
        TermList terms = current();
        return new Review(ContentReviewer.review(terms, text, category, referencePriceShown), terms);
    }

    @Transactional
    public TermList create(String requestId, String fingerprint, String description, List<Term> terms, String createdBy) {
        return idempotency.once("CreateTermList", requestId, fingerprint, () -> insert(description, terms, createdBy), TermList::name,
                name -> get(Integer.parseInt(name.substring(TermList.COLLECTION.length()))));
    }

    TermList insert(String description, List<Term> terms, String createdBy) {
        try {
            return termLists.save(new TermListRow(termLists.maxVersion() + 1, description, ContractJson.terms(terms), createdBy,
                    Micros.of(clock.instant()))).toDomain();
        } catch (DataAccessException e) {
            if (!IntegrityViolations.isIntegrityViolation(e)) {
                throw e;
            }
            throw new ConcurrencyConflictException("CONCURRENT_CHANGE", "another term list was created at the same time; retry");
        }
    }

    /** Version 0 means the newest. */
    @Transactional(readOnly = true)
    public TermList get(int version) {
        if (version == 0) {
            return current();
        }
        return termLists.findById(version).map(TermListRow::toDomain)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, TermList.COLLECTION + version));
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return termLists.maxVersion() > 0;
    }

    private TermList current() {
        return termLists.newest().map(TermListRow::toDomain)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, TermList.COLLECTION + TermList.CURRENT));
    }
}
