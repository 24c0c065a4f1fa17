package org.livecomply.grading.domain.rules;

import java.util.List;
import java.util.Map;
import org.livecomply.grading.domain.Severity;

/** Cumulative points by severity over a window, then the staged table, mildest rule first (Art. 12 ¶1). */
public record DisposalPolicy(Map<Severity, Integer> severityPoints, int windowDays, List<ProposalRule> rules, int appealDays) {

    public DisposalPolicy {
        severityPoints = Map.copyOf(severityPoints);
        rules = List.copyOf(rules);
    }
}
