package org.livecomply.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator the chart tests rely on must really reject what the API server would reject. */
class StrictParsingTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              replicas: 2
              selector:
                matchLabels: {app: d}
              template:
                metadata:
                  labels: {app: d}
                spec:
                  containers:
                    - name: c
                      image: i
                      resources:
                        limits: {cpu: 1, memory: 1Gi}
                      readinessProbe:
                        grpc: {port: 50051, service: x}
            """;

    @Test
    void splitsDocumentsIntoTypedObjectsOfEveryApiGroupTheChartUses() {
        String yaml = "---\n# Source: only a comment\n---\n" + DEPLOYMENT + """
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: p}
                spec: {maxUnavailable: 1, selector: {matchLabels: {app: d}}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: h}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d}
                  maxReplicas: 3
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: n}
                spec: {podSelector: {}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data: {A: "true"}
                """;
        List<HasMetadata> parsed = Manifests.parse(yaml);
        assertEquals(5, parsed.size());
        Deployment d = assertInstanceOf(Deployment.class, parsed.get(0));
        assertEquals(2, d.getSpec().getReplicas());
        assertEquals("x", d.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe().getGrpc().getService());
        assertInstanceOf(PodDisruptionBudget.class, parsed.get(1));
        assertInstanceOf(HorizontalPodAutoscaler.class, parsed.get(2));
        assertInstanceOf(NetworkPolicy.class, parsed.get(3));
        assertInstanceOf(ConfigMap.class, parsed.get(4));
    }

    @Test
    void rejectsAFieldTheApiDoesNotKnow() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Manifests.parse(DEPLOYMENT.replace("image: i", "image: i\n          imagePullPolizy: Always")));
        assertTrue(e.getMessage().contains("imagePullPolizy"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownFieldNestedInAProbe() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Manifests.parse(DEPLOYMENT.replace("service: x", "service: x, serviceName: y")));
        assertTrue(e.getMessage().contains("serviceName"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownKindOrApiVersion() {
        AssertionError kind = assertThrows(AssertionError.class,
                () -> Manifests.parse(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet")));
        assertTrue(kind.getMessage().contains("apps/v1/Deploymnet"), kind.getMessage());
        AssertionError version = assertThrows(AssertionError.class,
                () -> Manifests.parse(DEPLOYMENT.replace("apiVersion: apps/v1", "apiVersion: apps/v1beta9")));
        assertTrue(version.getMessage().contains("unknown apiVersion/kind"), version.getMessage());
    }

    @Test
    void rejectsAStringWhereTheApiWantsANumber() {
        assertThrows(AssertionError.class, () -> Manifests.parse(DEPLOYMENT.replace("replicas: 2", "replicas: \"2\"")));
    }

    @Test
    void rejectsABooleanWhereTheApiWantsAString() {
        assertThrows(AssertionError.class, () -> Manifests.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data: {A: true}
                """));
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThrows(RuntimeException.class,
                () -> Manifests.parse(DEPLOYMENT.replace("replicas: 2", "replicas: 2\n  replicas: 3")));
    }
}
