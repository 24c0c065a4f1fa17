package org.livecomply.devrun.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.livecomply.api.consumer.v1.SellerInformationDisclosure;
import org.livecomply.api.grading.v1.Appeal;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.Grade;
import org.livecomply.api.grading.v1.GradeLevel;

/**
 * What the demo produced, for whoever runs it to look at further (e2e checks some of it again).
 *
 * @param marketers      the trained adult host, the 17-year-old with consent, the untrained newcomer
 * @param provenTreeSize the size of the signed checkpoint the seller-information proofs verified against
 */
public record DemoResult(String runId, String roomOperator, String room, List<String> marketers, GoLiveDecision allowed,
                         GoLiveDecision denied, int eventsStreamed, long treeSize, String complaint, SellerInformationDisclosure disclosure,
                         long provenTreeSize, GradeLevel gradeBefore, Grade gradeAfter, Disposal disposal, Appeal appeal, Path reportFolder,
                         Map<String, Long> reportCounts) {
}
