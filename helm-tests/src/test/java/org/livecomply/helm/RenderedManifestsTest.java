package org.livecomply.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GRPCAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders the chart the ways an operator would (defaults + required names, production, staging, the
 * five-service suite) and checks, for every component, what the cluster will get.
 */
class RenderedManifestsTest {

    static Stream<Scenario> scenarios() {
        return Scenario.all();
    }

    private static final List<String> SECRET_ENV = List.of(
            "DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD",
            "LIVECOMPLY_PII_KEYS", "LIVECOMPLY_PII_PRIMARY_KEY_ID", "LIVECOMPLY_PII_BLIND_INDEX_KEY",
            "LIVECOMPLY_SERVICE_SECRET");

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void rendersExactlyTheObjectsOfEachEnabledComponent(Scenario s) {
        Rendered r = s.render();
        assertEquals(new TreeSet<>(s.components()), r.components());
        Set<String> expectedKinds = new TreeSet<>(Set.of(
                "ConfigMap", "Deployment", "NetworkPolicy", "PodDisruptionBudget", "Service", "ServiceAccount"));
        if (s.hpaReplicas() != null) {
            expectedKinds.add("HorizontalPodAutoscaler");
        }
        for (String c : s.components()) {
            Set<String> expected = new TreeSet<>(expectedKinds);
            if (c.equals("consumer-rights") && !r.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).isEmpty()) {
                expected.add("Ingress"); // the public complaint intake, where the values turn it on
            }
            List<String> kinds = r.ofComponent(c).stream().map(HasMetadata::getKind).sorted().toList();
            assertEquals(List.copyOf(expected), kinds, c + ": one of each kind");
            for (HasMetadata o : r.ofComponent(c)) {
                assertEquals(Rendered.objectName(c), o.getMetadata().getName(), o.getKind() + " of " + c);
                assertEquals(HelmChart.NAMESPACE, o.getMetadata().getNamespace(), o.getKind() + " of " + c);
            }
        }
        int ingresses = r.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).size();
        assertEquals(s.components().size() * expectedKinds.size() + ingresses, r.resources.size(), "nothing else is rendered");
        assertTrue(r.resources.stream().noneMatch(o -> o.getKind().equals("Secret")), "the chart never creates Secrets");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyObjectCarriesTheStandardLabels(Scenario s) {
        Rendered r = s.render();
        for (HasMetadata o : r.resources) {
            Map<String, String> labels = o.getMetadata().getLabels();
            String where = o.getKind() + "/" + o.getMetadata().getName();
            String component = labels.get("app.kubernetes.io/component");
            assertTrue(s.components().contains(component), where + " component label " + component);
            assertEquals("livecomply", labels.get("app.kubernetes.io/name"), where);
            assertEquals(HelmChart.RELEASE, labels.get("app.kubernetes.io/instance"), where);
            assertEquals("0.1.0", labels.get("app.kubernetes.io/version"), where);
            assertEquals("Helm", labels.get("app.kubernetes.io/managed-by"), where);
            assertEquals("livecomply", labels.get("app.kubernetes.io/part-of"), where);
            assertEquals("livecomply-0.1.0", labels.get("helm.sh/chart"), where);
            assertTrue(o.getMetadata().getName().matches("[a-z]([-a-z0-9]{0,61}[a-z0-9])?"),
                    where + ": a DNS-1035 label (Service names must be)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void podsRunNonRootWithAReadOnlyRootAndNoCapabilities(Scenario s) {
        Rendered r = s.render();
        for (String c : s.components()) {
            PodSpec pod = r.deployment(c).getSpec().getTemplate().getSpec();
            PodSecurityContext psc = pod.getSecurityContext();
            assertEquals(Boolean.TRUE, psc.getRunAsNonRoot(), c);
            assertEquals(10001L, psc.getRunAsUser(), c);
            assertNotNull(psc.getFsGroup(), c + " fsGroup");
            assertEquals("RuntimeDefault", psc.getSeccompProfile().getType(), c);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), c);

            SecurityContext sc = r.container(c).getSecurityContext();
            assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), c);
            assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), c);
            assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), c);
            assertTrue(sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty(), c);
            assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), c);

            // the JVM needs a writable /tmp on the read-only root
            VolumeMount tmp = r.container(c).getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(c + ": nothing mounted at /tmp"));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(c + ": no volume " + tmp.getName()));
            assertNotNull(volume.getEmptyDir(), c + ": /tmp is an emptyDir");
            assertFalse(Boolean.TRUE.equals(tmp.getReadOnly()), c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void probesUseGrpcHealthWithTheRightServiceNames(Scenario s) {
        Rendered r = s.render();
        for (String c : s.components()) {
            Container ctr = r.container(c);
            GRPCAction readiness = grpc(c, "readiness", ctr.getReadinessProbe());
            assertEquals(50051, readiness.getPort(), c);
            assertTrue(readiness.getService() == null || readiness.getService().isEmpty(),
                    c + ": readiness checks the overall status (NOT_SERVING when the database is down), got "
                            + readiness.getService());
            GRPCAction liveness = grpc(c, "liveness", ctr.getLivenessProbe());
            assertEquals(50051, liveness.getPort(), c);
            assertEquals("livecomply.liveness", liveness.getService(), c);
            GRPCAction startup = grpc(c, "startup", ctr.getStartupProbe());
            assertEquals(50051, startup.getPort(), c);
            assertEquals("livecomply.liveness", startup.getService(), c + ": a database outage must not kill starting pods");
            assertTrue(ctr.getStartupProbe().getFailureThreshold() * ctr.getStartupProbe().getPeriodSeconds() >= 60,
                    c + ": at least a minute to start");
        }
    }

    private static GRPCAction grpc(String component, String which, Probe probe) {
        assertNotNull(probe, component + ": no " + which + " probe");
        assertNull(probe.getHttpGet(), component + " " + which);
        assertNull(probe.getTcpSocket(), component + " " + which);
        assertNull(probe.getExec(), component + " " + which);
        assertNotNull(probe.getGrpc(), component + ": " + which + " probe is not gRPC");
        return probe.getGrpc();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void containerListensOnGrpcAndHttpAndGetsItsPortsAndJvmOptions(Scenario s) {
        Rendered r = s.render();
        for (String c : s.components()) {
            Container ctr = r.container(c);
            Map<String, Integer> ports = ctr.getPorts().stream()
                    .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
            assertEquals(Map.of("grpc", 50051, "http", 8080), ports, c);
            Map<String, EnvVar> env = env(ctr);
            assertEquals("50051", env.get("GRPC_SERVER_PORT").getValue(), c);
            assertEquals("8080", env.get("MICRONAUT_SERVER_PORT").getValue(), c);
            assertTrue(env.get("MICRONAUT_ENVIRONMENTS").getValue().startsWith("k8s"), c);
            assertTrue(env.get("JAVA_TOOL_OPTIONS").getValue().contains("-XX:MaxRAMPercentage=75"), c);
            assertTrue(ctr.getImage().endsWith("livecomply/" + c + "-service:0.1.0"), c + " image " + ctr.getImage());
            Map<String, ?> requests = ctr.getResources().getRequests();
            Map<String, ?> limits = ctr.getResources().getLimits();
            assertTrue(requests.keySet().containsAll(Set.of("cpu", "memory")), c + " requests " + requests);
            assertTrue(limits.containsKey("memory"), c + " limits " + limits);
            Long grace = r.deployment(c).getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertTrue(grace != null && grace >= 30, c + " terminationGracePeriodSeconds " + grace);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void secretsAreReferencedByNameAndKeyNeverInlined(Scenario s) {
        Rendered r = s.render();
        for (String c : s.components()) {
            Map<String, EnvVar> env = env(r.container(c));
            assertSecretRef(env, "DATASOURCES_DEFAULT_URL", s.databaseSecret(), c + "-jdbc-url");
            assertSecretRef(env, "DATASOURCES_DEFAULT_USERNAME", s.databaseSecret(), c + "-username");
            assertSecretRef(env, "DATASOURCES_DEFAULT_PASSWORD", s.databaseSecret(), c + "-password");
            assertSecretRef(env, "LIVECOMPLY_PII_KEYS", s.piiSecret(), "pii-keys");
            assertSecretRef(env, "LIVECOMPLY_PII_PRIMARY_KEY_ID", s.piiSecret(), "pii-primary-key-id");
            assertSecretRef(env, "LIVECOMPLY_PII_BLIND_INDEX_KEY", s.piiSecret(), "pii-blind-index-key");
            assertSecretRef(env, "LIVECOMPLY_SERVICE_SECRET", s.serviceSecret(), c + "-service-secret");
            if (s.authMode().equals("rs256")) {
                assertSecretRef(env, "LIVECOMPLY_AUTH_RS256_PUBLIC_KEY", s.authSecret(), "rs256-public-key");
                assertFalse(env.containsKey("LIVECOMPLY_AUTH_HS256_SECRET"), c + ": only the key of the chosen mode");
            } else {
                assertSecretRef(env, "LIVECOMPLY_AUTH_HS256_SECRET", s.authSecret(), "hs256-secret");
                assertFalse(env.containsKey("LIVECOMPLY_AUTH_RS256_PUBLIC_KEY"), c + ": only the key of the chosen mode");
            }
            if (c.equals("transaction-archive")) {
                assertSecretRef(env, "LIVECOMPLY_ARCHIVE_SIGNING_KEY", s.archiveSecret(), "signing-key");
                assertNull(env.get("LIVECOMPLY_ARCHIVE_SIGNING_KEY").getValue(), c + ": the signing key must not be inlined");
            } else {
                assertFalse(env.containsKey("LIVECOMPLY_ARCHIVE_SIGNING_KEY"), c + ": only the archive gets the signing key");
            }
            for (String name : SECRET_ENV) {
                assertNull(env.get(name).getValue(), c + ": " + name + " must not be inlined");
            }
            // nothing secret leaks into the ConfigMap
            ConfigMap cm = r.configMap(c);
            for (String key : cm.getData().keySet()) {
                assertFalse(key.matches(".*(PASSWORD|SECRET|PII|DATASOURCES).*"), c + ": secret-looking ConfigMap key " + key);
            }
        }
    }

    private static void assertSecretRef(Map<String, EnvVar> env, String name, String secret, String key) {
        EnvVar var = env.get(name);
        assertNotNull(var, "env " + name + " missing");
        assertNotNull(var.getValueFrom(), name + " has no valueFrom");
        SecretKeySelector ref = var.getValueFrom().getSecretKeyRef();
        assertNotNull(ref, name + " is not a secretKeyRef");
        assertEquals(secret, ref.getName(), name + " secret");
        assertEquals(key, ref.getKey(), name + " key");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void configMapIsLoadedWholesaleAndItsContentIsChecksummedIntoThePod(Scenario s) {
        Rendered r = s.render();
        for (String c : s.components()) {
            Container ctr = r.container(c);
            assertEquals(1, ctr.getEnvFrom().size(), c);
            assertEquals(Rendered.objectName(c), ctr.getEnvFrom().get(0).getConfigMapRef().getName(), c);
            ConfigMap cm = r.configMap(c);
            assertEquals(s.reflectionEnabled(), cm.getData().get("LIVECOMPLY_GRPC_REFLECTION_ENABLED"), c);
            assertTrue(cm.getData().containsKey("LOGGER_LEVELS_ROOT"), c);
            for (String key : cm.getData().keySet()) {
                assertTrue(key.matches("[A-Za-z_][A-Za-z0-9_]*"), c + ": ConfigMap key " + key + " is no env var name");
            }
            String checksum = r.deployment(c).getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
            assertNotNull(checksum, c);
            assertTrue(checksum.matches("[0-9a-f]{64}"), c + " checksum " + checksum);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachComponentRunsAsItsOwnServiceAccountWithoutAnApiToken(Scenario s) {
        Rendered r = s.render();
        for (String c : s.components()) {
            String name = r.deployment(c).getSpec().getTemplate().getSpec().getServiceAccountName();
            assertEquals(Rendered.objectName(c), name, c);
            ServiceAccount sa = r.serviceAccount(name);
            assertEquals(Boolean.FALSE, sa.getAutomountServiceAccountToken(), c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void serviceExposesGrpcAndHttpWithAppProtocolsToTheDeploymentsPods(Scenario s) {
        Rendered r = s.render();
        for (String c : s.components()) {
            Service svc = r.service(c);
            assertEquals("ClusterIP", svc.getSpec().getType(), c);
            Deployment d = r.deployment(c);
            assertEquals(d.getSpec().getSelector().getMatchLabels(), svc.getSpec().getSelector(), c + ": selects the pods");
            assertTrue(d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                    .containsAll(svc.getSpec().getSelector().entrySet()), c);
            Map<String, ServicePort> ports = svc.getSpec().getPorts().stream()
                    .collect(Collectors.toMap(ServicePort::getName, p -> p));
            assertEquals(Set.of("grpc", "http"), ports.keySet(), c);
            assertEquals(50051, ports.get("grpc").getPort(), c);
            assertEquals("grpc", ports.get("grpc").getAppProtocol(), c);
            assertEquals("grpc", ports.get("grpc").getTargetPort().getValue(), c);
            assertEquals(8080, ports.get("http").getPort(), c);
            assertEquals("http", ports.get("http").getAppProtocol(), c);
            assertEquals("http", ports.get("http").getTargetPort().getValue(), c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void disruptionBudgetCoversTheDeploymentsPods(Scenario s) {
        Rendered r = s.render();
        for (String c : s.components()) {
            PodDisruptionBudget pdb = r.pdb(c);
            assertEquals(r.deployment(c).getSpec().getSelector().getMatchLabels(),
                    pdb.getSpec().getSelector().getMatchLabels(), c);
            assertEquals(1, pdb.getSpec().getMaxUnavailable().getValue(), c);
            assertNull(pdb.getSpec().getMinAvailable(), c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void replicasBelongToTheHpaWhenAutoscalingIsOn(Scenario s) {
        Rendered r = s.render();
        for (String c : s.components()) {
            Deployment d = r.deployment(c);
            Optional<HorizontalPodAutoscaler> hpa = r.hpa(c);
            if (s.hpaReplicas() == null) {
                assertTrue(hpa.isEmpty(), c + ": no HPA");
                assertEquals(s.replicas(), d.getSpec().getReplicas(), c);
            } else {
                assertNull(d.getSpec().getReplicas(), c + ": replicas would fight the HPA on every upgrade");
                HorizontalPodAutoscaler h = hpa.orElseThrow(() -> new AssertionError(c + ": no HPA"));
                assertEquals("apps/v1", h.getSpec().getScaleTargetRef().getApiVersion(), c);
                assertEquals("Deployment", h.getSpec().getScaleTargetRef().getKind(), c);
                assertEquals(d.getMetadata().getName(), h.getSpec().getScaleTargetRef().getName(), c);
                assertEquals(s.hpaReplicas()[0], h.getSpec().getMinReplicas(), c);
                assertEquals(s.hpaReplicas()[1], h.getSpec().getMaxReplicas(), c);
                List<MetricSpec> metrics = h.getSpec().getMetrics();
                assertEquals(1, metrics.size(), c);
                assertEquals("Resource", metrics.get(0).getType(), c);
                assertEquals("cpu", metrics.get(0).getResource().getName(), c);
                assertEquals("Utilization", metrics.get(0).getResource().getTarget().getType(), c);
                assertNotNull(metrics.get(0).getResource().getTarget().getAverageUtilization(), c);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void networkPolicyIsolatesEveryComponentWithoutAllowAllRules(Scenario s) {
        Rendered r = s.render();
        for (String c : s.components()) {
            NetworkPolicy np = r.networkPolicy(c);
            assertEquals(r.deployment(c).getSpec().getSelector().getMatchLabels(),
                    np.getSpec().getPodSelector().getMatchLabels(), c);
            assertEquals(List.of("Ingress", "Egress"), np.getSpec().getPolicyTypes(), c);
            List<String> problems = new ArrayList<>();
            np.getSpec().getIngress().forEach(rule -> {
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    problems.add("ingress rule open to everyone: " + rule);
                }
                if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                    problems.add("ingress rule on every port: " + rule);
                }
            });
            np.getSpec().getEgress().forEach(rule -> {
                if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                    problems.add("egress rule on every port: " + rule);
                }
            });
            if (!problems.isEmpty()) {
                fail(c + ": " + problems);
            }
        }
    }

    static Map<String, EnvVar> env(Container c) {
        Map<String, EnvVar> env = new java.util.LinkedHashMap<>();
        for (EnvVar v : c.getEnv()) {
            if (env.put(v.getName(), v) != null) {
                fail(c.getName() + ": env " + v.getName() + " defined twice");
            }
        }
        return env;
    }
}
