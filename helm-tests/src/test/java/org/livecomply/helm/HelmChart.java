package org.livecomply.helm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart under test and the helm-java calls the tests make (template, lint). */
final class HelmChart {

    static final String RELEASE = "lc";
    static final String NAMESPACE = "livecomply";
    /** Kubernetes version the tests render for (the chart requires >= 1.24 for native gRPC probes). */
    static final String KUBE_VERSION = "1.30.0";

    static final Path CHART_DIR = locateChart();
    static final Path PRODUCTION_VALUES = CHART_DIR.resolve("values-production.yaml");
    static final Path STAGING_VALUES = CHART_DIR.resolve("values-staging.yaml");

    /** The secret names an operator must set (archive: while transaction-archive is enabled), as --set pairs. */
    static final Map<String, String> REQUIRED_SETS = Map.of(
            "secrets.database.name", "lc-db",
            "secrets.auth.name", "lc-jwt",
            "secrets.pii.name", "lc-pii",
            "secrets.service.name", "lc-service",
            "secrets.archive.name", "lc-archive");

    private HelmChart() {
    }

    private static Path locateChart() {
        String configured = System.getProperty("livecomply.chart.dir");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("..", "helm", "livecomply");
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no Chart.yaml in " + dir);
        }
        return dir;
    }

    static Path testValues(String name) {
        Path p = Paths.get("src", "test", "resources", "values", name).toAbsolutePath();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing test values file " + p);
        }
        return p;
    }

    /** {@code helm template lc helm/livecomply -n livecomply --kube-version 1.30.0 -f ... --set ...}. */
    static String template(List<Path> valuesFiles, Map<String, String> sets) {
        TemplateCommand cmd = new Helm(CHART_DIR).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path f : valuesFiles) {
            cmd = cmd.withValuesFile(f);
        }
        for (Map.Entry<String, String> s : sets.entrySet()) {
            cmd = cmd.set(s.getKey(), s.getValue());
        }
        return cmd.call();
    }

    /** {@code helm lint --strict} of the chart as shipped (its own values.yaml). */
    static LintResult lintStrict(Path chartDir) {
        return new Helm(chartDir).lint().strict().call();
    }

    /**
     * {@code helm lint --strict -f <files>}: helm-java's lint takes no values, so the chart is copied into
     * {@code workDir} with a values.yaml that is the chart's values merged (the way Helm merges -f files)
     * with the given files, in order.
     */
    @SafeVarargs
    static LintResult lintStrictWith(Path workDir, Map<String, Object>... overlays) {
        Path copy = workDir.resolve("livecomply");
        copyTree(CHART_DIR, copy);
        Map<String, Object> values = readYamlMap(CHART_DIR.resolve("values.yaml"));
        for (Map<String, Object> overlay : overlays) {
            values = mergeValues(values, overlay);
        }
        try {
            Manifests.YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lintStrict(copy);
    }

    static Map<String, Object> readYamlMap(Path file) {
        try {
            Map<String, Object> map = Manifests.YAML.readValue(file.toFile(), new TypeReference<>() {
            });
            return map == null ? new LinkedHashMap<>() : map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's values coalescing: maps merge recursively, other values replace, null deletes the key. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeValues(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            Object current = result.get(key);
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map && current instanceof Map) {
                result.put(key, mergeValues((Map<String, Object>) current, (Map<String, Object>) value));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    /** The dotted --set pairs as a nested map (no list syntax needed here). */
    static Map<String, Object> setsAsMap(Map<String, String> sets) {
        Map<String, Object> root = new LinkedHashMap<>();
        sets.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
                node = next;
            }
            node.put(parts[parts.length - 1], value);
        });
        return root;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            List<Path> all = new ArrayList<>(paths.toList());
            for (Path p : all) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
