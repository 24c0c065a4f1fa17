package org.livecomply.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Component env from the `secrets` section (secretEnv: the archive's signing key) and the identity report
 * folder on a PersistentVolumeClaim (reports).
 */
class SecretEnvAndReportsTest {

    private static final String SIGNING_KEY = "LIVECOMPLY_ARCHIVE_SIGNING_KEY";
    private static final String REPORT_DIR = "LIVECOMPLY_IDENTITY_REPORT_DIRECTORY";

    private static Map<String, String> required(Map<String, String> more) {
        Map<String, String> sets = new LinkedHashMap<>(HelmChart.REQUIRED_SETS);
        sets.putAll(more);
        return sets;
    }

    private static String templateError(List<Path> files, Map<String, String> sets) {
        Exception e = assertThrows(Exception.class, () -> HelmChart.template(files, sets));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "Helm's message is surfaced");
        return e.getMessage();
    }

    private static SecretKeySelector secretRef(Container c, String name) {
        EnvVar var = RenderedManifestsTest.env(c).get(name);
        assertNotNull(var, c.getName() + ": env " + name + " missing");
        assertNull(var.getValue(), name + " must not be inlined");
        assertNotNull(var.getValueFrom(), name + " has no valueFrom");
        assertNotNull(var.getValueFrom().getSecretKeyRef(), name + " is not a secretKeyRef");
        return var.getValueFrom().getSecretKeyRef();
    }

    private static PodSpec pod(Rendered r, String component) {
        return r.deployment(component).getSpec().getTemplate().getSpec();
    }

    private static List<String> volumeNames(Rendered r, String component) {
        return pod(r, component).getVolumes().stream().map(Volume::getName).toList();
    }

    private static List<String> mountPaths(Rendered r, String component) {
        return r.container(component).getVolumeMounts().stream().map(VolumeMount::getMountPath).toList();
    }

    // --- transaction-archive signing key ---------------------------------------------------------

    @Test
    void theArchiveGetsItsSigningKeyFromTheArchiveSecret() {
        Rendered r = Scenario.defaults().render();
        SecretKeySelector ref = secretRef(r.container("transaction-archive"), SIGNING_KEY);
        assertEquals("lc-archive", ref.getName());
        assertEquals("signing-key", ref.getKey());
        assertFalse(RenderedManifestsTest.env(r.container("identity")).containsKey(SIGNING_KEY),
                "only the component whose secretEnv names it");
    }

    @Test
    void theSigningKeysKeyInTheSecretIsConfigurable() {
        Rendered r = Rendered.of(List.of(), required(Map.of("secrets.archive.keys.signingKey", "ed25519-pkcs8")));
        SecretKeySelector ref = secretRef(r.container("transaction-archive"), SIGNING_KEY);
        assertEquals("lc-archive", ref.getName());
        assertEquals("ed25519-pkcs8", ref.getKey());
    }

    @Test
    void withoutTheArchiveSecretNameRenderingFailsNamingIt() {
        Map<String, String> sets = new LinkedHashMap<>(HelmChart.REQUIRED_SETS);
        sets.remove("secrets.archive.name");
        String message = templateError(List.of(), sets);
        assertTrue(message.contains("secrets.archive.name is required while components.transaction-archive is enabled"),
                message);
        assertTrue(message.contains("signing-key") && message.contains(SIGNING_KEY), message);
    }

    @Test
    void theArchiveSecretIsNotNeededWhileTheArchiveIsDisabled() {
        Map<String, String> sets = new LinkedHashMap<>(HelmChart.REQUIRED_SETS);
        sets.remove("secrets.archive.name");
        sets.put("components.transaction-archive.enabled", "false");
        sets.put("components.consumer-rights.enabled", "false"); // it calls the archive
        Rendered r = Rendered.of(List.of(), sets);
        assertEquals(java.util.Set.of("identity", "training", "room-grading"), r.components());
        assertFalse(r.yaml.contains(SIGNING_KEY), "nothing refers to the signing key");
    }

    @Test
    void theArchiveOriginIsLeftToTheServiceUnlessConfigured() {
        assertFalse(Scenario.defaults().render().configMap("transaction-archive").getData()
                .containsKey("LIVECOMPLY_ARCHIVE_ORIGIN"), "unset: the service's default applies");
        Rendered prod = Scenario.production().render();
        assertEquals("platform.example.com/livecomply/transaction-archive",
                prod.configMap("transaction-archive").getData().get("LIVECOMPLY_ARCHIVE_ORIGIN"));
        assertFalse(prod.configMap("identity").getData().containsKey("LIVECOMPLY_ARCHIVE_ORIGIN"), "archive only");
        assertFalse(RenderedManifestsTest.env(prod.container("transaction-archive")).containsKey("LIVECOMPLY_ARCHIVE_ORIGIN"),
                "not a secret: it comes from the ConfigMap");
    }

    @Test
    void anyComponentCanTakeEnvFromAnotherSecretOfTheSecretsSection(@TempDir Path work) throws IOException {
        Path values = work.resolve("extra.yaml");
        Files.writeString(values, """
                secrets:
                  extra:
                    name: lc-extra
                    keys:
                      token: "{component}-token"
                components:
                  identity:
                    secretEnv:
                      - {name: LIVECOMPLY_EXTRA_TOKEN, secret: extra, key: token}
                """);
        Rendered r = Rendered.of(List.of(HelmChart.testValues("required.yaml"), values), Map.of());
        SecretKeySelector ref = secretRef(r.container("identity"), "LIVECOMPLY_EXTRA_TOKEN");
        assertEquals("lc-extra", ref.getName());
        assertEquals("identity-token", ref.getKey(), "{component} is replaced as in the other keys");
        assertEquals("lc-archive", secretRef(r.container("transaction-archive"), SIGNING_KEY).getName(),
                "the archive keeps its own list");
        assertFalse(RenderedManifestsTest.env(r.container("transaction-archive")).containsKey("LIVECOMPLY_EXTRA_TOKEN"));
    }

    @Test
    void aSecretEnvNamingAnUnknownSecretOrKeyIsRefused() {
        String secret = templateError(List.of(), required(Map.of(
                "components.identity.secretEnv[0].name", "X_TOKEN",
                "components.identity.secretEnv[0].secret", "archve",
                "components.identity.secretEnv[0].key", "signingKey")));
        assertTrue(secret.contains("components.identity.secretEnv[0]: \"archve\" is not a key of secrets"), secret);
        String key = templateError(List.of(), required(Map.of(
                "components.identity.secretEnv[0].name", "X_TOKEN",
                "components.identity.secretEnv[0].secret", "archive",
                "components.identity.secretEnv[0].key", "signing-key")));
        assertTrue(key.contains("components.identity.secretEnv[0]: \"signing-key\" is not a key of secrets.archive.keys"), key);
        String name = templateError(List.of(), required(Map.of(
                "components.identity.secretEnv[0].name", "X-TOKEN",
                "components.identity.secretEnv[0].secret", "archive",
                "components.identity.secretEnv[0].key", "signingKey")));
        assertTrue(name.contains("\"X-TOKEN\" is not an environment variable name"), name);
    }

    // --- identity report folder ------------------------------------------------------------------

    @Test
    void enabledReportsMountTheClaimAndPointTheServiceAtIt() {
        Rendered r = Rendered.of(List.of(), required(Map.of(
                "components.identity.reports.enabled", "true",
                "components.identity.reports.existingClaim", "identity-reports",
                "components.identity.reports.mountPath", "/data/reports")));
        Volume volume = pod(r, "identity").getVolumes().stream().filter(v -> v.getName().equals("reports")).findFirst()
                .orElseThrow(() -> new AssertionError("no reports volume: " + volumeNames(r, "identity")));
        assertNotNull(volume.getPersistentVolumeClaim(), "a PersistentVolumeClaim, not an emptyDir");
        assertEquals("identity-reports", volume.getPersistentVolumeClaim().getClaimName());
        assertFalse(Boolean.TRUE.equals(volume.getPersistentVolumeClaim().getReadOnly()));
        VolumeMount mount = r.container("identity").getVolumeMounts().stream()
                .filter(m -> m.getName().equals("reports")).findFirst()
                .orElseThrow(() -> new AssertionError("reports volume not mounted: " + mountPaths(r, "identity")));
        assertEquals("/data/reports", mount.getMountPath());
        assertFalse(Boolean.TRUE.equals(mount.getReadOnly()), "the service writes there");
        assertEquals("/data/reports", RenderedManifestsTest.env(r.container("identity")).get(REPORT_DIR).getValue());
        assertEquals(List.of("tmp"), volumeNames(r, "transaction-archive"), "only identity's reports were enabled");
        assertFalse(RenderedManifestsTest.env(r.container("transaction-archive")).containsKey(REPORT_DIR));
    }

    @Test
    void productionValuesEnableTheReportsOnTheExampleClaim() {
        Rendered r = Scenario.production().render();
        assertEquals("livecomply-identity-reports", pod(r, "identity").getVolumes().stream()
                .filter(v -> v.getName().equals("reports")).findFirst().orElseThrow()
                .getPersistentVolumeClaim().getClaimName());
        assertEquals(List.of("/tmp", "/var/lib/livecomply/reports"), mountPaths(r, "identity"));
        assertEquals("/var/lib/livecomply/reports", RenderedManifestsTest.env(r.container("identity")).get(REPORT_DIR).getValue());
    }

    @Test
    void disabledReportsLeaveNoVolumeNoMountAndNoVariable() {
        Rendered defaults = Scenario.defaults().render();
        // the production claim stays configured, only `enabled` is turned off
        Rendered off = Rendered.of(List.of(HelmChart.PRODUCTION_VALUES), Map.of("components.identity.reports.enabled", "false"));
        for (Rendered r : List.of(defaults, off)) {
            assertEquals(List.of("tmp"), volumeNames(r, "identity"));
            assertEquals(List.of("/tmp"), mountPaths(r, "identity"));
            assertFalse(RenderedManifestsTest.env(r.container("identity")).containsKey(REPORT_DIR), "unset: the job is off");
            assertFalse(r.configMap("identity").getData().containsKey(REPORT_DIR));
            assertFalse(r.yaml.contains("persistentVolumeClaim"));
        }
    }

    @Test
    void enabledReportsWithoutAClaimAreRefused() {
        String message = templateError(List.of(), required(Map.of("components.identity.reports.enabled", "true")));
        assertTrue(message.contains("components.identity.reports.existingClaim is required when reports are enabled"), message);
    }

    @Test
    void reportsOnAComponentWithoutAReportFolderVariableOrOnTmpAreRefused() {
        String noEnv = templateError(List.of(), required(Map.of(
                "components.transaction-archive.reports.enabled", "true",
                "components.transaction-archive.reports.existingClaim", "archive-reports")));
        assertTrue(noEnv.contains("components.transaction-archive.reports.env is required"), noEnv);
        String tmp = templateError(List.of(), required(Map.of(
                "components.identity.reports.enabled", "true",
                "components.identity.reports.existingClaim", "identity-reports",
                "components.identity.reports.mountPath", "/tmp/")));
        assertTrue(tmp.contains("components.identity.reports.mountPath must be an absolute path other than / and /tmp"), tmp);
    }
}
