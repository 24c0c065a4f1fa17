package org.livecomply.helm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One way an operator renders the chart, with what the output must then contain.
 *
 * @param replicas   the Deployment's replicas, or null when the HPA owns them
 * @param hpaReplicas {min, max} of the HPA, or null when autoscaling is off
 */
record Scenario(
        String name,
        List<Path> valuesFiles,
        Map<String, String> sets,
        Set<String> components,
        String authMode,
        String databaseSecret,
        String authSecret,
        String piiSecret,
        String serviceSecret,
        String archiveSecret,
        Integer replicas,
        int[] hpaReplicas,
        String reflectionEnabled) {

    Rendered render() {
        return Rendered.cached(name, valuesFiles, sets);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The services that exist so far: the chart's default components. */
    static final Set<String> DEFAULT_COMPONENTS = Set.of("identity", "training", "room-grading", "transaction-archive", "consumer-rights");

    static final Set<String> SUITE = Set.of("identity", "training", "room-grading", "transaction-archive", "consumer-rights");

    /** Chart defaults with only the required names set. */
    static Scenario defaults() {
        return new Scenario("defaults+required", List.of(), HelmChart.REQUIRED_SETS, DEFAULT_COMPONENTS, "hs256",
                "lc-db", "lc-jwt", "lc-pii", "lc-service", "lc-archive", 2, null, "false");
    }

    static Scenario production() {
        return new Scenario("production", List.of(HelmChart.PRODUCTION_VALUES), Map.of(), DEFAULT_COMPONENTS, "rs256",
                "livecomply-database", "livecomply-jwt", "livecomply-pii", "livecomply-service",
                "livecomply-archive-signing", null, new int[] {3, 10}, "false");
    }

    static Scenario staging() {
        return new Scenario("staging", List.of(HelmChart.STAGING_VALUES), Map.of(), DEFAULT_COMPONENTS, "hs256",
                "livecomply-staging-database", "livecomply-staging-jwt", "livecomply-staging-pii",
                "livecomply-staging-service", "livecomply-staging-archive", 1, null, "true");
    }

    /** The five services of the suite (test values), with the required names. */
    static Scenario suite() {
        return new Scenario("suite", List.of(HelmChart.testValues("required.yaml"), HelmChart.testValues("suite.yaml")),
                Map.of(), SUITE, "hs256", "lc-db", "lc-jwt", "lc-pii", "lc-service", "lc-archive", 2, null, "false");
    }

    /** The five services with production values. */
    static Scenario productionSuite() {
        return new Scenario("production+suite", List.of(HelmChart.PRODUCTION_VALUES, HelmChart.testValues("suite.yaml")),
                Map.of(), SUITE, "rs256", "livecomply-database", "livecomply-jwt", "livecomply-pii",
                "livecomply-service", "livecomply-archive-signing", null, new int[] {3, 10}, "false");
    }

    static Stream<Scenario> all() {
        return Stream.of(defaults(), production(), staging(), suite(), productionSuite());
    }
}
