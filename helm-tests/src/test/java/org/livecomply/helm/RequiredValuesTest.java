package org.livecomply.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the operator must set, and the mistakes the chart refuses with a message. */
class RequiredValuesTest {

    private static String templateError(List<java.nio.file.Path> files, Map<String, String> sets) {
        Exception e = assertThrows(Exception.class, () -> HelmChart.template(files, sets));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "Helm's message is surfaced");
        return e.getMessage();
    }

    @Test
    void chartDefaultsAloneAreRefusedNamingTheMissingSecret() {
        String message = templateError(List.of(), Map.of());
        assertTrue(message.contains("secrets.database.name") && message.contains("is required"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secrets.database.name", "secrets.auth.name", "secrets.pii.name", "secrets.service.name",
            "secrets.archive.name"})
    void eachSecretNameIsRequired(String missing) {
        Map<String, String> sets = new LinkedHashMap<>(HelmChart.REQUIRED_SETS);
        sets.remove(missing);
        String message = templateError(List.of(), sets);
        assertTrue(message.contains(missing + " ") && message.contains("is required"), message);
    }

    @Test
    void aComponentMayBringItsOwnDatabaseSecretInstead() {
        Map<String, String> sets = new LinkedHashMap<>(HelmChart.REQUIRED_SETS);
        sets.remove("secrets.database.name");
        sets.put("components.identity.database.secretName", "identity-db");
        sets.put("components.transaction-archive.database.secretName", "archive-db");
        sets.put("components.training.database.secretName", "training-db");
        sets.put("components.room-grading.database.secretName", "grading-db");
        sets.put("components.consumer-rights.database.secretName", "consumer-db");
        Rendered r = Rendered.of(List.of(), sets);
        assertEquals("training-db", RenderedManifestsTest.env(r.container("training"))
                .get("DATASOURCES_DEFAULT_URL").getValueFrom().getSecretKeyRef().getName());
        assertEquals("archive-db", RenderedManifestsTest.env(r.container("transaction-archive"))
                .get("DATASOURCES_DEFAULT_URL").getValueFrom().getSecretKeyRef().getName());
        var env = RenderedManifestsTest.env(r.container("identity"));
        assertEquals("identity-db", env.get("DATASOURCES_DEFAULT_URL").getValueFrom().getSecretKeyRef().getName());
        assertEquals("identity-db", env.get("DATASOURCES_DEFAULT_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        assertEquals("lc-pii", env.get("LIVECOMPLY_PII_KEYS").getValueFrom().getSecretKeyRef().getName());
    }

    @Test
    void anUnknownAuthModeIsRefused() {
        Map<String, String> sets = new LinkedHashMap<>(HelmChart.REQUIRED_SETS);
        sets.put("auth.mode", "none");
        String message = templateError(List.of(), sets);
        assertTrue(message.contains("auth.mode must be hs256 or rs256"), message);
    }

    @Test
    void aCallToAComponentThatDoesNotExistIsRefused() {
        Map<String, String> sets = new LinkedHashMap<>(HelmChart.REQUIRED_SETS);
        sets.put("components.identity.calls[0]", "trainng");
        String message = templateError(List.of(), sets);
        assertTrue(message.contains("components.identity.calls: \"trainng\" is not a key of components"), message);
    }

    @Test
    void aComponentWithoutImageRepositoryIsRefused() {
        Map<String, String> sets = new LinkedHashMap<>(HelmChart.REQUIRED_SETS);
        sets.put("components.future-service.calls[0]", "identity");
        String message = templateError(List.of(), sets);
        assertTrue(message.contains("components.future-service.image.repository is required"), message);
    }

    @Test
    void clustersWithoutNativeGrpcProbesAreRefused() {
        Exception e = assertThrows(Exception.class, () -> new com.marcnuri.helm.Helm(HelmChart.CHART_DIR).template()
                .withName(HelmChart.RELEASE).withKubeVersion("1.23.0")
                .set("secrets.database.name", "a").set("secrets.auth.name", "b")
                .set("secrets.pii.name", "c").set("secrets.service.name", "d").call());
        assertTrue(e.getMessage().contains("kubeVersion"), e.getMessage());
        assertFalse(HelmChart.template(List.of(), HelmChart.REQUIRED_SETS).isBlank(), "1.30 is accepted");
    }
}
