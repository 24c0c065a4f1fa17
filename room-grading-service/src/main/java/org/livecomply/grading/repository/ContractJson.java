package org.livecomply.grading.repository;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import org.livecomply.api.grading.v1.DisposalProposal;
import org.livecomply.api.grading.v1.GradingRules;
import org.livecomply.api.grading.v1.TermList;
import org.livecomply.commons.error.Violations;
import org.livecomply.grading.domain.content.Term;
import org.livecomply.grading.domain.rules.GradeResult;
import org.livecomply.grading.domain.rules.Proposal;
import org.livecomply.grading.grpc.ContentMapper;
import org.livecomply.grading.grpc.GradeMapper;
import org.livecomply.grading.grpc.ProposalMapper;
import org.livecomply.grading.grpc.RulesetMapper;

/**
 * Rulesets, term lists, grade details and proposals are stored in the contract's proto3 JSON: a stored
 * ruleset reads exactly like the one an administrator sent or the platform publishes, and the shipped
 * defaults are files in that same format.
 */
public final class ContractJson {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private ContractJson() {
    }

    public static String rules(org.livecomply.grading.domain.rules.GradingRules rules) {
        return print(RulesetMapper.toProto(rules));
    }

    /** Stored rules were checked when created; a failure here means the row was altered. */
    public static org.livecomply.grading.domain.rules.GradingRules rules(String json) {
        Violations violations = new Violations();
        var rules = RulesetMapper.fromProto(parse(json, GradingRules.newBuilder()).build(), "", violations);
        if (rules == null) {
            throw new IllegalStateException("stored ruleset is invalid: " + violations.list());
        }
        return rules;
    }

    public static String gradeDetail(org.livecomply.api.grading.v1.Grade grade) {
        return print(grade);
    }

    public static GradeResult gradeResult(String json) {
        return GradeMapper.resultFromProto(parse(json, org.livecomply.api.grading.v1.Grade.newBuilder()).build());
    }

    public static String proposal(Proposal proposal) {
        return print(ProposalMapper.toProto(proposal));
    }

    public static Proposal proposal(String json) {
        return ProposalMapper.fromProto(parse(json, DisposalProposal.newBuilder()).build());
    }

    public static String terms(List<Term> terms) {
        return print(ContentMapper.termsToProto(terms));
    }

    public static List<Term> terms(String json) {
        return ContentMapper.termsFromProto(parse(json, TermList.newBuilder()).build().getTermsList());
    }

    /** Parses a document of the contract (e.g. a shipped default) into {@code builder}. */
    public static <B extends Message.Builder> B parse(String json, B builder) {
        try {
            PARSER.merge(json, builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("not a valid " + builder.getDescriptorForType().getName() + " document: " + e.getMessage(), e);
        }
    }

    private static String print(Message message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
