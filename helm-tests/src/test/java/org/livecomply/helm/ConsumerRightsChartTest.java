package org.livecomply.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * consumer-rights in the chart: its clients' addresses under the names its configuration uses, the
 * NetworkPolicy edges (it calls identity, the archive and room-grading; room-grading calls it back for
 * Art. 23), and the public Ingress that exposes exactly the consumers' paths.
 */
class ConsumerRightsChartTest {

    private static final List<Path> SUITE = List.of(HelmChart.testValues("required.yaml"), HelmChart.testValues("suite.yaml"));
    private static final Map<String, String> INGRESS = Map.of(
            "components.consumer-rights.ingress.enabled", "true",
            "components.consumer-rights.ingress.host", "complaints.platform.example",
            "components.consumer-rights.ingress.className", "nginx",
            "components.consumer-rights.ingress.tls.secretName", "complaints-tls");

    @Test
    void itIsOnByDefaultAndInTheSuite() {
        assertTrue(Rendered.cached("defaults", List.of(), HelmChart.REQUIRED_SETS).components().contains("consumer-rights"));
        Rendered suite = Rendered.cached("suite", SUITE, Map.of());
        assertTrue(suite.components().contains("consumer-rights"));
        assertTrue(suite.all(Ingress.class).isEmpty(), "no Ingress unless enabled");
    }

    @Test
    void itsClientsAreAddressedUnderTheNamesItsConfigurationUses() {
        Map<String, String> config = Rendered.cached("suite", SUITE, Map.of()).configMap("consumer-rights").getData();
        assertEquals(Rendered.objectName("identity") + ":50051", config.get("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS"));
        assertEquals(Rendered.objectName("transaction-archive") + ":50051", config.get("LIVECOMPLY_CLIENTS_ARCHIVE_ADDRESS"));
        assertEquals(Rendered.objectName("room-grading") + ":50051", config.get("LIVECOMPLY_CLIENTS_GRADING_ADDRESS"));
        assertFalse(config.keySet().stream().anyMatch(k -> k.contains("TRANSACTION_ARCHIVE") || k.contains("ROOM_GRADING")),
                "a hyphenated name would also bind as livecomply.clients.transaction.*: " + config.keySet());
    }

    @Test
    void roomGradingMayCallItBackForArticle23AndItCallsItsThreeDependencies() {
        Rendered suite = Rendered.cached("suite", SUITE, Map.of());
        NetworkPolicy policy = suite.networkPolicy("consumer-rights");
        Set<String> grpcCallers = policy.getSpec().getIngress().stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 50051))
                .flatMap(rule -> rule.getFrom().stream()).map(ConsumerRightsChartTest::component).collect(Collectors.toSet());
        assertEquals(Set.of("room-grading"), grpcCallers);
        Set<String> callees = policy.getSpec().getEgress().stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 50051))
                .flatMap(rule -> rule.getTo().stream()).map(ConsumerRightsChartTest::component).collect(Collectors.toSet());
        assertEquals(Set.of("identity", "transaction-archive", "room-grading"), callees);
    }

    @Test
    void theIngressRoutesOnlyThePublicPathsToTheHttpPort() {
        Rendered rendered = Rendered.of(SUITE, INGRESS);
        List<Ingress> ingresses = rendered.all(Ingress.class);
        assertEquals(1, ingresses.size());
        Ingress ingress = ingresses.get(0);
        assertEquals(Rendered.objectName("consumer-rights"), ingress.getMetadata().getName());
        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        assertEquals(List.of("complaints.platform.example"), ingress.getSpec().getTls().get(0).getHosts());
        assertEquals("complaints-tls", ingress.getSpec().getTls().get(0).getSecretName());
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths();
        assertEquals(List.of("/api/v1/complaints", "/api/v1/complaint-policy", "/complaints", "/complaint-policy"),
                paths.stream().map(HTTPIngressPath::getPath).toList());
        for (HTTPIngressPath path : paths) {
            assertEquals(Rendered.objectName("consumer-rights"), path.getBackend().getService().getName());
            assertEquals("http", path.getBackend().getService().getPort().getName());
        }
        assertTrue(paths.stream().noneMatch(p -> p.getPath().startsWith("/health") || p.getPath().startsWith("/prometheus") || "/".equals(p.getPath())));
    }

    @Test
    void anEnabledIngressNeedsItsHostAndCertificate() {
        RuntimeException noHost = assertThrows(RuntimeException.class, () -> Rendered.of(SUITE,
                Map.of("components.consumer-rights.ingress.enabled", "true")));
        assertTrue(noHost.getMessage().contains("components.consumer-rights.ingress.host is required"), noHost.getMessage());
        RuntimeException noSecret = assertThrows(RuntimeException.class, () -> Rendered.of(SUITE,
                Map.of("components.consumer-rights.ingress.enabled", "true", "components.consumer-rights.ingress.host", "c.example")));
        assertTrue(noSecret.getMessage().contains("tls.secretName is required"), noSecret.getMessage());
    }

    private static String component(NetworkPolicyPeer peer) {
        return Objects.requireNonNull(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/component"), peer.toString());
    }

    @Test
    void productionGivesItATokenPerCalleeAnIngressAndTheRoomGradingHandoffToken() {
        Rendered prod = Scenario.production().render();
        var env = RenderedManifestsTest.env(prod.container("consumer-rights"));
        for (String callee : List.of("IDENTITY", "ARCHIVE", "GRADING")) {
            assertEquals("consumer-rights-" + callee.toLowerCase(java.util.Locale.ROOT) + "-token",
                    env.get("LIVECOMPLY_CLIENTS_" + callee + "_TOKEN").getValueFrom().getSecretKeyRef().getKey(), callee);
        }
        assertEquals("room-grading-consumer-token", RenderedManifestsTest.env(prod.container("room-grading"))
                .get("LIVECOMPLY_CLIENTS_CONSUMER_TOKEN").getValueFrom().getSecretKeyRef().getKey());
        Ingress ingress = prod.all(Ingress.class).get(0);
        assertEquals("complaints.platform.example.com", ingress.getSpec().getRules().get(0).getHost());
    }
}
