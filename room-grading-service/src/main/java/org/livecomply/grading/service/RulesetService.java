package org.livecomply.grading.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.paging.PageTokens;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.grading.domain.GradingRuleset;
import org.livecomply.grading.domain.rules.GradingRules;
import org.livecomply.grading.repository.ContractJson;
import org.livecomply.grading.repository.RulesetRepository;
import org.livecomply.grading.repository.RulesetRow;

/** Versioned rulesets: drafts, publication (the latest publication is in force), reading. */
@Singleton
public class RulesetService {

    public static final String NOT_FOUND = "GRADING_RULESET_NOT_FOUND";
    public static final String ALREADY_PUBLISHED = "GRADING_RULESET_ALREADY_PUBLISHED";
    public static final String CONCURRENT_CHANGE = "CONCURRENT_CHANGE";

    private final RulesetRepository rulesets;
    private final Idempotency idempotency;
    private final PageTokens pageTokens;
    private final Clock clock;

    public RulesetService(RulesetRepository rulesets, Idempotency idempotency, PageTokens pageTokens, Clock clock) {
        this.rulesets = rulesets;
        this.idempotency = idempotency;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    @Transactional
    public GradingRuleset create(String requestId, String fingerprint, String description, GradingRules rules, String createdBy) {
        return idempotency.once("CreateGradingRuleset", requestId, fingerprint,
                () -> insert(description, rules, createdBy, null), GradingRuleset::name, name -> get(versionOf(name)));
    }

    /** Inserts the next version; {@code publishTime} non-null publishes it at once (the shipped default). */
    GradingRuleset insert(String description, GradingRules rules, String createdBy, Instant publishTime) {
        Instant now = Micros.of(clock.instant());
        try {
            return rulesets.save(new RulesetRow(rulesets.maxVersion() + 1, description, ContractJson.rules(rules), createdBy, now,
                    Micros.of(publishTime))).toDomain();
        } catch (DataAccessException e) {
            if (!IntegrityViolations.isIntegrityViolation(e)) {
                throw e;
            }
            throw new ConcurrencyConflictException(CONCURRENT_CHANGE, "another ruleset was created at the same time; retry");
        }
    }

    @Transactional
    public GradingRuleset publish(String requestId, String fingerprint, int version) {
        return idempotency.once("PublishGradingRuleset", requestId, fingerprint, () -> {
            GradingRuleset draft = get(version);
            if (draft.publishTime() != null) {
                // Arts. 11, 12: a published version is the platform's public rule of that time; it is never re-published.
                throw new RuleViolationException(new RuleViolation(ALREADY_PUBLISHED, "Arts. 11, 12", draft.name(),
                        "this version was published at " + draft.publishTime() + "; create a new version to change the rules"));
            }
            if (rulesets.publish(version, Micros.of(clock.instant())) != 1) {
                throw new ConcurrencyConflictException(CONCURRENT_CHANGE, "the ruleset was published concurrently; retry");
            }
            return get(version);
        }, GradingRuleset::name, name -> get(versionOf(name)));
    }

    @Transactional(readOnly = true)
    public GradingRuleset get(int version) {
        return rulesets.findById(version).map(RulesetRow::toDomain)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, GradingRuleset.COLLECTION + version));
    }

    /** The ruleset in force: the latest publication. The shipped default guarantees there is one. */
    @Transactional(readOnly = true)
    public GradingRuleset inForce() {
        return rulesets.inForce().map(RulesetRow::toDomain)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, GradingRuleset.COLLECTION + GradingRuleset.CURRENT));
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return rulesets.maxVersion() > 0;
    }

    @Transactional(readOnly = true)
    public int versionInForce() {
        return rulesets.inForce().map(RulesetRow::version).orElse(0);
    }

    @Transactional(readOnly = true)
    public PagedResult<GradingRuleset> list(int pageSize, String pageToken) {
        String query = "ListGradingRulesets";
        List<RulesetRow> rows = rulesets.page((int) pageTokens.resume(pageToken, query, Integer.MAX_VALUE), pageSize + 1);
        return pageTokens.page(query, rows, pageSize, RulesetRow::version, shown -> shown.stream().map(RulesetRow::toDomain).toList());
    }

    private static int versionOf(String name) {
        return Integer.parseInt(name.substring(GradingRuleset.COLLECTION.length()));
    }
}
