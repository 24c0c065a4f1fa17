package org.livecomply.grading.service;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.livecomply.api.grading.v1.GradingRuleset;
import org.livecomply.api.grading.v1.TermList;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.Violations;
import org.livecomply.grading.grpc.ContentMapper;
import org.livecomply.grading.grpc.RulesetMapper;
import org.livecomply.grading.repository.ContractJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On an empty database, publishes the shipped default ruleset ({@value #RULESET}) and term list
 * ({@value #TERM_LIST}) as version 1, so grading, proposals and pre-review work from the first start; an
 * administrator replaces them through the API. Both files are in the contract's JSON form. Two replicas
 * starting together are safe: the version is the primary key, the loser finds version 1 there.
 */
@Singleton
public class ShippedDefaults implements ApplicationEventListener<StartupEvent> {

    public static final String RULESET = "grading/default-ruleset.json";
    public static final String TERM_LIST = "grading/default-term-list.json";
    static final String PUBLISHER = "shipped-default";
    private static final Logger LOG = LoggerFactory.getLogger(ShippedDefaults.class);

    private final RulesetService rulesets;
    private final ContentReviewService terms;
    private final Clock clock;

    public ShippedDefaults(RulesetService rulesets, ContentReviewService terms, Clock clock) {
        this.rulesets = rulesets;
        this.terms = terms;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            install();
        } catch (ConcurrencyConflictException e) {
            LOG.info("Shipped defaults were installed by another replica");
        }
    }

    @Transactional
    public void install() {
        if (!rulesets.any()) {
            GradingRuleset shipped = ContractJson.parse(read(RULESET), GradingRuleset.newBuilder()).build();
            Violations violations = new Violations();
            var rules = RulesetMapper.fromProto(shipped.getRules(), "rules.", violations);
            if (rules == null) {
                throw new IllegalStateException(RULESET + " is invalid: " + violations.list());
            }
            rulesets.insert(shipped.getDescription(), rules, PUBLISHER, clock.instant());
            LOG.info("Published the shipped default grading ruleset as version 1");
        }
        if (!terms.any()) {
            TermList shipped = ContractJson.parse(read(TERM_LIST), TermList.newBuilder()).build();
            Violations violations = new Violations();
            org.livecomply.grading.domain.content.TermList.check(shipped.getDescription(),
                    ContentMapper.termsFromProto(shipped.getTermsList()), "", violations);
            if (!violations.isEmpty()) {
                throw new IllegalStateException(TERM_LIST + " is invalid: " + violations.list());
            }
            terms.insert(shipped.getDescription(), ContentMapper.termsFromProto(shipped.getTermsList()), PUBLISHER);
            LOG.info("Installed the shipped pre-review term list as version 1");
        }
    }

    private static String read(String resource) {
        try (InputStream in = ShippedDefaults.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
