package org.livecomply.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The room-grading component: it reaches identity and training (and nothing else) through the addresses the
 * chart derives from its `calls`, keeps PII keys for the blacklist identities it holds, authenticates with a
 * token per callee under RS256, and writes its daily disposal report only to an enabled claim.
 */
class RoomGradingComponentTest {

    private static final String REPORT_DIR = "LIVECOMPLY_GRADING_REPORT_DIRECTORY";

    @Test
    void roomGradingReachesIdentityTrainingAndConsumerRightsThroughTheirServicesAndNothingElse() {
        Rendered r = Scenario.defaults().render();
        ConfigMap grading = r.configMap("room-grading");
        assertEquals(Rendered.objectName("identity") + ":50051", grading.getData().get("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS"));
        assertEquals(Rendered.objectName("training") + ":50051", grading.getData().get("LIVECOMPLY_CLIENTS_TRAINING_ADDRESS"));
        assertEquals(Rendered.objectName("consumer-rights") + ":50051", grading.getData().get("LIVECOMPLY_CLIENTS_CONSUMER_ADDRESS"),
                "under the client name its configuration uses (Art. 23 hand-off through the outbox)");
        assertFalse(grading.getData().containsKey("LIVECOMPLY_CLIENTS_TRANSACTION_ARCHIVE_ADDRESS"));
        assertFalse(grading.getData().containsKey("LIVECOMPLY_CLIENTS_CONSUMER_RIGHTS_ADDRESS"));

        NetworkPolicy policy = r.networkPolicy("room-grading");
        Set<String> callees = NetworkPolicyTest.egressPeersOnPort(policy.getSpec().getEgress(), 50051).stream()
                .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component")).collect(Collectors.toSet());
        assertEquals(Set.of("identity", "training", "consumer-rights"), callees, "egress to the callees' gRPC port only");
        assertNotNull(RenderedManifestsTest.env(r.container("room-grading")).get("LIVECOMPLY_PII_KEYS"), "blacklist identities are encrypted");
    }

    @Test
    void withRs256RoomGradingTakesATokenPerCalleeFromTheSecret() {
        Map<String, EnvVar> env = RenderedManifestsTest.env(Scenario.production().render().container("room-grading"));
        assertEquals("room-grading-identity-token", env.get("LIVECOMPLY_CLIENTS_IDENTITY_TOKEN").getValueFrom().getSecretKeyRef().getKey());
        assertEquals("room-grading-training-token", env.get("LIVECOMPLY_CLIENTS_TRAINING_TOKEN").getValueFrom().getSecretKeyRef().getKey());
        assertEquals("livecomply-service-tokens", env.get("LIVECOMPLY_CLIENTS_TRAINING_TOKEN").getValueFrom().getSecretKeyRef().getName());
    }

    @Test
    void theDailyDisposalReportFolderIsMountedOnlyWhenEnabled() {
        assertFalse(RenderedManifestsTest.env(Scenario.defaults().render().container("room-grading")).containsKey(REPORT_DIR));
        Rendered on = Rendered.of(List.of(), NetworkPolicyTest.merge(HelmChart.REQUIRED_SETS, Map.of(
                "components.room-grading.reports.enabled", "true",
                "components.room-grading.reports.existingClaim", "grading-reports")));
        Volume volume = on.deployment("room-grading").getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("reports")).findFirst().orElseThrow();
        assertEquals("grading-reports", volume.getPersistentVolumeClaim().getClaimName());
        assertEquals("/var/lib/livecomply/reports", RenderedManifestsTest.env(on.container("room-grading")).get(REPORT_DIR).getValue());
    }
}
