package org.livecomply.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The training component: it finds identity through the address the chart derives from its `calls`,
 * authenticates to it with a token of its own (minted with the HS256 secret, or from a Secret with RS256),
 * publishes its annual-window rule, and writes its yearly report only to an enabled claim.
 */
class TrainingComponentTest {

    private static final String IDENTITY_ADDRESS = "LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS";
    private static final String IDENTITY_TOKEN = "LIVECOMPLY_CLIENTS_IDENTITY_TOKEN";
    private static final String REPORT_DIR = "LIVECOMPLY_TRAINING_REPORT_DIRECTORY";

    @Test
    void trainingReachesIdentityThroughItsServiceAndCalleesGetNoCallerAddresses() {
        Rendered r = Scenario.defaults().render();
        ConfigMap training = r.configMap("training");
        assertEquals(Rendered.objectName("identity") + ":50051", training.getData().get(IDENTITY_ADDRESS));
        assertEquals(Rendered.objectName("identity"), r.service("identity").getMetadata().getName(), "the address is the Service's DNS name");
        assertEquals("CALENDAR_YEAR", training.getData().get("LIVECOMPLY_TRAINING_ANNUAL_WINDOW"));
        assertFalse(r.configMap("identity").getData().keySet().stream().anyMatch(k -> k.startsWith("LIVECOMPLY_CLIENTS_")),
                "identity calls nobody");

        Rendered rolling = Rendered.of(List.of(), NetworkPolicyTest.merge(HelmChart.REQUIRED_SETS, Map.of(
                "components.training.config.LIVECOMPLY_TRAINING_ANNUAL_WINDOW", "ROLLING_12_MONTHS",
                "components.training.config." + IDENTITY_ADDRESS, "identity.other-namespace:50051")));
        assertEquals("ROLLING_12_MONTHS", rolling.configMap("training").getData().get("LIVECOMPLY_TRAINING_ANNUAL_WINDOW"));
        assertEquals("identity.other-namespace:50051", rolling.configMap("training").getData().get(IDENTITY_ADDRESS),
                "the component's config wins over the derived address");
    }

    @Test
    void withHs256TrainingMintsItsOwnTokenAndWithRs256ItTakesOneFromASecret() {
        Map<String, EnvVar> hs256 = RenderedManifestsTest.env(Scenario.defaults().render().container("training"));
        assertFalse(hs256.containsKey(IDENTITY_TOKEN), "minted with the shared HS256 secret");
        assertNotNull(hs256.get("LIVECOMPLY_AUTH_HS256_SECRET"));

        Map<String, EnvVar> rs256 = RenderedManifestsTest.env(Scenario.production().render().container("training"));
        SecretKeySelector token = rs256.get(IDENTITY_TOKEN).getValueFrom().getSecretKeyRef();
        assertEquals("livecomply-service-tokens", token.getName());
        assertEquals("training-identity-token", token.getKey());
        assertNull(rs256.get(IDENTITY_TOKEN).getValue(), "never inlined");
    }

    @Test
    void theYearlyReportFolderIsMountedOnlyWhenEnabled() {
        Rendered off = Scenario.defaults().render();
        assertFalse(RenderedManifestsTest.env(off.container("training")).containsKey(REPORT_DIR), "unset: the job is off");

        Rendered on = Rendered.of(List.of(), NetworkPolicyTest.merge(HelmChart.REQUIRED_SETS, Map.of(
                "components.training.reports.enabled", "true",
                "components.training.reports.existingClaim", "training-reports")));
        Volume volume = on.deployment("training").getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("reports")).findFirst().orElseThrow();
        assertEquals("training-reports", volume.getPersistentVolumeClaim().getClaimName());
        assertEquals("/var/lib/livecomply/reports", RenderedManifestsTest.env(on.container("training")).get(REPORT_DIR).getValue());
        assertFalse(RenderedManifestsTest.env(on.container("identity")).containsKey(REPORT_DIR));
    }
}
