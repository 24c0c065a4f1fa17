package org.livecomply.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values that change the rendered objects: config merging, image, disruption budget, issuer. */
class ChartValuesTest {

    private static Map<String, String> required(Map<String, String> more) {
        Map<String, String> sets = new LinkedHashMap<>(HelmChart.REQUIRED_SETS);
        sets.putAll(more);
        return sets;
    }

    private static String checksum(Rendered r) {
        return r.deployment("identity").getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    }

    @Test
    void componentConfigOverridesGlobalConfigAndRollsThePods() {
        Rendered base = Scenario.defaults().render();
        Rendered changed = Rendered.of(List.of(), required(Map.of(
                "config.LIVECOMPLY_FEATURE_X", "on",
                "components.identity.config.LIVECOMPLY_GRPC_REFLECTION_ENABLED", "true")));
        ConfigMap cm = changed.configMap("identity");
        assertEquals("true", cm.getData().get("LIVECOMPLY_GRPC_REFLECTION_ENABLED"), "component wins over global");
        assertEquals("on", cm.getData().get("LIVECOMPLY_FEATURE_X"), "global entries are kept");
        assertEquals("false", base.configMap("identity").getData().get("LIVECOMPLY_GRPC_REFLECTION_ENABLED"));
        assertNotEquals(checksum(base), checksum(changed), "a config change must change the pod template");
        assertEquals(checksum(base), checksum(Rendered.of(List.of(), HelmChart.REQUIRED_SETS)), "and only a change does");
    }

    @Test
    void issuerAndLogLevelReachTheConfigMap() {
        ConfigMap prod = Scenario.production().render().configMap("identity");
        assertEquals("https://sso.example.com/livecomply", prod.getData().get("LIVECOMPLY_AUTH_ISSUER"));
        assertEquals("INFO", prod.getData().get("LOGGER_LEVELS_ROOT"));
        ConfigMap staging = Scenario.staging().render().configMap("identity");
        assertNull(staging.getData().get("LIVECOMPLY_AUTH_ISSUER"), "no issuer configured, none passed");
        assertEquals("DEBUG", staging.getData().get("LOGGER_LEVELS_ROOT"));
    }

    @Test
    void imageComesFromRegistryRepositoryAndTag() {
        assertEquals("livecomply/identity-service:0.1.0", Scenario.defaults().render().container("identity").getImage());
        assertEquals("registry.example.com/livecomply/identity-service:0.1.0",
                Scenario.production().render().container("identity").getImage());
        Rendered tagged = Rendered.of(List.of(), required(Map.of("image.tag", "1.2.3", "image.pullPolicy", "Always")));
        assertEquals("livecomply/identity-service:1.2.3", tagged.container("identity").getImage());
        assertEquals("Always", tagged.container("identity").getImagePullPolicy());
        Rendered own = Rendered.of(List.of(), required(Map.of("image.tag", "1.2.3", "components.identity.image.tag", "1.2.4")));
        assertEquals("livecomply/identity-service:1.2.4", own.container("identity").getImage(), "the component's tag wins");
    }

    @Test
    void minAvailableReplacesMaxUnavailable() {
        Rendered r = Rendered.of(List.of(), required(Map.of("components.identity.podDisruptionBudget.minAvailable", "50%")));
        PodDisruptionBudget pdb = r.pdb("identity");
        assertEquals("50%", pdb.getSpec().getMinAvailable().getValue());
        assertNull(pdb.getSpec().getMaxUnavailable(), "only one of the two may be set");
    }

    @Test
    void componentValuesOverrideDefaultsEvenWithFalseOrZero() {
        Rendered r = Rendered.of(List.of(HelmChart.PRODUCTION_VALUES), Map.of(
                "components.identity.autoscaling.enabled", "false",
                "components.identity.replicaCount", "0",
                "components.identity.podDisruptionBudget.enabled", "false"));
        assertTrue(r.hpa("identity").isEmpty(), "autoscaling: false in the component beats true in componentDefaults");
        assertEquals(0, r.deployment("identity").getSpec().getReplicas());
        assertTrue(r.ofComponent("identity").stream().noneMatch(o -> o instanceof PodDisruptionBudget));
        assertEquals(1, r.ofComponent("transaction-archive").stream().filter(o -> o instanceof PodDisruptionBudget).count(),
                "only the component that disabled it lost its PDB");
    }
}
