package org.livecomply.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code helm lint --strict}: warnings fail too. */
class ChartLintTest {

    private static void assertClean(LintResult result) {
        assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
        assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
                () -> result.getMessages().toString());
    }

    @Test
    void chartAsShippedPasses() {
        assertClean(HelmChart.lintStrict(HelmChart.CHART_DIR));
    }

    @Test
    void passesWithTheRequiredNamesSet(@TempDir Path work) {
        assertClean(HelmChart.lintStrictWith(work, HelmChart.setsAsMap(HelmChart.REQUIRED_SETS)));
    }

    @Test
    void passesWithTheProductionValues(@TempDir Path work) {
        assertClean(HelmChart.lintStrictWith(work, HelmChart.readYamlMap(HelmChart.PRODUCTION_VALUES)));
    }

    @Test
    void passesWithTheStagingValues(@TempDir Path work) {
        assertClean(HelmChart.lintStrictWith(work, HelmChart.readYamlMap(HelmChart.STAGING_VALUES)));
    }

    @Test
    void passesWithTheFiveServices(@TempDir Path work) {
        assertClean(HelmChart.lintStrictWith(work, HelmChart.readYamlMap(HelmChart.PRODUCTION_VALUES),
                HelmChart.readYamlMap(HelmChart.testValues("suite.yaml"))));
    }

    /**
     * The lint above really sees the merged values: a value that yields invalid object names makes it fail.
     * (Helm's lint mode only logs {@code required} and {@code fail}; RequiredValuesTest covers those.)
     */
    @Test
    void failsWhenTheValuesYieldInvalidObjectNames(@TempDir Path work) {
        LintResult result = HelmChart.lintStrictWith(work, HelmChart.readYamlMap(HelmChart.STAGING_VALUES),
                Map.of("fullnameOverride", "LiveComply_Staging"));
        assertTrue(result.isFailed(), result.getMessages().toString());
        assertTrue(result.getMessages().stream().anyMatch(m -> m.contains("LiveComply_Staging-identity")),
                result.getMessages().toString());
    }
}
