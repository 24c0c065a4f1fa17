package org.livecomply.grading.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.livecomply.api.grading.v1.GradingRuleset;
import org.livecomply.commons.error.Violations;
import org.livecomply.grading.domain.content.TermList;
import org.livecomply.grading.domain.rules.GradingRules;
import org.livecomply.grading.grpc.ContentMapper;
import org.livecomply.grading.grpc.RulesetMapper;
import org.livecomply.grading.repository.ContractJson;
import org.livecomply.grading.service.ShippedDefaults;

/** The shipped default ruleset and term list, read as the service reads them at its first start. */
public final class ShippedRules {

    private ShippedRules() {
    }

    public static GradingRules ruleset() {
        Violations violations = new Violations();
        GradingRules rules = RulesetMapper.fromProto(ContractJson.parse(read(ShippedDefaults.RULESET), GradingRuleset.newBuilder()).getRules(),
                "rules.", violations);
        if (rules == null) {
            throw new AssertionError("shipped ruleset invalid: " + violations.list());
        }
        return rules;
    }

    public static TermList termList() {
        var proto = ContractJson.parse(read(ShippedDefaults.TERM_LIST), org.livecomply.api.grading.v1.TermList.newBuilder()).build();
        return new TermList(1, proto.getDescription(), ContentMapper.termsFromProto(proto.getTermsList()), "test", java.time.Instant.EPOCH);
    }

    private static String read(String resource) {
        try (InputStream in = ShippedRules.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
